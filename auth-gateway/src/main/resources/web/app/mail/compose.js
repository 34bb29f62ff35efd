import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { size } from './format.js';
import './recipients.js';
import { touchStyles } from '../styles.js';

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

// The editor, in a modal dialog: recipients with suggestions, subject, the body (rich text), signatures,
// attachments, "Envoyer" and "Envoyer plus tard". The draft is saved as the person types (its version guards
// against another tab); closing keeps it in Brouillons, unless it was made for this editing (a new message, a reply)
// and nothing was touched: then nothing is left behind. Fires "sent" with the scheduled draft, "closed" otherwise.
class MailCompose extends LitElement {
  static properties = {
    draft: { attribute: false },
    status: { state: true },
    error: { state: true },
    showCopies: { state: true },
    signatures: { state: true },
    later: { state: true },
  };
  static styles = [touchStyles, css`
    dialog { border: none; border-radius: 6px; padding: 0; width: min(48rem, 95vw); box-shadow: 0 4px 32px rgba(0,0,0,.35); }
    header { background: var(--bleu, #000091); color: #fff; padding: .6rem 1rem; display: flex; justify-content: space-between; }
    header h2 { margin: 0; font-size: 1rem; }
    .corps { padding: .5rem 1rem 1rem; }
    .objet { display: flex; gap: .5rem; border-bottom: 1px solid #ddd; }
    .objet label { color: var(--gris, #666); padding: .4rem 0; min-width: 2.5rem; }
    .objet input { flex: 1; border: none; font: inherit; padding: .4rem; }
    .texte { min-height: 14rem; max-height: 50vh; overflow: auto; padding: .5rem; border: 1px solid #ddd; margin-top: .5rem; }
    .texte:focus { outline: 2px solid var(--bleu, #000091); }
    .outils, .pied { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: .5rem; }
    .pied .envoyer { background: var(--bleu, #000091); color: #fff; border: none; padding: .45rem 1rem; border-radius: 4px; }
    .erreur { background: #ffe9e9; border-left: 4px solid var(--rouge, #ce0500); padding: .5rem .75rem; margin: .5rem 0; }
    .discret { color: var(--gris, #666); font-size: .85rem; }
    ul.pj { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    ul.pj li { background: #f3f3f3; border-radius: 3px; padding: .2rem .5rem; }
    .lien { background: none; border: none; color: var(--bleu, #000091); text-decoration: underline; cursor: pointer; padding: 0; }
  `];

  constructor() {
    super();
    this.timer = null;
    this.signatures = [];
  }

  async open(draft, fresh = false) {
    this.draft = draft;
    this.fresh = fresh;
    this.touched = false;
    this.error = null;
    this.status = '';
    this.later = false;
    this.showCopies = draft.cc.length > 0 || draft.bcc.length > 0;
    await this.updateComplete;
    this.renderRoot.querySelector('.texte').innerHTML = draft.bodyHtml; // sanitised by mail-service
    this.renderRoot.querySelector('dialog').showModal();
    (draft.to.length ? this.renderRoot.querySelector('.texte') : this.renderRoot.querySelector('mail-recipients')).focus();
    Promise.all([api('/api/mail/signatures'), api('/api/mail/signatures/template')])
      .then(([mine, template]) => { this.signatures = [...mine.items, template]; }, () => {});
  }

  field(name, value) {
    this.draft = { ...this.draft, [name]: value };
    this.changed();
  }

  changed() {
    this.touched = true;
    clearTimeout(this.timer);
    this.status = 'Modifications non enregistrées';
    this.timer = setTimeout(() => this.save(), 1500);
  }

  async save() {
    clearTimeout(this.timer);
    const body = this.renderRoot.querySelector('.texte').innerHTML;
    try {
      this.draft = await api('/api/mail/drafts/' + this.draft.id, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ to: this.draft.to, cc: this.draft.cc, bcc: this.draft.bcc, subject: this.draft.subject,
          bodyHtml: body, version: this.draft.version }),
      });
      this.status = 'Brouillon enregistré à ' + TIME.format(new Date());
      this.error = null;
      return true;
    } catch (e) {
      this.error = e.message;
      return false;
    }
  }

  /** Uploads the files chosen, one by one (the draft saved first: an upload changes its version). */
  async attach(event) {
    this.touched = true;
    const files = [...event.target.files];
    event.target.value = '';
    if (!(await this.save())) {
      return;
    }
    this.error = null;
    for (const file of files) {
      try {
        await api('/api/mail/drafts/' + this.draft.id + '/attachments?name=' + encodeURIComponent(file.name), {
          method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file,
        });
      } catch (e) {
        this.error = e.message;
      }
    }
    this.draft = await api('/api/mail/drafts/' + this.draft.id);
  }

  async detach(attachment) {
    await api('/api/mail/drafts/' + this.draft.id + '/attachments/' + attachment.id, { method: 'DELETE' });
    this.draft = await api('/api/mail/drafts/' + this.draft.id);
  }

  useSignature(event) {
    const chosen = this.signatures[event.target.value];
    const editor = this.renderRoot.querySelector('.texte');
    let block = editor.querySelector('.signature');
    if (!block) {
      block = document.createElement('div');
      block.className = 'signature';
      editor.append(block);
    }
    block.innerHTML = chosen ? chosen.bodyHtml : ''; // sanitised by mail-service (or built by it from the token)
    this.changed();
  }

  async send(at) {
    if (!(await this.save())) {
      return;
    }
    try {
      const scheduled = await api('/api/mail/drafts/' + this.draft.id + '/send', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(at ? { sendAt: at } : {}),
      });
      this.renderRoot.querySelector('dialog').close();
      this.dispatchEvent(new CustomEvent('sent', { detail: scheduled }));
    } catch (e) {
      this.error = e.message;
    }
  }

  sendLater() {
    const value = this.renderRoot.querySelector('#plus-tard').value;
    if (!value) {
      this.error = 'Choisissez la date et l\'heure d\'envoi.';
      return;
    }
    this.send(new Date(value).toISOString());
  }

  async close() {
    if (this.fresh && !this.touched) {
      await this.discard();
      return;
    }
    await this.save();
    this.renderRoot.querySelector('dialog').close();
    this.dispatchEvent(new CustomEvent('closed'));
  }

  async discard() {
    clearTimeout(this.timer);
    await api('/api/mail/drafts/' + this.draft.id, { method: 'DELETE' });
    this.renderRoot.querySelector('dialog').close();
    this.dispatchEvent(new CustomEvent('closed'));
  }

  /** Keys typed here are the editor's, not the list's shortcuts; Ctrl+Enter sends. */
  keydown(event) {
    event.stopPropagation();
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      this.send(null);
    }
  }

  render() {
    const d = this.draft;
    if (!d) {
      return html`<dialog></dialog>`;
    }
    return html`<dialog aria-labelledby="titre-redaction"
        @cancel=${(e) => { e.preventDefault(); this.close(); }} @keydown=${this.keydown}>
      <header><h2 id="titre-redaction">${d.subject || 'Nouveau message'}</h2>
        <span class="discret" role="status">${this.status}</span></header>
      <div class="corps">
        ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
        <mail-recipients label="À" .value=${d.to} @change=${(e) => this.field('to', e.detail)}></mail-recipients>
        ${this.showCopies ? html`
          <mail-recipients label="Cc" .value=${d.cc} @change=${(e) => this.field('cc', e.detail)}></mail-recipients>
          <mail-recipients label="Cci" .value=${d.bcc} @change=${(e) => this.field('bcc', e.detail)}></mail-recipients>`
          : html`<button class="lien" @click=${() => { this.showCopies = true; }}>Ajouter Cc / Cci</button>`}
        <div class="objet"><label for="objet">Objet</label>
          <input id="objet" .value=${d.subject} @input=${(e) => this.field('subject', e.target.value)}></div>
        <div class="texte" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Texte du message"
          @input=${this.changed}></div>
        ${d.attachments.length ? html`<ul class="pj" aria-label="Pièces jointes">${d.attachments.map((a) => html`<li>
          ${a.fileName} <span class="discret">(${size(a.size)})</span>
          <button class="lien" aria-label=${'Retirer ' + a.fileName} @click=${() => this.detach(a)}>retirer</button></li>`)}</ul>` : ''}
        <div class="outils">
          <label>Joindre des fichiers <input type="file" multiple @change=${this.attach}></label>
          <label>Signature <select @change=${this.useSignature}>
            <option value="">—</option>
            ${this.signatures.map((s, i) => html`<option value=${i}>${s.name}</option>`)}
          </select></label>
        </div>
        <div class="pied">
          <button class="envoyer" @click=${() => this.send(null)}>Envoyer</button>
          ${this.later ? html`<label>Envoyer le <input id="plus-tard" type="datetime-local"></label>
            <button @click=${this.sendLater}>Programmer</button>`
            : html`<button @click=${() => { this.later = true; }}>Envoyer plus tard…</button>`}
          <button @click=${this.close}>Fermer (garder le brouillon)</button>
          <button @click=${this.discard}>Supprimer le brouillon</button>
        </div>
      </div>
    </dialog>`;
  }
}

customElements.define('mail-compose', MailCompose);
