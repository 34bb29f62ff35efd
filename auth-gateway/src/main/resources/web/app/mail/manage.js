import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssom } from '../css.js';
import { touchStyles } from '../styles.js';
import { plural } from '../words.js';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const TABS = [['dossiers', 'Dossiers'], ['etiquettes', 'Étiquettes'], ['signatures', 'Signatures'],
  ['images', 'Images'], ['import', 'Importer / exporter']];

// "Gérer la messagerie", a modal dialog with tabs: personal folders (create, rename, move, delete after a
// confirmation), labels (create, rename, recolour, delete), signatures (several; defaults for new mail and
// replies; the académie's template as a start), the senders whose images are always shown, and a folder's
// export (mbox) and import (mbox or .eml). Fires "changed" after anything that alters folders or labels.
class MailManage extends LitElement {
  static properties = {
    folders: { attribute: false }, labels: { attribute: false },
    tab: { state: true }, signatures: { state: true }, trusted: { state: true },
    error: { state: true }, done: { state: true }, exchange: { state: true },
  };
  static styles = [touchStyles, css`
    dialog { border: none; border-radius: 6px; padding: 0; width: min(44rem, 95vw); box-shadow: 0 4px 32px rgba(0,0,0,.35); }
    header { background: var(--bleu, #000091); color: #fff; padding: .6rem 1rem; display: flex; justify-content: space-between; align-items: center; }
    header h2 { margin: 0; font-size: 1rem; }
    header button { background: none; border: 1px solid #fff; color: #fff; border-radius: 3px; }
    [role="tablist"] { display: flex; flex-wrap: wrap; gap: .25rem; border-bottom: 1px solid #ddd; padding: .5rem 1rem 0; }
    [role="tab"] { border: none; background: none; padding: .4rem .6rem; border-bottom: 3px solid transparent; font: inherit; cursor: pointer; }
    [role="tab"][aria-selected="true"] { border-bottom-color: var(--bleu, #000091); font-weight: 600; }
    [role="tabpanel"] { padding: .75rem 1rem 1rem; max-height: 65vh; overflow: auto; }
    ul { list-style: none; padding: 0; margin: 0 0 1rem; }
    li { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; padding: .35rem 0; border-bottom: 1px solid #eee; }
    li .nom { flex: 1; min-width: 10rem; }
    form.ajout { display: flex; flex-wrap: wrap; gap: .4rem; align-items: end; }
    label { display: flex; flex-direction: column; font-size: .85rem; gap: .15rem; }
    label.case { flex-direction: row; align-items: center; }
    input[type="text"], select { padding: .3rem; font: inherit; }
    .texte { border: 1px solid #ccc; min-height: 4rem; padding: .4rem; width: 100%; box-sizing: border-box; }
    .signature { display: block; border: 1px solid #ddd; border-radius: 4px; padding: .6rem; margin-bottom: .75rem; }
    .pastille { width: .9rem; height: .9rem; border-radius: 50%; display: inline-block; }
    .erreur { background: #ffe9e9; border-left: 4px solid var(--rouge, #ce0500); padding: .5rem .75rem; margin: .5rem 1rem 0; }
    .fait { background: #e8f6ec; border-left: 4px solid #18753c; padding: .5rem .75rem; margin: .5rem 1rem 0; }
    .discret { color: var(--gris, #666); font-size: .85rem; }
  `];

  constructor() {
    super();
    this.tab = 'dossiers';
    this.signatures = [];
    this.trusted = [];
  }

  async open(tab = 'dossiers') {
    this.error = null;
    this.done = null;
    this.tab = tab;
    this.renderRoot.querySelector('dialog').showModal();
    await this.load();
  }

  async load() {
    try {
      const [signatures, trusted] = await Promise.all([api('/api/mail/signatures'), api('/api/mail/trusted-senders')]);
      this.signatures = signatures.items;
      this.trusted = trusted.items;
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Runs a call; its French error, or the confirmation, is shown above the tabs. */
  async run(call, done, changed = true) {
    this.error = null;
    this.done = null;
    try {
      const result = await call();
      this.done = typeof done === 'function' ? done(result) : done;
      if (changed) {
        this.dispatchEvent(new CustomEvent('changed'));
      }
      await this.load();
      return true;
    } catch (e) {
      this.error = e.message;
      return false;
    }
  }

  path(folder) {
    const parent = folder.parentId && this.folders.find((f) => f.id === folder.parentId);
    return parent ? this.path(parent) + ' / ' + folder.name : folder.name;
  }

  /** The folder and every folder under it: where it cannot be moved. */
  subtree(id) {
    const ids = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const f of this.folders) {
        if (f.parentId && ids.has(f.parentId) && !ids.has(f.id)) {
          ids.add(f.id);
          grew = true;
        }
      }
    }
    return ids;
  }

  parents(excluded = new Set()) {
    return this.folders.filter((f) => f.systemRole !== 'TRASH' && !excluded.has(f.id))
      .map((f) => ({ id: f.id, path: this.path(f) })).sort((a, b) => a.path.localeCompare(b.path, 'fr'));
  }

  parentSelect(label, current, excluded) {
    return html`<label>${label}<select name="parent">
      <option value="" ?selected=${!current}>(aucun : premier niveau)</option>
      ${this.parents(excluded).map((p) => html`<option value=${p.id} ?selected=${p.id === current}>${p.path}</option>`)}
    </select></label>`;
  }

  createFolder(event) {
    event.preventDefault();
    const form = event.target;
    const name = form.elements.name.value.trim();
    this.run(() => api('/api/mail/folders', { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify({ name, parentId: form.elements.parent.value || null }) }), 'Dossier « ' + name + ' » créé.')
      .then((ok) => ok && form.reset());
  }

  saveFolder(folder, event) {
    event.preventDefault();
    const form = event.target;
    this.run(() => api('/api/mail/folders/' + folder.id, { method: 'PUT', headers: JSON_HEADERS,
      body: JSON.stringify({ name: form.elements.name.value.trim(), parentId: form.elements.parent.value || null }) }), 'Dossier enregistré.');
  }

  deleteFolder(folder) {
    const under = this.subtree(folder.id).size - 1;
    const children = under === 0 ? '' : under === 1 ? ' et son sous-dossier' : ' et ses ' + under + ' sous-dossiers';
    if (confirm('Supprimer le dossier « ' + this.path(folder) + ' »' + children
      + ' ? Ses messages iront à la corbeille.')) {
      this.run(() => api('/api/mail/folders/' + folder.id, { method: 'DELETE' }),
        (r) => `Dossier supprimé : ${plural('message', r.movedToTrash)} mis à la corbeille.`);
    }
  }

  folderTab() {
    const personal = this.folders.filter((f) => !f.systemRole)
      .sort((a, b) => this.path(a).localeCompare(this.path(b), 'fr'));
    return html`
      ${personal.length ? '' : html`<p class="discret">Vous n'avez pas encore de dossier personnel.</p>`}
      <ul aria-label="Vos dossiers">${repeat(personal, (f) => f.id, (f) => html`<li>
        <form class="ajout" aria-label=${'Dossier ' + this.path(f)} @submit=${(e) => this.saveFolder(f, e)}>
          <label>Nom<input type="text" name="name" .value=${f.name} required maxlength="100"></label>
          ${this.parentSelect('Dans', f.parentId, this.subtree(f.id))}
          <button>Enregistrer</button>
          <button type="button" @click=${() => this.deleteFolder(f)}>Supprimer</button>
          <span class="discret">${plural('message', f.total)}</span>
        </form></li>`)}</ul>
      <h3>Nouveau dossier</h3>
      <form class="ajout" @submit=${this.createFolder}>
        <label>Nom<input type="text" name="name" required maxlength="100"></label>
        ${this.parentSelect('Dans', null, new Set())}
        <button>Créer le dossier</button>
      </form>`;
  }

  label(event, id = null) {
    event.preventDefault();
    const form = event.target;
    const body = JSON.stringify({ name: form.elements.name.value.trim(), color: form.elements.color.value });
    this.run(() => api('/api/mail/labels' + (id ? '/' + id : ''), { method: id ? 'PUT' : 'POST', headers: JSON_HEADERS, body }),
      id ? 'Étiquette enregistrée.' : 'Étiquette « ' + form.elements.name.value.trim() + ' » créée.')
      .then((ok) => ok && !id && form.reset());
  }

  deleteLabel(label) {
    if (confirm('Supprimer l\'étiquette « ' + label.name + ' » ? Les messages restent où ils sont, sans elle.')) {
      this.run(() => api('/api/mail/labels/' + label.id, { method: 'DELETE' }), 'Étiquette supprimée.');
    }
  }

  labelTab() {
    return html`
      <ul aria-label="Vos étiquettes">${repeat(this.labels || [], (l) => l.id, (l) => html`<li>
        <form class="ajout" aria-label=${'Étiquette ' + l.name} @submit=${(e) => this.label(e, l.id)}>
          <span class="pastille" ${cssom({ background: l.color })}></span>
          <label>Nom<input type="text" name="name" .value=${l.name} required maxlength="50"></label>
          <label>Couleur<input type="color" name="color" .value=${l.color}></label>
          <button>Enregistrer</button>
          <button type="button" @click=${() => this.deleteLabel(l)}>Supprimer</button>
        </form></li>`)}</ul>
      <h3>Nouvelle étiquette</h3>
      <form class="ajout" @submit=${(e) => this.label(e)}>
        <label>Nom<input type="text" name="name" required maxlength="50"></label>
        <label>Couleur<input type="color" name="color" value="#000091"></label>
        <button>Créer l'étiquette</button>
      </form>`;
  }

  saveSignature(event, id = null) {
    event.preventDefault();
    const form = event.target;
    const body = JSON.stringify({ name: form.elements.name.value.trim(), bodyHtml: form.querySelector('.texte').innerHTML,
      defaultNew: form.elements.defaultNew.checked, defaultReply: form.elements.defaultReply.checked });
    this.run(() => api('/api/mail/signatures' + (id ? '/' + id : ''), { method: id ? 'PUT' : 'POST', headers: JSON_HEADERS, body }),
      'Signature enregistrée.', false).then((ok) => {
      if (ok && !id) {
        form.reset();
        form.querySelector('.texte').innerHTML = '';
      }
    });
  }

  deleteSignature(signature) {
    if (confirm('Supprimer la signature « ' + signature.name + ' » ?')) {
      this.run(() => api('/api/mail/signatures/' + signature.id, { method: 'DELETE' }), 'Signature supprimée.', false);
    }
  }

  async template() {
    try {
      const template = await api('/api/mail/signatures/template');
      const form = this.renderRoot.querySelector('#nouvelle-signature');
      form.elements.name.value = template.name;
      form.querySelector('.texte').innerHTML = template.bodyHtml; // sanitised by mail-service
    } catch (e) {
      this.error = e.message;
    }
  }

  signatureForm(s, id) {
    // the body is HTML sanitised by mail-service when saved: shown as is in an editable block
    return html`<form class=${s ? 'signature' : ''} id=${id} aria-label=${s ? 'Signature ' + s.name : 'Nouvelle signature'}
        @submit=${(e) => this.saveSignature(e, s && s.id)}>
      <label>Nom<input type="text" name="name" .value=${s ? s.name : ''} required maxlength="50"></label>
      <div class="texte" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Texte de la signature"
        .innerHTML=${s ? s.bodyHtml : ''}></div>
      <label class="case"><input type="checkbox" name="defaultNew" .checked=${!!(s && s.defaultNew)}> Par défaut pour les nouveaux messages</label>
      <label class="case"><input type="checkbox" name="defaultReply" .checked=${!!(s && s.defaultReply)}> Par défaut pour les réponses</label>
      <button>Enregistrer</button>
      ${s ? html`<button type="button" @click=${() => this.deleteSignature(s)}>Supprimer</button>`
        : html`<button type="button" @click=${this.template}>Partir du modèle de l'académie</button>`}
    </form>`;
  }

  signatureTab() {
    return html`
      ${repeat(this.signatures, (s) => s.id, (s) => this.signatureForm(s, 'signature-' + s.id))}
      <h3>Nouvelle signature</h3>
      ${this.signatureForm(null, 'nouvelle-signature')}`;
  }

  imageTab() {
    return html`<p class="discret">Les images distantes sont bloquées par défaut. Elles s'affichent toujours pour ces expéditeurs :</p>
      ${this.trusted.length ? html`<ul aria-label="Expéditeurs de confiance">${this.trusted.map((address) => html`<li>
        <span class="nom">${address}</span>
        <button @click=${() => this.run(() => api('/api/mail/trusted-senders/' + encodeURIComponent(address), { method: 'DELETE' }),
          'Les images de ' + address + ' seront de nouveau bloquées.', false)}>Retirer</button></li>`)}</ul>`
        : html`<p>Aucun expéditeur pour l'instant (« Toujours pour cet expéditeur » à la lecture d'un message).</p>`}`;
  }

  import(event) {
    const file = event.target.files[0];
    const folder = this.renderRoot.querySelector('#dossier-echange').value;
    if (!file) {
      return;
    }
    const eml = file.name.toLowerCase().endsWith('.eml');
    this.run(() => api('/api/mail/folders/' + folder + '/import', { method: 'POST',
      headers: { 'Content-Type': eml ? 'message/rfc822' : 'application/mbox' }, body: file }), (r) => (eml
      ? (r.duplicate ? 'Ce message est déjà dans votre messagerie : rien n\'a été importé.' : 'Message importé.')
      : plural('message importé', r.imported, 'messages importés')
        + (r.duplicates.length ? ', ' + plural('déjà présent ignoré', r.duplicates.length, 'déjà présents ignorés') : '')
        + (r.failures.length ? ', ' + plural('refusé', r.failures.length) + (r.stoppedAtQuota ? ' (messagerie pleine)' : '') : '')
        + '.')).then(() => { event.target.value = ''; });
  }

  exchangeTab() {
    const folders = this.parents();
    const chosen = this.exchange || (folders[0] && folders[0].id);
    return html`
      <label>Dossier<select id="dossier-echange" @change=${(e) => { this.exchange = e.target.value; }}>
        ${folders.map((f) => html`<option value=${f.id} ?selected=${f.id === chosen}>${f.path}</option>`)}</select></label>
      <p><a href=${'/api/mail/folders/' + chosen + '/export'} download>Exporter ce dossier (mbox)</a></p>
      <label>Importer dans ce dossier un fichier mbox ou .eml
        <input type="file" accept=".mbox,.mbx,.eml,application/mbox,message/rfc822" @change=${this.import}></label>
      <p class="discret">Les messages déjà présents (même Message-ID) sont ignorés ; l'import compte dans votre espace.</p>`;
  }

  render() {
    const panels = { dossiers: () => this.folderTab(), etiquettes: () => this.labelTab(),
      signatures: () => this.signatureTab(), images: () => this.imageTab(), import: () => this.exchangeTab() };
    return html`<dialog aria-labelledby="titre-gerer">
      <header><h2 id="titre-gerer">Gérer la messagerie</h2>
        <form method="dialog"><button>Fermer</button></form></header>
      <div role="tablist" aria-label="Réglages">${TABS.map(([id, name]) => html`<button role="tab" id=${'onglet-' + id}
        aria-selected=${this.tab === id ? 'true' : 'false'} aria-controls="panneau"
        @click=${() => { this.tab = id; this.error = null; this.done = null; }}>${name}</button>`)}</div>
      ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
      ${this.done ? html`<p class="fait" role="status">${this.done}</p>` : ''}
      <div role="tabpanel" id="panneau" aria-labelledby=${'onglet-' + this.tab}>${this.folders ? panels[this.tab]() : ''}</div>
    </dialog>`;
  }
}

customElements.define('mail-manage', MailManage);
