import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';
import { JOUR } from '../dates.js';
import { plural } from '../words.js';

// The personal recovery address that « Mot de passe oublié ? » can send a code to, registered as a mail provider does
// it: an address, a code sent there, the code typed back. Once a year (or while there is none) the card asks her to
// check it: she proves again that she reads it, the way she would on the day she needs it.
class CompteSecours extends LitElement {
  static properties = {
    state: { state: true },
    editing: { state: true },
    problem: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  static styles = [pageStyles, touchStyles, css`
    form { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .75rem 0; }
    label { display: flex; flex-direction: column; gap: .25rem; flex: 1 1 16rem; font-weight: 600; }
    input { font: inherit; font-weight: normal; padding: .5rem; border: 1px solid #888; border-radius: 4px; min-height: 44px; box-sizing: border-box; }
    input[aria-invalid="true"] { border-color: var(--rouge, #ce0500); }
    .champ-erreur { color: var(--rouge, #ce0500); font-weight: normal; margin: 0; }
    button { font: inherit; padding: .4rem .8rem; min-height: 44px; border: 1px solid var(--bleu, #000091); color: var(--bleu, #000091); background: #fff; border-radius: 4px; cursor: pointer; }
    button.principal { background: var(--bleu, #000091); color: #fff; }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
    .rappel { background: #fff4e5; border-left: 4px solid #b34000; padding: .5rem 1rem; }
    .info { background: #e8f4ff; border-left: 4px solid var(--bleu, #000091); padding: .5rem 1rem; }
    .adresse { overflow-wrap: anywhere; }
  `];

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.state = await api('/api/compte/secours');
    } catch (e) {
      this.problem = { detail: e.message };
    }
  }

  async call(path, method, body) {
    this.busy = true;
    this.problem = undefined;
    try {
      const answer = await api(path, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      return answer;
    } catch (e) {
      this.problem = { ...(e.problem || {}), detail: e.message };
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async sendCode(address) {
    const answer = await this.call('/api/compte/secours', 'POST', { adresse: address });
    if (answer) {
      this.state = answer;
      this.editing = false;
      this.message = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector('#code-secours')?.focus();
    } else {
      this.renderRoot.querySelector(this.state?.enAttente ? '#code-secours' : '#adresse-secours')?.focus();
    }
  }

  async confirm(event) {
    event.preventDefault();
    const code = event.target.querySelector('#code-secours').value;
    const answer = await this.call('/api/compte/secours/confirmation', 'POST', { code });
    if (answer) {
      this.state = answer;
      this.message = `Votre adresse de secours ${answer.adresse} est confirmée.`;
      await this.updateComplete;
      this.renderRoot.querySelector('[role="status"]')?.focus();
    } else {
      this.renderRoot.querySelector('#code-secours')?.focus();
      if (this.problem?.type === 'urn:portail:gateway:no-recovery-code') {
        this.load();
      }
    }
  }

  async remove() {
    if (!confirm(`Supprimer l'adresse de secours ${this.state.adresse} ? « Mot de passe oublié ? » ne pourra plus y envoyer de code.`)) {
      return;
    }
    if (await this.call('/api/compte/secours', 'DELETE') !== undefined) {
      this.message = 'Votre adresse de secours est supprimée.';
      this.load();
    }
  }

  fieldError(field) {
    return this.problem && this.problem.field === field
      ? html`<span class="champ-erreur" id="erreur-${field}">${this.problem.detail}</span>` : '';
  }

  render() {
    const s = this.state;
    if (!s) {
      return this.problem ? html`<p class="erreur" role="alert">${this.problem.detail}</p>` : html`<p class="discret">Chargement…</p>`;
    }
    const otherProblem = this.problem && !['adresse', 'code'].includes(this.problem.field)
      ? html`<p class="erreur" role="alert">${this.problem.detail}</p>` : '';
    return html`
      <p>Si vous oubliez votre mot de passe, « Mot de passe oublié ? » peut envoyer un code à une adresse personnelle,
        hors de l'académie, au lieu de vous demander votre NUMEN et votre date de naissance.</p>
      ${this.message ? html`<p class="info" role="status" tabindex="-1">${this.message}</p>` : ''}
      ${otherProblem}
      ${s.aVerifier && !s.enAttente ? this.renderReminder(s) : ''}
      ${s.enAttente ? this.renderPending(s)
        : s.adresse && !this.editing ? this.renderConfirmed(s) : this.renderNewAddress(s)}`;
  }

  renderReminder(s) {
    return html`<p class="rappel" id="rappel-secours">${s.adresse
      ? html`Vous avez vérifié votre adresse de secours le ${JOUR.format(new Date(s.verifieeLe))}, il y a plus d'un an.
        La lisez-vous toujours ? Vérifiez-la maintenant : un code vous y sera envoyé.`
      : html`Vous n'avez pas encore d'adresse de secours. Ajoutez-en une : le jour où vous oublierez votre mot de passe,
        vous reprendrez la main même sans votre NUMEN.`}</p>`;
  }

  renderConfirmed(s) {
    return html`<p>Adresse de secours : <strong class="adresse" id="adresse-confirmee">${s.adresse}</strong>,
        vérifiée le ${JOUR.format(new Date(s.verifieeLe))}.</p>
      <div class="actions">
        <button class=${s.aVerifier ? 'principal' : ''} ?disabled=${this.busy}
          @click=${() => this.sendCode(s.adresse)}>Vérifier maintenant</button>
        <button @click=${() => { this.editing = true; this.problem = undefined; }}>Changer d'adresse</button>
        <button @click=${() => this.remove()}>Supprimer</button>
      </div>`;
  }

  renderNewAddress(s) {
    const error = this.problem?.field === 'adresse';
    return html`<form novalidate @submit=${(e) => { e.preventDefault(); this.sendCode(e.target.querySelector('input').value); }}>
        <label for="adresse-secours">Adresse électronique personnelle
          <input id="adresse-secours" type="email" autocomplete="email" maxlength="254" placeholder="prenom.nom@exemple.fr"
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'erreur-adresse' : ''}>
          ${this.fieldError('adresse')}</label>
        <div class="actions">
          <button class="principal" type="submit" ?disabled=${this.busy}>Recevoir un code de confirmation</button>
          ${s.adresse ? html`<button type="button" @click=${() => { this.editing = false; this.problem = undefined; }}>Annuler</button>` : ''}
        </div>
      </form>`;
  }

  renderPending(s) {
    const error = this.problem?.field === 'code';
    const minutes = Math.max(1, Math.round((new Date(s.enAttenteJusquA) - Date.now()) / 60000));
    return html`<p id="code-envoye">Un code à 6 chiffres vient d'être envoyé à <strong class="adresse">${s.enAttente}</strong>.
        Saisissez-le ici pour confirmer cette adresse (il est valable encore ${plural('minute', minutes)}).
        Pensez à regarder dans les courriers indésirables.</p>
      <form novalidate @submit=${(e) => this.confirm(e)}>
        <label for="code-secours">Code reçu
          <input id="code-secours" inputmode="numeric" autocomplete="one-time-code" maxlength="7"
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'erreur-code' : ''}>
          ${this.fieldError('code')}</label>
        <div class="actions">
          <button class="principal" type="submit" ?disabled=${this.busy}>Confirmer l'adresse</button>
          <button type="button" ?disabled=${this.busy} @click=${() => this.sendCode(s.enAttente)}>Renvoyer un code</button>
          <button type="button" @click=${() => { this.state = { ...s, enAttente: null }; this.editing = true; this.problem = undefined; }}>
            Changer d'adresse</button>
        </div>
      </form>`;
  }
}

customElements.define('compte-secours', CompteSecours);
