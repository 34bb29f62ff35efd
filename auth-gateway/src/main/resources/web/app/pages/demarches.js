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
// refusals shown under their own field rather than above the page
const FIELDS_SHOWN = ['text', 'closesAt', 'reason', 'file', 'attachments', 'delegate', 'role', 'from', 'to',
  'colleague', 'question', 'answer'];
const taille = (bytes) => (bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + ' Ko'
  : (bytes / (1024 * 1024)).toFixed(1).replace('.', ',') + ' Mo');
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
const MOMENT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

// "Mes démarches": the person's requests (/demarches), a new one (/demarches/nouvelle), one request with its
// history, its exchanges and what the caller may do (/demarches/<id>), for heads of school and HR the requests
// waiting for their decision (/demarches/a-traiter), and for HR its desk (/demarches/suivi: notifications waiting,
// CSV export, campaigns' closings).
class PageDemarches extends LitElement {
  static properties = { me: { attribute: false }, view: { state: true }, data: { state: true }, types: { state: true },
    type: { state: true }, error: { state: true }, problem: { state: true }, done: { state: true },
    delegations: { state: true } };
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
      if (e.problem && e.problem.field && (e.problem.field.startsWith('form.') || e.problem.field.startsWith('attachments.')
        || FIELDS_SHOWN.includes(e.problem.field))) {
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
      ${this.deciding() || (this.me?.roles || []).includes('inspecteur')
        ? html`<a href="/demarches/avis" aria-current=${this.view === 'opinions' ? 'page' : 'false'}>Avis demandés</a>` : ''}
      ${this.hr() ? html`<a href="/demarches/suivi" aria-current=${this.view === 'hr' ? 'page' : 'false'}>Suivi RH</a>` : ''}
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
        ${t.campaign && window?.extensionReason ? html`<br><span class="prolongation">${window.extensionReason}</span>` : ''}
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
        ${r.pieces.length ? this.pieces(r, editable) : ''}
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
      ${r.opinions && (r.opinions.length || r.actions.includes('ask-opinion')) ? this.opinions(r) : ''}
      ${r.actions.includes('write') ? this.exchanges(r) : ''}
      <section class="carte" aria-labelledby="titre-historique">
        <h2 id="titre-historique">Historique</h2>
        <ol class="historique">${r.history.map((e) => html`<li>
          <strong>${EVENEMENTS[e.kind]}</strong>${e.step && type ? html` (étape « ${type.circuit[e.step - 1]} »)` : ''}
          — ${e.actorName}${e.onBehalfOf ? html`, par délégation de ${e.onBehalfOf}` : ''}, le ${MOMENT.format(new Date(e.at))}${e.comment ? html`<br>« ${e.comment} »` : ''}</li>`)}</ol>
      </section>
      ${r.deliveries ? html`<section class="carte" aria-labelledby="titre-envois">
        <h2 id="titre-envois">Notifications envoyées</h2>
        ${this.deliveries(r.deliveries)}</section>` : ''}`;
  }

  /** The opinions asked on this request (deciders only), the answer form when one is mine to give, the asking form. */
  opinions(r) {
    return html`<section class="carte" aria-labelledby="titre-avis">
      <h2 id="titre-avis">Avis</h2>
      ${r.opinions.length ? html`<ol class="echanges">${r.opinions.map((o) => this.opinion(o))}</ol>` : ''}
      ${r.actions.includes('ask-opinion') ? html`<form class="champs" @submit=${(e) => this.askOpinion(e)}>
        <label>Demander l'avis de (identifiant) <input name="colleague" required placeholder="ex. mdupont"></label>
        <label>Question <input name="question" required maxlength="2000" size="40"></label>
        ${['colleague', 'question'].includes(this.problem?.field) ? html`<p class="erreur">${this.problem.detail}</p>` : ''}
        <button class="bouton secondaire">Demander un avis</button></form>` : ''}
    </section>`;
  }

  opinion(o) {
    return html`<li class="note"><strong>${o.askedByName}</strong> demande l'avis de <strong>${o.askedOfName}</strong>
      <span class="discret">— le ${MOMENT.format(new Date(o.askedAt))}</span><p>« ${o.question} »</p>
      ${o.answer ? html`<p><strong>Avis :</strong> ${o.answer} <span class="discret">(le ${MOMENT.format(new Date(o.answeredAt))})</span></p>`
        : o.yoursToGive ? html`<form class="champs" @submit=${(e) => this.giveOpinion(e, o)}>
          <label>Votre avis <textarea name="answer" rows="2" required maxlength="4000"></textarea></label>
          ${this.problem?.field === 'answer' ? html`<p class="erreur">${this.problem.detail}</p>` : ''}
          <button class="bouton">Donner mon avis</button></form>` : html`<p class="discret">En attente de réponse.</p>`}</li>`;
  }

  async askOpinion(e) {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(e.target));
    const asked = await this.act(() => api('/api/colibris/requests/' + this.data.id + '/opinions', { method: 'POST',
      headers: JSON_HEADERS, body: JSON.stringify(body) }), 'Demande d\'avis envoyée.');
    if (asked) {
      this.data = { ...this.data, opinions: [...this.data.opinions, asked] };
      e.target.reset();
    }
  }

  async giveOpinion(e, o) {
    e.preventDefault();
    const given = await this.act(() => api('/api/colibris/opinions/' + o.id, { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify({ answer: new FormData(e.target).get('answer') }) }), 'Avis enregistré.');
    if (given) {
      if (this.view === 'opinions') {
        this.data = this.data.map((x) => (x.id === o.id ? given : x));
      } else {
        this.data = { ...this.data, opinions: this.data.opinions.map((x) => (x.id === o.id ? given : x)) };
      }
    }
  }

  /** The opinions asked of me, those waiting for my answer first. */
  asked() {
    return html`<section class="carte" aria-label="Avis demandés">
      ${this.data.length === 0 ? html`<p class="vide">Personne ne vous a demandé d'avis.</p>` : html`<ol class="echanges">
        ${this.data.map((o) => html`<li><a href=${'/demarches/' + o.requestId}>n° ${o.requestNumber} · ${o.typeLabel}</a>
          — ${o.ownerName}${this.opinion(o)}</li>`)}</ol>`}</section>`;
  }

  pieces(r, editable) {
    return html`<h3>Pièces justificatives</h3><ul class="pieces">${r.pieces.map((p) => html`<li>
      <span>${p.label}${p.required ? ' (obligatoire)' : ' (facultative)'}</span>
      ${p.file ? html`<a href=${'/api/colibris/attachments/' + p.file.id} download>${p.file.fileName}</a>
        <span class="discret">${taille(p.file.size)}</span>` : html`<span class="discret">aucun fichier</span>`}
      ${editable ? html`<label class="fichier">${p.file ? 'Remplacer' : 'Joindre'}
        <input type="file" accept=${p.contentTypes.join(',')} @change=${(e) => this.attachPiece(p, e.target)}></label>` : ''}
      ${this.problem?.field === 'attachments.' + p.code ? html`<p class="erreur">${this.problem.detail}</p>` : ''}
    </li>`)}</ul>`;
  }

  /** Sends a file as the body (its type the file's); the piece it answers, or none for the next message. */
  upload(file, piece) {
    const query = new URLSearchParams({ name: file.name });
    if (piece) {
      query.set('piece', piece);
    }
    return api('/api/colibris/requests/' + this.data.id + '/attachments?' + query, { method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file });
  }

  async attachPiece(piece, input) {
    const file = input.files[0];
    if (!file) {
      return;
    }
    const sent = await this.act(() => this.upload(file, piece.code), 'Pièce jointe ajoutée.');
    input.value = '';
    if (this.problem?.field === 'file') {
      this.problem = { ...this.problem, field: 'attachments.' + piece.code }; // said under the piece
    }
    if (sent) {
      this.data = { ...this.data, pieces: this.data.pieces.map((p) => (p.code === piece.code ? { ...p, file: sent } : p)) };
    }
  }

  exchanges(r) {
    return html`<section class="carte" aria-labelledby="titre-echanges">
      <h2 id="titre-echanges">Échanges</h2>
      ${r.messages.length === 0 ? html`<p class="discret">Aucun message pour l'instant.</p>` : html`<ol class="echanges">
        ${r.messages.map((m) => html`<li class=${m.privateNote ? 'note' : m.fromRequester ? 'demandeur' : ''}>
          <strong>${m.authorName}</strong>${m.privateNote ? html` · <em>note privée</em>` : ''}
          <span class="discret">— le ${MOMENT.format(new Date(m.at))}</span><p>${m.text}</p>
          ${(m.attachments || []).map((f) => html`<a class="pj" href=${'/api/colibris/attachments/' + f.id} download>📎 ${f.fileName}</a>`)}</li>`)}</ol>`}
      <label for="message">${r.actions.includes('note') ? 'Votre message' : 'Écrire aux personnes qui instruisent votre demande'}</label>
      <textarea id="message" rows="3" maxlength="4000"></textarea>
      ${this.problem?.field === 'text' ? html`<p class="erreur">${this.problem.detail}</p>` : ''}
      <label class="fichier">Joindre des fichiers (PDF, JPEG, PNG)
        <input type="file" id="fichiers" multiple accept="application/pdf,image/jpeg,image/png"></label>
      ${['file', 'attachments'].includes(this.problem?.field) ? html`<p class="erreur">${this.problem.detail}</p>` : ''}
      ${r.actions.includes('note') ? html`<label class="case"><input type="checkbox" id="note-privee">
        Note privée : visible des seules personnes qui instruisent, pas du demandeur</label>` : ''}
      <div class="actions"><button class="bouton" @click=${() => this.write()}>Envoyer</button></div>
    </section>`;
  }

  async write() {
    const r = this.data;
    const text = this.renderRoot.querySelector('#message').value;
    const privateNote = !!this.renderRoot.querySelector('#note-privee')?.checked;
    const files = [...this.renderRoot.querySelector('#fichiers').files];
    const sent = await this.act(async () => {
      const attachments = [];
      for (const file of files) {
        attachments.push((await this.upload(file)).id);
      }
      return api('/api/colibris/requests/' + r.id + '/messages', { method: 'POST', headers: JSON_HEADERS,
        body: JSON.stringify({ text, privateNote, attachments }) });
    }, privateNote ? 'Note enregistrée.' : 'Message envoyé.');
    if (sent) {
      this.data = { ...r, messages: [...r.messages, sent] };
      this.renderRoot.querySelector('#message').value = '';
      this.renderRoot.querySelector('#fichiers').value = '';
    }
  }

  deliveries(items) {
    return items.length === 0 ? html`<p class="vide">Aucune notification en attente : tout a été distribué.</p>`
      : html`<table class="envois"><thead><tr><th>Pour</th><th>Objet</th><th>État</th></tr></thead><tbody>
        ${items.map((d) => html`<tr><td>${d.recipientName || '—'}</td><td>${d.requestId && this.view === 'hr'
          ? html`<a href=${'/demarches/' + d.requestId}>${d.subject}</a>` : d.subject}</td>
          <td>${d.deliveredAt ? html`distribuée le ${MOMENT.format(new Date(d.deliveredAt))}`
            : html`<span class="retard">en attente</span> (${d.attempts} essai${d.attempts > 1 ? 's' : ''}${d.lastError
              ? html`, dernière erreur : ${d.lastError}` : ''}), prochain essai le ${MOMENT.format(new Date(d.nextAttemptAt))}`}</td></tr>`)}
      </tbody></table>`;
  }

  /** HR's desk: the notifications not delivered yet, the export, and the campaigns' closings. */
  suivi() {
    const today = new Date().toISOString().slice(0, 10);
    const campaigns = (this.types || []).flatMap((t) => t.campaigns.map((c) => ({ ...c, type: t.label })));
    return html`
      <section class="carte" aria-labelledby="titre-attente">
        <h2 id="titre-attente">Notifications en attente</h2>${this.deliveries(this.data)}</section>
      <section class="carte" aria-labelledby="titre-export">
        <h2 id="titre-export">Exporter les demandes (CSV)</h2>
        <form class="champs" @submit=${(e) => this.exportCsv(e)}>
          <label>Type <select name="type">${(this.types || []).map((t) => html`<option value=${t.code}>${t.label}</option>`)}</select></label>
          <label>Déposées du <input type="date" name="from" required value=${today.slice(0, 8) + '01'}></label>
          <label>au <input type="date" name="to" required value=${today}></label>
          <button class="bouton">Télécharger</button>
        </form></section>
      <section class="carte" aria-labelledby="titre-campagnes">
        <h2 id="titre-campagnes">Campagnes</h2>
        <ul class="liste">${campaigns.map((c) => html`<li><span><strong>${c.type}</strong> · ${c.label}</span>
          <span>du ${MOMENT.format(new Date(c.opensAt))} au ${MOMENT.format(new Date(c.closesAt))}
            ${c.open ? html`<span class="etat">ouverte</span>` : ''}</span>
          ${c.extensionReason ? html`<span class="prolongation">${c.extensionReason}</span>` : ''}</li>`)}</ul>
        ${campaigns.length ? html`<form class="champs" @submit=${(e) => this.extend(e, campaigns)}>
          <label>Campagne <select name="campaign">${campaigns.map((c) => html`<option value=${c.id}>${c.type} · ${c.label}</option>`)}</select></label>
          <label>Nouvelle clôture (heure de Paris) <input type="datetime-local" name="closesAt" required></label>
          <label>Motif, affiché sur la campagne <input name="reason" required maxlength="900"></label>
          ${this.problem && ['closesAt', 'reason'].includes(this.problem.field) ? html`<p class="erreur">${this.problem.detail}</p>` : ''}
          <button class="bouton">Prolonger</button>
        </form>` : ''}
      </section>`;
  }

  /** An absence: my decisions delegated to a colleague of the same role for some days, and those I hold. */
  delegating() {
    const d = this.delegations;
    const roles = (this.me?.roles || []).filter((role) => DECIDEURS.includes(role));
    const line = (x, given) => html`<li><span>${given ? 'À ' + x.delegateName : 'De ' + x.delegatorName}
      (${x.role === 'gestionnaire-rh' ? 'gestion RH' : 'chef d\'établissement'})</span>
      <span>du ${DATE.format(new Date(x.from))} au ${DATE.format(new Date(x.to))}${x.active ? html` <span class="etat">en cours</span>` : ''}</span>
      ${given ? html`<button class="bouton secondaire" @click=${() => this.revoke(x)}>Mettre fin</button>` : ''}</li>`;
    return html`<section class="carte" aria-labelledby="titre-delegations">
      <h2 id="titre-delegations">Délégations</h2>
      ${d.received.length ? html`<p>Vous décidez par délégation :</p><ul class="liste">${d.received.map((x) => line(x, false))}</ul>` : ''}
      ${d.given.length ? html`<p>Vous avez délégué vos décisions :</p><ul class="liste">${d.given.map((x) => line(x, true))}</ul>` : ''}
      <form class="champs" @submit=${(e) => this.delegate(e)}>
        <label>Identifiant du ou de la collègue <input name="delegate" required placeholder="ex. mdupont"></label>
        <label>Rôle <select name="role">${roles.map((role) => html`<option value=${role}>${role === 'gestionnaire-rh' ? 'gestion RH' : 'chef d\'établissement'}</option>`)}</select></label>
        <label>Du <input type="date" name="from" required></label>
        <label>au <input type="date" name="to" required></label>
        ${['delegate', 'role', 'from', 'to'].includes(this.problem?.field) ? html`<p class="erreur">${this.problem.detail}</p>` : ''}
        <button class="bouton">Déléguer</button>
      </form></section>`;
  }

  async delegate(e) {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(e.target));
    if (await this.act(() => api('/api/colibris/delegations', { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify(body) }), 'Délégation enregistrée.')) {
      this.delegations = await api('/api/colibris/delegations');
      e.target.reset();
    }
  }

  async revoke(delegation) {
    if (confirm('Mettre fin à la délégation à ' + delegation.delegateName + ' ?')
      && await this.act(() => api('/api/colibris/delegations/' + delegation.id, { method: 'DELETE' }), 'Délégation terminée.') !== null) {
      this.delegations = await api('/api/colibris/delegations');
    }
  }

  exportCsv(e) {
    e.preventDefault();
    const query = new URLSearchParams(new FormData(e.target));
    location.assign('/api/colibris/export?' + query);
  }

  async extend(e, campaigns) {
    e.preventDefault();
    const form = new FormData(e.target);
    const campaign = campaigns.find((c) => c.id === form.get('campaign'));
    const done = await this.act(() => api('/api/colibris/campaigns/' + campaign.id + '/extension', { method: 'POST',
      headers: JSON_HEADERS, body: JSON.stringify({ closesAt: form.get('closesAt'), reason: form.get('reason'),
        version: campaign.version }) }), 'Campagne prolongée.');
    if (done) {
      this.types = (await api('/api/colibris/types')).items;
    }
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
          : this.view === 'one' ? this.one() : this.view === 'hr' ? this.suivi()
            : this.view === 'opinions' ? this.asked() : this.list(this.view === 'todo')}
      ${this.view === 'todo' && this.delegations ? this.delegating() : ''}`;
  }
}

customElements.define('page-demarches', PageDemarches);
