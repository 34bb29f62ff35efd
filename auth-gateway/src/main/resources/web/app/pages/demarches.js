import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { onRoute } from '../router.js';
import { pageStyles, touchStyles } from '../styles.js';
import { DATE, DECIDEURS, JSON_HEADERS, MOMENT, STATUTS } from '../demarches/format.js';
import '../demarches/avis.js';
import '../demarches/delegations.js';
import '../demarches/demande.js';
import '../demarches/formulaire.js';
import '../demarches/suivi.js';

// refusals shown under their own field rather than above the page
const FIELDS_SHOWN = ['text', 'closesAt', 'reason', 'file', 'attachments', 'delegate', 'role', 'from', 'to',
  'colleague', 'question', 'answer'];

// "Mes démarches": the person's requests (/demarches), a new one (/demarches/nouvelle), one request with its
// history, its exchanges and what the caller may do (/demarches/<id>, demarches/demande.js), for heads of school and
// HR the requests waiting for their decision and their delegations (/demarches/a-traiter, demarches/delegations.js),
// the opinions asked of the caller (/demarches/avis), and for HR its desk (/demarches/suivi, demarches/suivi.js).
// The page loads what the address asks for and runs every call (act): its parts draw in the page's own DOM.
class PageDemarches extends LitElement {
  static properties = { me: { attribute: false }, view: { state: true }, data: { state: true }, types: { state: true },
    type: { state: true }, error: { state: true }, problem: { state: true }, done: { state: true },
    delegations: { state: true } };
  static styles = [pageStyles, touchStyles, css`
    .onglets { display: flex; gap: 1rem; margin-bottom: 1rem; align-items: center; flex-wrap: wrap; }
    .onglets a[aria-current="page"] { font-weight: 700; }
    @media (pointer: coarse) { .onglets a { display: inline-flex; align-items: center; min-height: 44px; } }
    .bouton { background: var(--bleu, #000091); color: #fff; border: none; border-radius: 4px; padding: .5rem 1rem; font: inherit; cursor: pointer; text-decoration: none; }
    .secondaire { background: #fff; color: var(--bleu, #000091); border: 1px solid var(--bleu, #000091); }
    .types { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
    .types button { text-align: left; background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 1rem; font: inherit; cursor: pointer; }
    .types button:disabled { opacity: .6; cursor: not-allowed; }
    .types strong { display: block; margin-bottom: .3rem; }
    .etat { display: inline-block; border-radius: 3px; padding: 0 .4rem; background: #eee; }
    .retard { color: var(--rouge, #ce0500); font-weight: 600; }
    .prolongation { display: inline-block; margin-top: .3rem; font-size: .85rem; color: #716043; }
    .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: 1rem; }
    ol.historique { padding-left: 1.2rem; }
    ol.historique li { margin-bottom: .5rem; }
    .fait { background: #e8f6ec; border-left: 4px solid #18753c; padding: .6rem 1rem; }
    textarea { font: inherit; width: 100%; max-width: 40rem; box-sizing: border-box; }
    ul.liste a { color: inherit; }
    ol.echanges { list-style: none; padding: 0; }
    ol.echanges li { border-left: 3px solid #ddd; padding: .3rem .8rem; margin-bottom: .6rem; }
    ol.echanges li.demandeur { border-color: var(--bleu, #000091); }
    ol.echanges li.note { border-color: #b34000; background: #fff4ec; }
    ol.echanges p { margin: .3rem 0 0; white-space: pre-wrap; }
    label.case, label.fichier { display: block; margin: .5rem 0; }
    ul.pieces { padding-left: 1.2rem; }
    ul.pieces li { margin-bottom: .4rem; }
    ul.pieces li > * { margin-right: .6rem; }
    a.pj { display: inline-block; margin-right: .8rem; font-size: .9rem; }
    table.envois { border-collapse: collapse; width: 100%; font-size: .9rem; }
    table.envois th, table.envois td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    form.champs { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; }
    form.champs label { display: flex; flex-direction: column; gap: .2rem; }
  `];

  constructor() {
    super();
    this.act = this.act.bind(this); // handed to the page's parts, which run their calls through it
  }

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

  hr() {
    return (this.me?.roles || []).includes('gestionnaire-rh');
  }

  async load() {
    if (!location.pathname.startsWith('/demarches')) {
      return; // leaving for another page: the layout replaces this one
    }
    const part = location.pathname.replace(/^\/demarches\/?/, '');
    this.view = part === '' ? 'mine' : part === 'nouvelle' ? 'new' : part === 'a-traiter' ? 'todo'
      : part === 'suivi' ? 'hr' : part === 'avis' ? 'opinions' : 'one';
    this.error = null;
    this.problem = null;
    this.data = null;
    try {
      if (this.view === 'mine') {
        this.data = (await api('/api/colibris/requests')).items;
      } else if (this.view === 'todo') {
        this.data = (await api('/api/colibris/to-decide')).items;
        this.delegations = await api('/api/colibris/delegations');
      } else if (this.view === 'new') {
        this.type = null;
        this.types = (await api('/api/colibris/types')).items;
      } else if (this.view === 'opinions') {
        this.data = (await api('/api/colibris/opinions')).items;
      } else if (this.view === 'hr') {
        this.types = (await api('/api/colibris/types')).items;
        this.data = (await api('/api/colibris/deliveries')).items;
      } else {
        this.data = await api('/api/colibris/requests/' + encodeURIComponent(part));
        this.types = this.types || (await api('/api/colibris/types')).items;
      }
    } catch (e) {
      this.error = e.message;
    }
  }

  /**
   * Runs a call; a refusal naming a field goes under that field (a field of {@code renamed} under the one it maps
   * to), any other above; {@code done} says it worked.
   */
  async act(call, done, renamed = {}) {
    this.problem = null;
    this.error = null;
    this.done = null;
    try {
      const result = await call();
      this.done = done;
      return result;
    } catch (e) {
      const field = e.problem?.field && (renamed[e.problem.field] || e.problem.field);
      if (field && (field.startsWith('form.') || field.startsWith('attachments.') || FIELDS_SHOWN.includes(field))) {
        this.problem = { ...e.problem, field };
      } else {
        this.error = e.message;
      }
      return null;
    }
  }

  tabs() {
    return html`<nav class="onglets" aria-label="Sections de mes démarches">
      <a href="/demarches" aria-current=${this.view === 'mine' ? 'page' : 'false'}>Mes demandes</a>
      ${this.deciding() ? html`<a href="/demarches/a-traiter" aria-current=${this.view === 'todo' ? 'page' : 'false'}>À traiter</a>` : ''}
      ${this.deciding() || (this.me?.roles || []).includes('inspecteur')
        ? html`<a href="/demarches/avis" aria-current=${this.view === 'opinions' ? 'page' : 'false'}>Avis demandés</a>` : ''}
      ${this.hr() ? html`<a href="/demarches/suivi" aria-current=${this.view === 'hr' ? 'page' : 'false'}>Suivi RH</a>` : ''}
      <a class="bouton" href="/demarches/nouvelle">Nouvelle démarche</a>
    </nav>`;
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
        <demarche-formulaire .schema=${this.type.form} .value=${{}}
          .refusal=${this.problem}></demarche-formulaire>
        <div class="actions">
          <button class="bouton" @click=${() => this.create(true)}>Déposer la demande</button>
          <button class="bouton secondaire" @click=${() => this.create(false)}>Enregistrer le brouillon</button>
          <button class="bouton secondaire" @click=${() => { this.type = null; }}>Changer de démarche</button>
        </div></section>`;
    }
    return html`<div class="types">${(this.types || []).map((t) => {
      const open = !t.campaign || t.campaigns.some((c) => c.open);
      const window = t.campaigns.find((c) => c.open) || t.campaigns[0];
      const next = t.campaigns.filter((c) => new Date(c.opensAt) > new Date())
        .sort((a, b) => a.opensAt.localeCompare(b.opensAt))[0];
      return html`<button ?disabled=${!open} @click=${() => { this.type = t; this.problem = null; }}>
        <strong>${t.label}</strong>${t.description}
        ${t.campaign && open ? html`<br><span class="discret">Campagne ouverte du
          ${MOMENT.format(new Date(window.opensAt))} au ${MOMENT.format(new Date(window.closesAt))}</span>` : ''}
        ${t.campaign && !open ? html`<br><span class="discret">Campagne fermée : cette démarche ne se dépose que pendant
          sa campagne annuelle. ${next ? `Prochaine ouverture le ${MOMENT.format(new Date(next.opensAt))}.`
            : 'La prochaine campagne n\'est pas encore annoncée.'}</span>` : ''}
        ${t.campaign && window?.extensionReason ? html`<br><span class="prolongation">${window.extensionReason}</span>` : ''}
      </button>`;
    })}</div>`;
  }

  /**
   * "Déposer la demande" checks the whole form first (every error under its field) and keeps nothing when the
   * service refuses it: a draft is made only by "Enregistrer le brouillon".
   */
  async create(submit) {
    const formulaire = this.renderRoot.querySelector('demarche-formulaire');
    if (submit && !formulaire.check()) {
      return;
    }
    const draft = await this.act(() => api('/api/colibris/requests', { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify({ type: this.type.code, form: formulaire.values() }) }));
    if (!draft) {
      return;
    }
    if (submit && !await this.act(() => api('/api/colibris/requests/' + draft.id + '/submit', {
      method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ version: draft.version }) }))) {
      const { problem, error } = this;
      await api('/api/colibris/requests/' + draft.id, { method: 'DELETE' }).catch(() => {});
      this.problem = problem;
      this.error = error;
      return;
    }
    history.pushState({}, '', '/demarches/' + draft.id);
    await this.load();
  }

  async discarded() {
    history.pushState({}, '', '/demarches');
    await this.load();
    this.done = 'Brouillon supprimé.';
  }

  /** The opinions asked of me, those waiting for my answer first. */
  asked() {
    return html`<section class="carte" aria-label="Avis demandés">
      ${this.data.length === 0 ? html`<p class="vide">Personne ne vous a demandé d'avis.</p>` : html`<ol class="echanges"
        @avis-donne=${(e) => { this.data = this.data.map((x) => (x.id === e.detail.id ? e.detail : x)); }}>
        ${this.data.map((o) => html`<li class="note"><a href=${'/demarches/' + o.requestId}>n° ${o.requestNumber} · ${o.typeLabel}</a>
          — ${o.ownerName}<demarche-avis .opinion=${o} .act=${this.act} .problem=${this.problem}></demarche-avis></li>`)}</ol>`}
    </section>`;
  }

  render() {
    const titles = { mine: 'Mes démarches', todo: 'À traiter', new: 'Nouvelle démarche', one: 'Ma démarche', hr: 'Suivi RH',
      opinions: 'Avis demandés' };
    return html`
      <h1>${titles[this.view] || 'Mes démarches'}</h1>
      ${this.tabs()}
      ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
      ${this.done ? html`<p class="fait" role="status">${this.done}</p>` : ''}
      ${this.view === 'new' ? this.chooser()
        : !this.data ? (this.error ? '' : html`<p class="discret">Chargement…</p>`)
          : this.view === 'one' ? html`<demarche-demande .request=${this.data} .act=${this.act} .problem=${this.problem}
              .type=${(this.types || []).find((t) => t.code === this.data.type.code)}
              @demande-change=${(e) => { this.data = e.detail; }} @demande-supprimee=${() => this.discarded()}></demarche-demande>`
            : this.view === 'hr' ? html`<demarches-suivi .deliveries=${this.data} .types=${this.types} .act=${this.act}
              .problem=${this.problem} @types-change=${(e) => { this.types = e.detail; }}></demarches-suivi>`
              : this.view === 'opinions' ? this.asked() : this.list(this.view === 'todo')}
      ${this.view === 'todo' && this.delegations ? html`<demarches-delegations .delegations=${this.delegations}
        .roles=${(this.me?.roles || []).filter((role) => DECIDEURS.includes(role))} .act=${this.act}
        .problem=${this.problem}></demarches-delegations>` : ''}`;
  }
}

customElements.define('page-demarches', PageDemarches);
