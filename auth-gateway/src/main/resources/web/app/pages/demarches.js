import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { onRoute } from '../router.js';
import { pageStyles } from '../styles.js';
import '../demarches/formulaire.js';

const STATUTS = {
  DRAFT: 'Brouillon',
  IN_REVIEW: 'En cours d\'examen',
  RETURNED: 'À compléter',
  APPROVED: 'Acceptée',
  REFUSED: 'Refusée',
  WITHDRAWN: 'Retirée',
};
const EVENEMENTS = {
  CREATED: 'Brouillon créé', SUBMITTED: 'Demande déposée', RESUBMITTED: 'Demande complétée et déposée de nouveau',
  APPROVED_STEP: 'Étape acceptée', APPROVED: 'Demande acceptée', REFUSED: 'Demande refusée',
  RETURNED: 'Renvoyée pour complément', WITHDRAWN: 'Demande retirée',
};
const DECIDEURS = ['chef-etablissement', 'gestionnaire-rh'];
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
const MOMENT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

// "Mes démarches": the person's requests (/demarches), a new one (/demarches/nouvelle), one request with its
// history and what the caller may do (/demarches/<id>), and for heads of school and HR the requests waiting for
// their decision (/demarches/a-traiter).
class PageDemarches extends LitElement {
  static properties = { me: { attribute: false }, view: { state: true }, data: { state: true }, types: { state: true },
    type: { state: true }, error: { state: true }, problem: { state: true }, done: { state: true } };
  static styles = [pageStyles, css`
    .onglets { display: flex; gap: 1rem; margin-bottom: 1rem; align-items: center; flex-wrap: wrap; }
    .onglets a[aria-current="page"] { font-weight: 700; }
    .bouton { background: var(--bleu, #000091); color: #fff; border: none; border-radius: 4px; padding: .5rem 1rem; font: inherit; cursor: pointer; text-decoration: none; }
    .secondaire { background: #fff; color: var(--bleu, #000091); border: 1px solid var(--bleu, #000091); }
    .types { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
    .types button { text-align: left; background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 1rem; font: inherit; cursor: pointer; }
    .types button:disabled { opacity: .6; cursor: not-allowed; }
    .types strong { display: block; margin-bottom: .3rem; }
    .etat { display: inline-block; border-radius: 3px; padding: 0 .4rem; background: #eee; }
    .retard { color: var(--rouge, #ce0500); font-weight: 600; }
    .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: 1rem; }
    ol.historique { padding-left: 1.2rem; }
    ol.historique li { margin-bottom: .5rem; }
    .fait { background: #e8f6ec; border-left: 4px solid #18753c; padding: .6rem 1rem; }
    textarea { font: inherit; width: 100%; max-width: 40rem; box-sizing: border-box; }
    ul.liste a { color: inherit; }
  `];

  connectedCallback() {
    super.connectedCallback();
    this.unsubscribe = onRoute(() => this.load());
    this.load();
  }

  disconnectedCallback() {
    this.unsubscribe();
    super.disconnectedCallback();
  }

  deciding() {
    return (this.me?.roles || []).some((role) => DECIDEURS.includes(role));
  }

  async load() {
    if (!location.pathname.startsWith('/demarches')) {
      return; // leaving for another page: the layout replaces this one
    }
    const part = location.pathname.replace(/^\/demarches\/?/, '');
    this.view = part === '' ? 'mine' : part === 'nouvelle' ? 'new' : part === 'a-traiter' ? 'todo' : 'one';
    this.error = null;
    this.problem = null;
    this.data = null;
    try {
      if (this.view === 'mine') {
        this.data = (await api('/api/colibris/requests')).items;
      } else if (this.view === 'todo') {
        this.data = (await api('/api/colibris/to-decide')).items;
      } else if (this.view === 'new') {
        this.type = null;
        this.types = (await api('/api/colibris/types')).items;
      } else {
        this.data = await api('/api/colibris/requests/' + encodeURIComponent(part));
        this.types = this.types || (await api('/api/colibris/types')).items;
      }
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Runs a call on the request; a refusal naming a field goes under that field, any other above. */
  async act(call, done) {
    this.problem = null;
    this.error = null;
    this.done = null;
    try {
      const result = await call();
      this.done = done;
      return result;
    } catch (e) {
      if (e.problem && e.problem.field && e.problem.field.startsWith('form.')) {
        this.problem = e.problem;
      } else {
        this.error = e.message;
      }
      return null;
    }
  }

  tabs() {
    return html`<div class="onglets">
      <a href="/demarches" aria-current=${this.view === 'mine' ? 'page' : 'false'}>Mes demandes</a>
      ${this.deciding() ? html`<a href="/demarches/a-traiter" aria-current=${this.view === 'todo' ? 'page' : 'false'}>À traiter</a>` : ''}
      <a class="bouton" href="/demarches/nouvelle">Nouvelle démarche</a>
    </div>`;
  }

  row(r, todo) {
    return html`<li><span><a href=${'/demarches/' + r.id}>n° ${r.number} · ${r.type.label}</a>${todo ? html` — ${r.ownerName}` : ''}</span>
      <span><span class="etat">${STATUTS[r.status]}</span>${r.stepLabel ? html` · ${r.stepLabel}` : ''}</span>
      <span>${r.dueAt ? html`${r.late ? html`<span class="retard">En retard</span> · ` : ''}avant le ${DATE.format(new Date(r.dueAt))}`
        : html`<time datetime=${r.createdAt}>${DATE.format(new Date(r.createdAt))}</time>`}</span></li>`;
  }

  list(todo) {
    return html`<section class="carte" aria-label=${todo ? 'Demandes à traiter' : 'Mes demandes'}>
      ${this.data.length === 0 ? html`<p class="vide">${todo ? 'Aucune demande n\'attend votre décision.' : 'Vous n\'avez aucune demande.'}</p>`
        : html`<ul class="liste">${this.data.map((r) => this.row(r, todo))}</ul>`}</section>`;
  }

  chooser() {
    if (this.type) {
      return html`<section class="carte" aria-labelledby="titre-type">
        <h2 id="titre-type">${this.type.label}</h2><p>${this.type.description}</p>
        <demarche-formulaire .schema=${this.type.form} .value=${{}} .fieldError=${this.problem?.field}
          .errorText=${this.problem?.detail}></demarche-formulaire>
        <div class="actions">
          <button class="bouton" @click=${() => this.create(true)}>Déposer la demande</button>
          <button class="bouton secondaire" @click=${() => this.create(false)}>Enregistrer le brouillon</button>
          <button class="bouton secondaire" @click=${() => { this.type = null; }}>Changer de démarche</button>
        </div></section>`;
    }
    return html`<div class="types">${(this.types || []).map((t) => {
      const open = !t.campaign || t.campaigns.some((c) => c.open);
      const window = t.campaigns[0];
      return html`<button ?disabled=${!open} @click=${() => { this.type = t; this.problem = null; }}>
        <strong>${t.label}</strong>${t.description}
        ${t.campaign && window ? html`<br><span class="discret">${open ? 'Campagne ouverte' : 'Campagne'} du
          ${MOMENT.format(new Date(window.opensAt))} au ${MOMENT.format(new Date(window.closesAt))}</span>` : ''}
      </button>`;
    })}</div>`;
  }

  async create(submit) {
    const form = this.renderRoot.querySelector('demarche-formulaire').values();
    const draft = await this.act(() => api('/api/colibris/requests', { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify({ type: this.type.code, form }) }));
    if (!draft) {
      return;
    }
    const submitted = !submit || await this.act(() => api('/api/colibris/requests/' + draft.id + '/submit', {
      method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ version: draft.version }) }));
    // the draft is kept either way: its own page follows, with the refusal under its field if there was one
    const { problem, error } = this;
    history.pushState({}, '', '/demarches/' + draft.id);
    await this.load();
    if (!submitted) {
      this.problem = problem;
      this.error = error;
    }
  }

  async move(action, body, done) {
    const r = this.data;
    const updated = await this.act(() => api('/api/colibris/requests/' + r.id + '/' + action, { method: 'POST',
      headers: JSON_HEADERS, body: JSON.stringify({ ...body, version: r.version }) }), done);
    if (updated) {
      this.data = updated;
    }
  }

  async save(submit) {
    const r = this.data;
    const form = this.renderRoot.querySelector('demarche-formulaire').values();
    const saved = await this.act(() => api('/api/colibris/requests/' + r.id, { method: 'PUT', headers: JSON_HEADERS,
      body: JSON.stringify({ form, version: r.version }) }), 'Brouillon enregistré.');
    if (saved) {
      this.data = saved;
      if (submit) {
        await this.move('submit', {}, 'Demande déposée.');
      }
    }
  }

  decide(decision) {
    const comment = this.renderRoot.querySelector('#commentaire').value;
    const done = { APPROVE: 'Décision enregistrée : acceptée.', REFUSE: 'Décision enregistrée : refusée.',
      RETURN: 'Demande renvoyée pour complément.' }[decision];
    this.move('decision', { decision, comment }, done);
  }

  one() {
    const r = this.data;
    const type = (this.types || []).find((t) => t.code === r.type.code);
    const editable = r.actions.includes('edit');
    return html`
      <section class="carte" aria-labelledby="titre-demande">
        <h2 id="titre-demande">Demande n° ${r.number} · ${r.type.label}</h2>
        <p><span class="etat" id="statut">${STATUTS[r.status]}</span>
          ${r.step ? html` · étape ${r.step.number} sur ${r.step.of} : « ${r.step.label} », avant le ${DATE.format(new Date(r.step.dueAt))}
            ${r.step.late ? html`<span class="retard">(en retard)</span>` : ''}` : ''}</p>
        ${r.ownerName ? html`<p class="discret">Demandée par ${r.ownerName}</p>` : ''}
        ${type ? html`<demarche-formulaire .schema=${type.form} .value=${r.form} ?readonly=${!editable}
          .fieldError=${this.problem?.field} .errorText=${this.problem?.detail}></demarche-formulaire>` : ''}
        <div class="actions">
          ${editable ? html`<button class="bouton" @click=${() => this.save(true)}>Déposer la demande</button>
            <button class="bouton secondaire" @click=${() => this.save(false)}>Enregistrer le brouillon</button>` : ''}
          ${r.actions.includes('withdraw') ? html`<button class="bouton secondaire" @click=${() => {
            if (confirm('Retirer cette demande ? Elle ne sera plus examinée.')) { this.move('withdraw', {}, 'Demande retirée.'); }
          }}>Retirer la demande</button>` : ''}
        </div>
      </section>
      ${r.actions.includes('approve') ? html`<section class="carte" aria-labelledby="titre-decision">
        <h2 id="titre-decision">Votre décision</h2>
        <label for="commentaire">Commentaire (obligatoire pour refuser ou renvoyer)</label>
        <textarea id="commentaire" rows="3" maxlength="4000"></textarea>
        <div class="actions">
          <button class="bouton" @click=${() => this.decide('APPROVE')}>Accepter</button>
          <button class="bouton secondaire" @click=${() => this.decide('RETURN')}>Renvoyer pour complément</button>
          <button class="bouton secondaire" @click=${() => this.decide('REFUSE')}>Refuser</button>
        </div></section>` : ''}
      <section class="carte" aria-labelledby="titre-historique">
        <h2 id="titre-historique">Historique</h2>
        <ol class="historique">${r.history.map((e) => html`<li>
          <strong>${EVENEMENTS[e.kind]}</strong>${e.step && type ? html` (étape « ${type.circuit[e.step - 1]} »)` : ''}
          — ${e.actorName}, le ${MOMENT.format(new Date(e.at))}${e.comment ? html`<br>« ${e.comment} »` : ''}</li>`)}</ol>
      </section>`;
  }

  render() {
    const titles = { mine: 'Mes démarches', todo: 'À traiter', new: 'Nouvelle démarche', one: 'Ma démarche' };
    return html`
      <h1>${titles[this.view] || 'Mes démarches'}</h1>
      ${this.tabs()}
      ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
      ${this.done ? html`<p class="fait" role="status">${this.done}</p>` : ''}
      ${this.view === 'new' ? this.chooser()
        : !this.data ? (this.error ? '' : html`<p class="discret">Chargement…</p>`)
          : this.view === 'one' ? this.one() : this.list(this.view === 'todo')}`;
  }
}

customElements.define('page-demarches', PageDemarches);
