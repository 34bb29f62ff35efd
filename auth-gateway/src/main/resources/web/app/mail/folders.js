import { LitElement, html, css } from 'lit';
import { cssom } from '../css.js';
import { size } from './format.js';
import { touchStyles } from '../styles.js';

const DRAG = 'application/x-portail-messages';

// The left pane: "Nouveau message", the folder tree (system folders first, personal ones nested) with unread and
// total counts, the labels with their colours, and the quota bar. Folders and labels are drop targets for
// messages dragged from the list. Fires "pick" ({kind, id}), "drop-messages" ({kind, id, ids}), "compose" and
// "manage" (folders, labels, signatures…).
class MailFolders extends LitElement {
  static properties = { folders: { attribute: false }, labels: { attribute: false }, mailbox: { attribute: false },
    current: { attribute: false }, over: { state: true } };
  static styles = [touchStyles, css`
    :host { display: block; font-size: .95rem; }
    .nouveau { width: 100%; background: var(--bleu, #000091); color: #fff; border: none; border-radius: 4px; padding: .6rem; font-weight: 600; margin-bottom: .75rem; }
    h2 { font-size: .8rem; text-transform: uppercase; color: var(--gris, #666); margin: 1rem 0 .25rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    ul ul { padding-left: 1rem; }
    a { display: flex; justify-content: space-between; gap: .5rem; padding: .3rem .5rem; border-radius: 0 1rem 1rem 0; color: inherit; text-decoration: none; }
    a[aria-current="true"] { background: var(--bleu-clair, #e3e3fd); font-weight: 600; }
    a.dessus { outline: 2px dashed var(--bleu, #000091); }
    .compte { color: var(--gris, #666); }
    .compte strong { color: var(--texte, #161616); }
    .pastille { width: .7rem; height: .7rem; border-radius: 50%; display: inline-block; margin-right: .4rem; }
    .quota { margin-top: 1.25rem; font-size: .85rem; }
    .barre { height: .4rem; background: #ddd; border-radius: .2rem; overflow: hidden; margin: .25rem 0; }
    .barre div { height: 100%; background: var(--bleu, #000091); }
    .barre.pleine div { background: var(--rouge, #ce0500); }
    .alerte { color: var(--rouge, #ce0500); }
    .regles { display: block; margin-top: .5rem; padding: .35rem .5rem; }
    .gerer { margin-top: 1rem; background: none; border: 1px solid #ccc; border-radius: 4px; padding: .35rem .5rem; width: 100%; text-align: left; }
    @media (pointer: coarse) { a { min-height: 44px; align-items: center; box-sizing: border-box; } }
  `];

  pick(kind, id, event) {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('pick', { detail: { kind, id } }));
  }

  dropTarget(kind, id) {
    return {
      dragover: (event) => {
        if (event.dataTransfer.types.includes(DRAG)) {
          event.preventDefault();
          this.over = id;
        }
      },
      dragleave: () => { this.over = null; },
      drop: (event) => {
        event.preventDefault();
        this.over = null;
        const ids = JSON.parse(event.dataTransfer.getData(DRAG));
        this.dispatchEvent(new CustomEvent('drop-messages', { detail: { kind, id, ids } }));
      },
    };
  }

  tree(parentId) {
    const children = (this.folders || []).filter((f) => (f.parentId || null) === parentId);
    if (!children.length) {
      return '';
    }
    return html`<ul>${children.map((f) => {
      const target = this.dropTarget('folder', f.id);
      const current = this.current && this.current.kind === 'folder' && this.current.id === f.id;
      return html`<li><a href="#" aria-current=${current ? 'true' : 'false'} class=${this.over === f.id ? 'dessus' : ''}
          data-folder=${f.systemRole || f.name} title=${`${f.total} message${f.total > 1 ? 's' : ''}, ${f.unread} non lu${f.unread > 1 ? 's' : ''}`}
          @click=${(e) => this.pick('folder', f.id, e)} @dragover=${target.dragover} @dragleave=${target.dragleave}
          @drop=${target.drop}>
          <span>${f.name}</span>
          <span class="compte">${f.unread ? html`<strong aria-label=${f.unread + ' non lus'}>${f.unread}</strong>` : ''}</span>
        </a>${this.tree(f.id)}</li>`;
    })}</ul>`;
  }

  render() {
    const m = this.mailbox;
    return html`
      <button class="nouveau" @click=${() => this.dispatchEvent(new CustomEvent('compose'))}>Nouveau message</button>
      <nav aria-label="Dossiers">${this.tree(null)}</nav>
      ${this.labels && this.labels.length ? html`<h2 id="titre-etiquettes">Étiquettes</h2>
        <ul aria-labelledby="titre-etiquettes">${this.labels.map((l) => {
          const target = this.dropTarget('label', l.id);
          const current = this.current && this.current.kind === 'label' && this.current.id === l.id;
          return html`<li><a href="#" aria-current=${current ? 'true' : 'false'} class=${this.over === l.id ? 'dessus' : ''}
              @click=${(e) => this.pick('label', l.id, e)} @dragover=${target.dragover} @dragleave=${target.dragleave}
              @drop=${target.drop}>
              <span><span class="pastille" ${cssom({ background: l.color })}></span>${l.name}</span>
              <span class="compte">${l.unread || ''}</span></a></li>`;
        })}</ul>` : ''}
      <button class="gerer" @click=${() => this.dispatchEvent(new CustomEvent('manage'))}>Gérer dossiers, étiquettes, signatures…</button>
      <a class="regles" href="/messagerie/regles">Règles de tri</a>
      ${m ? html`<div class="quota">
        <div class=${'barre' + (m.nearlyFull ? ' pleine' : '')} role="meter" aria-label="Espace utilisé"
          aria-valuemin="0" aria-valuemax="100" aria-valuenow=${m.percent}><div ${cssom({ width: m.percent + '%' })}></div></div>
        ${size(m.used)} utilisés sur ${size(m.quota)} (${m.percent} %)
        ${m.nearlyFull ? html`<p class="alerte" role="alert">Votre messagerie est presque pleine.</p>` : ''}
        <a href="#" @click=${(e) => this.pick('largest', null, e)}>Libérer de l'espace</a>
      </div>` : ''}`;
  }
}

customElements.define('mail-folders', MailFolders);
export { DRAG };
