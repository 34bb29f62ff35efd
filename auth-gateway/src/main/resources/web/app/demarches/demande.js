import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { DATE, EVENEMENTS, JSON_HEADERS, MOMENT, STATUTS, deliveriesTable, fieldError, taille } from './format.js';
import './avis.js';
import './formulaire.js';

// One request as the caller may see it: status and step, its form (editable while a draft or returned), the
// supporting documents, the decision for whoever decides the current step, the opinions (deciders), the exchanges,
// the history and, for HR, its notifications. Drawn in the page's own DOM (no shadow root), so the page's styles
// apply; every change comes back to the page as "demande-change". Calls go through the page's act(), which shows
// their outcome (a refusal naming a field under that field).
class DemarcheDemande extends LitElement {
  static properties = { request: { attribute: false }, type: { attribute: false }, act: { attribute: false },
    problem: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  changed(request) {
    this.dispatchEvent(new CustomEvent('demande-change', { detail: request, bubbles: true }));
  }

  async move(action, body, done) {
    const r = this.request;
    const updated = await this.act(() => api('/api/colibris/requests/' + r.id + '/' + action, { method: 'POST',
      headers: JSON_HEADERS, body: JSON.stringify({ ...body, version: r.version }) }), done);
    if (updated) {
      this.changed(updated);
    }
  }

  async save(submit) {
    const r = this.request;
    const formulaire = this.querySelector('demarche-formulaire');
    if (submit && !formulaire.check()) {
      return;
    }
    const form = formulaire.values();
    const saved = await this.act(() => api('/api/colibris/requests/' + r.id, { method: 'PUT', headers: JSON_HEADERS,
      body: JSON.stringify({ form, version: r.version }) }), 'Brouillon enregistré.');
    if (saved) {
      this.changed(saved);
      if (submit) {
        this.request = saved;
        await this.move('submit', {}, 'Demande déposée.');
      }
    }
  }

  /** A draft was never submitted: deleting it keeps nothing (a submitted request is withdrawn, and stays on record). */
  async discard() {
    if (!confirm('Supprimer ce brouillon ? Il ne pourra pas être retrouvé.')) {
      return;
    }
    const deleted = await this.act(() => api('/api/colibris/requests/' + this.request.id, { method: 'DELETE' }), null);
    if (deleted !== null) {
      this.dispatchEvent(new CustomEvent('demande-supprimee', { detail: this.request, bubbles: true }));
    }
  }

  decide(decision) {
    const comment = this.querySelector('#commentaire').value;
    const done = { APPROVE: 'Décision enregistrée : acceptée.', REFUSE: 'Décision enregistrée : refusée.',
      RETURN: 'Demande renvoyée pour complément.' }[decision];
    this.move('decision', { decision, comment }, done);
  }

  render() {
    const r = this.request;
    const type = this.type;
    const editable = r.actions.includes('edit');
    return html`
      <section class="carte" aria-labelledby="titre-demande">
        <h2 id="titre-demande">Demande n° ${r.number} · ${r.type.label}</h2>
        <p><span class="etat" id="statut">${STATUTS[r.status]}</span>
          ${r.step ? html` · étape ${r.step.number} sur ${r.step.of} : « ${r.step.label} », avant le ${DATE.format(new Date(r.step.dueAt))}
            ${r.step.late ? html`<span class="retard">${r.actions.includes('approve') ? '(en retard)'
              : '(délai dépassé par le décideur : rien à faire de votre côté)'}</span>` : ''}` : ''}</p>
        ${r.ownerName ? html`<p class="discret">Demandée par ${r.ownerName}</p>` : ''}
        ${type ? html`<demarche-formulaire .schema=${type.form} .value=${r.form} ?readonly=${!editable}
          .refusal=${this.problem}></demarche-formulaire>` : ''}
        ${r.pieces.length ? this.pieces(r, editable) : ''}
        <div class="actions">
          ${editable ? html`<button class="bouton" @click=${() => this.save(true)}>Déposer la demande</button>
            <button class="bouton secondaire" @click=${() => this.save(false)}>Enregistrer le brouillon</button>` : ''}
          ${r.status === 'DRAFT' ? html`<button class="bouton secondaire" @click=${() => this.discard()}>Supprimer le brouillon</button>`
            : r.actions.includes('withdraw') ? html`<button class="bouton secondaire" @click=${() => {
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
        ${deliveriesTable(r.deliveries, false)}</section>` : ''}`;
  }

  /** The opinions asked on this request (deciders only), the answer form when one is mine to give, the asking form. */
  opinions(r) {
    return html`<section class="carte" aria-labelledby="titre-avis">
      <h2 id="titre-avis">Avis</h2>
      ${r.opinions.length ? html`<ol class="echanges" @avis-donne=${(e) => this.changed({ ...r,
        opinions: r.opinions.map((x) => (x.id === e.detail.id ? e.detail : x)) })}>${r.opinions.map((o) => html`<li class="note">
        <demarche-avis .opinion=${o} .act=${this.act} .problem=${this.problem}></demarche-avis></li>`)}</ol>` : ''}
      ${r.actions.includes('ask-opinion') ? html`<form class="champs" @submit=${(e) => this.askOpinion(e)}>
        <label>Demander l'avis de (identifiant) <input name="colleague" required placeholder="ex. mdupont"></label>
        <label>Question <input name="question" required maxlength="2000" size="40"></label>
        ${fieldError(this.problem, 'colleague', 'question')}
        <button class="bouton secondaire">Demander un avis</button></form>` : ''}
    </section>`;
  }

  async askOpinion(e) {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(e.target));
    const asked = await this.act(() => api('/api/colibris/requests/' + this.request.id + '/opinions', { method: 'POST',
      headers: JSON_HEADERS, body: JSON.stringify(body) }), 'Demande d\'avis envoyée.');
    if (asked) {
      this.changed({ ...this.request, opinions: [...this.request.opinions, asked] });
      e.target.reset();
    }
  }

  pieces(r, editable) {
    return html`<h3>Pièces justificatives</h3><ul class="pieces">${r.pieces.map((p) => html`<li>
      <span>${p.label}${p.required ? ' (obligatoire)' : ' (facultative)'}</span>
      ${p.file ? html`<a href=${'/api/colibris/attachments/' + p.file.id} download>${p.file.fileName}</a>
        <span class="discret">${taille(p.file.size)}</span>` : html`<span class="discret">aucun fichier</span>`}
      ${editable ? html`<label class="fichier">${p.file ? 'Remplacer' : 'Joindre'}
        <input type="file" accept=${p.contentTypes.join(',')} @change=${(e) => this.attachPiece(p, e.target)}></label>` : ''}
      ${fieldError(this.problem, 'attachments.' + p.code)}
    </li>`)}</ul>`;
  }

  /** Sends a file as the body (its type the file's); the piece it answers, or none for the next message. */
  upload(file, piece) {
    const query = new URLSearchParams({ name: file.name });
    if (piece) {
      query.set('piece', piece);
    }
    return api('/api/colibris/requests/' + this.request.id + '/attachments?' + query, { method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file });
  }

  async attachPiece(piece, input) {
    const file = input.files[0];
    if (!file) {
      return;
    }
    // a refusal of the file itself is said under the piece it was for
    const sent = await this.act(() => this.upload(file, piece.code), 'Pièce jointe ajoutée.', { file: 'attachments.' + piece.code });
    input.value = '';
    if (sent) {
      this.changed({ ...this.request, pieces: this.request.pieces.map((p) => (p.code === piece.code ? { ...p, file: sent } : p)) });
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
      ${fieldError(this.problem, 'text')}
      <label class="fichier">Joindre des fichiers (PDF, JPEG, PNG)
        <input type="file" id="fichiers" multiple accept="application/pdf,image/jpeg,image/png"></label>
      ${fieldError(this.problem, 'file', 'attachments')}
      ${r.actions.includes('note') ? html`<label class="case"><input type="checkbox" id="note-privee">
        Note privée : visible des seules personnes qui instruisent, pas du demandeur</label>` : ''}
      <div class="actions"><button class="bouton" @click=${() => this.write()}>Envoyer</button></div>
    </section>`;
  }

  async write() {
    const r = this.request;
    const text = this.querySelector('#message').value;
    const privateNote = !!this.querySelector('#note-privee')?.checked;
    const files = [...this.querySelector('#fichiers').files];
    const sent = await this.act(async () => {
      const attachments = [];
      for (const file of files) {
        attachments.push((await this.upload(file)).id);
      }
      return api('/api/colibris/requests/' + r.id + '/messages', { method: 'POST', headers: JSON_HEADERS,
        body: JSON.stringify({ text, privateNote, attachments }) });
    }, privateNote ? 'Note enregistrée.' : 'Message envoyé.');
    if (sent) {
      this.changed({ ...r, messages: [...r.messages, sent] });
      this.querySelector('#message').value = '';
      this.querySelector('#fichiers').value = '';
    }
  }
}

customElements.define('demarche-demande', DemarcheDemande);
