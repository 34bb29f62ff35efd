import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { DATE, JSON_HEADERS, fieldError, roleLabel } from './format.js';

// A decider's absence: their decisions delegated to a colleague of the same role for some days, and those they hold
// by delegation; give one, end one. Drawn in the page's own DOM (no shadow root), so the page's styles apply. Calls
// go through the page's act(), which shows their outcome.
class DemarchesDelegations extends LitElement {
  static properties = { delegations: { attribute: false }, roles: { attribute: false }, act: { attribute: false },
    problem: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  async reload() {
    this.delegations = await api('/api/colibris/delegations');
  }

  async delegate(e) {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(e.target));
    if (await this.act(() => api('/api/colibris/delegations', { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify(body) }), 'Délégation enregistrée.')) {
      await this.reload();
      e.target.reset();
    }
  }

  async revoke(delegation) {
    if (confirm('Mettre fin à la délégation à ' + delegation.delegateName + ' ?')
      && await this.act(() => api('/api/colibris/delegations/' + delegation.id, { method: 'DELETE' }), 'Délégation terminée.') !== null) {
      await this.reload();
    }
  }

  render() {
    const d = this.delegations;
    const line = (x, given) => html`<li><span>${given ? 'À ' + x.delegateName : 'De ' + x.delegatorName}
      (${roleLabel(x.role)})</span>
      <span>du ${DATE.format(new Date(x.from))} au ${DATE.format(new Date(x.to))}${x.active ? html` <span class="etat">en cours</span>` : ''}</span>
      ${given ? html`<button class="bouton secondaire" @click=${() => this.revoke(x)}>Mettre fin</button>` : ''}</li>`;
    return html`<section class="carte" aria-labelledby="titre-delegations">
      <h2 id="titre-delegations">Délégations</h2>
      ${d.received.length ? html`<p>Vous décidez par délégation :</p><ul class="liste">${d.received.map((x) => line(x, false))}</ul>` : ''}
      ${d.given.length ? html`<p>Vous avez délégué vos décisions :</p><ul class="liste">${d.given.map((x) => line(x, true))}</ul>` : ''}
      <form class="champs" @submit=${(e) => this.delegate(e)}>
        <label>Identifiant du ou de la collègue <input name="delegate" required placeholder="ex. mdupont"></label>
        <label>Rôle <select name="role">${this.roles.map((role) => html`<option value=${role}>${roleLabel(role)}</option>`)}</select></label>
        <label>Du <input type="date" name="from" required></label>
        <label>au <input type="date" name="to" required></label>
        ${fieldError(this.problem, 'delegate', 'role', 'from', 'to')}
        <button class="bouton">Déléguer</button>
      </form></section>`;
  }
}

customElements.define('demarches-delegations', DemarchesDelegations);
