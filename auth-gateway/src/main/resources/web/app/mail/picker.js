import { LitElement, html, css } from 'lit';
import { cssom } from '../css.js';
import { touchStyles } from '../styles.js';

// A modal list to choose a folder ("v") or a label ("l") for the selection: type to filter, arrows and Enter to
// choose, Escape to close. Fires "choose" with the item's id.
class MailPicker extends LitElement {
  static properties = { title: {}, items: { attribute: false }, filter: { state: true }, active: { state: true } };
  static styles = [touchStyles, css`
    dialog { border: none; border-radius: 6px; padding: 1rem; width: 20rem; box-shadow: 0 4px 24px rgba(0,0,0,.3); }
    h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
    input { width: 100%; box-sizing: border-box; padding: .4rem; }
    ul { list-style: none; margin: .5rem 0 0; padding: 0; max-height: 16rem; overflow: auto; }
    li { padding: .35rem .5rem; cursor: pointer; border-radius: 3px; display: flex; gap: .5rem; align-items: center; }
    li[aria-selected="true"] { background: var(--bleu-clair, #e3e3fd); }
    .pastille { width: .75rem; height: .75rem; border-radius: 50%; display: inline-block; }
  `];

  constructor() {
    super();
    this.items = [];
    this.filter = '';
    this.active = 0;
  }

  open() {
    this.filter = '';
    this.active = 0;
    const dialog = this.renderRoot.querySelector('dialog');
    dialog.showModal();
    this.renderRoot.querySelector('input').focus();
  }

  visible() {
    const filter = this.filter.toLowerCase();
    return this.items.filter((item) => item.name.toLowerCase().includes(filter));
  }

  keydown(event) {
    const visible = this.visible();
    if (event.key === 'ArrowDown') {
      this.active = Math.min(this.active + 1, visible.length - 1);
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      this.active = Math.max(this.active - 1, 0);
      event.preventDefault();
    } else if (event.key === 'Enter' && visible[this.active]) {
      event.preventDefault();
      this.choose(visible[this.active]);
    }
  }

  choose(item) {
    this.renderRoot.querySelector('dialog').close();
    this.dispatchEvent(new CustomEvent('choose', { detail: item.id }));
  }

  render() {
    const visible = this.visible();
    return html`<dialog aria-labelledby="titre">
      <h2 id="titre">${this.title}</h2>
      <input type="text" aria-label="Filtrer" role="combobox" aria-controls="choix" aria-expanded="true"
        aria-activedescendant=${visible[this.active] ? 'choix-' + visible[this.active].id : ''}
        .value=${this.filter} @input=${(e) => { this.filter = e.target.value; this.active = 0; }}
        @keydown=${this.keydown}>
      <ul id="choix" role="listbox" aria-label=${this.title}>${visible.map((item, i) => html`
        <li id=${'choix-' + item.id} role="option" aria-selected=${i === this.active ? 'true' : 'false'}
          @click=${() => this.choose(item)}>
          ${item.color ? html`<span class="pastille" ${cssom({ background: item.color })}></span>` : ''}${item.name}</li>`)}
      </ul>
    </dialog>`;
  }
}

customElements.define('mail-picker', MailPicker);
