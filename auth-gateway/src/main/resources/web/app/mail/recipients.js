import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { touchStyles } from '../styles.js';

const ADDRESS = /^[^\s@<>()[\],;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

// A recipients field: chips for the addresses chosen, a text input that suggests people (past correspondents,
// then the académie directory) as an ARIA combobox; Enter, comma or a choice adds a chip, Backspace on an empty
// input removes the last. Fires "change" with the list of {name, address}.
class MailRecipients extends LitElement {
  static properties = {
    label: {},
    value: { attribute: false },
    suggestions: { state: true },
    active: { state: true },
  };
  static styles = [touchStyles, css`
    :host { display: flex; align-items: center; gap: .5rem; border-bottom: 1px solid #ddd; padding: .25rem 0; position: relative; }
    label { color: var(--gris, #666); min-width: 2.5rem; }
    .champ { display: flex; flex-wrap: wrap; gap: .25rem; flex: 1; align-items: center; }
    .puce { background: #eef; border-radius: 1rem; padding: .1rem .5rem; font-size: .9rem; }
    .puce.invalide { background: #ffe9e9; color: var(--rouge, #ce0500); }
    .puce button { border: none; background: none; cursor: pointer; padding: 0 0 0 .25rem; }
    input { flex: 1; min-width: 10rem; border: none; padding: .3rem; font: inherit; }
    ul { position: absolute; top: 100%; left: 3rem; z-index: 2; background: #fff; list-style: none; margin: 0; padding: 0;
      border: 1px solid #ccc; box-shadow: 0 2px 8px rgba(0,0,0,.15); min-width: 20rem; }
    li { padding: .35rem .6rem; cursor: pointer; }
    li[aria-selected="true"] { background: var(--bleu-clair, #e3e3fd); }
    .discret { color: var(--gris, #666); font-size: .85rem; }
  `];

  constructor() {
    super();
    this.value = [];
    this.suggestions = [];
    this.active = 0;
    this.timer = null;
  }

  focus() {
    this.renderRoot.querySelector('input').focus();
  }

  changed(value) {
    this.value = value;
    this.dispatchEvent(new CustomEvent('change', { detail: value }));
  }

  add(recipient) {
    const input = this.renderRoot.querySelector('input');
    input.value = '';
    this.suggestions = [];
    if (!this.value.some((r) => r.address.toLowerCase() === recipient.address.toLowerCase())) {
      this.changed([...this.value, recipient]);
    }
  }

  input(event) {
    const text = event.target.value;
    if (/[,;]$/.test(text)) {
      this.typed(text.slice(0, -1));
      return;
    }
    clearTimeout(this.timer);
    if (text.trim().length < 2) {
      this.suggestions = [];
      return;
    }
    this.timer = setTimeout(() => api('/api/mail/contacts?q=' + encodeURIComponent(text.trim()))
      .then((page) => { this.suggestions = page.items; this.active = 0; }, () => { this.suggestions = []; }), 200);
  }

  typed(text) {
    const address = text.trim();
    if (address) {
      this.add({ name: null, address });
    }
  }

  keydown(event) {
    const input = event.target;
    if (event.key === 'ArrowDown' && this.suggestions.length) {
      this.active = (this.active + 1) % this.suggestions.length;
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && this.suggestions.length) {
      this.active = (this.active - 1 + this.suggestions.length) % this.suggestions.length;
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.suggestions[this.active]) {
        const s = this.suggestions[this.active];
        this.add({ name: s.name, address: s.address });
      } else {
        this.typed(input.value);
      }
    } else if (event.key === 'Escape' && this.suggestions.length) {
      this.suggestions = [];
      event.stopPropagation();
    } else if (event.key === 'Backspace' && !input.value && this.value.length) {
      this.changed(this.value.slice(0, -1));
    }
  }

  render() {
    const listId = 'suggestions';
    return html`
      <label for="saisie">${this.label}</label>
      <div class="champ">
        ${this.value.map((r, i) => html`<span class=${'puce' + (ADDRESS.test(r.address) ? '' : ' invalide')}
          title=${r.address}>${r.name || r.address}<button aria-label=${'Retirer ' + (r.name || r.address)}
          @click=${() => this.changed(this.value.filter((_, j) => j !== i))}>×</button></span>`)}
        <input id="saisie" type="text" autocomplete="off" role="combobox" aria-autocomplete="list"
          aria-expanded=${this.suggestions.length ? 'true' : 'false'} aria-controls=${listId}
          aria-activedescendant=${this.suggestions.length ? 'suggestion-' + this.active : ''}
          @input=${this.input} @keydown=${this.keydown} @blur=${(e) => { this.typed(e.target.value); e.target.value = ''; }}>
      </div>
      ${this.suggestions.length ? html`<ul id=${listId} role="listbox" aria-label="Suggestions">
        ${this.suggestions.map((s, i) => html`<li id=${'suggestion-' + i} role="option"
          aria-selected=${i === this.active ? 'true' : 'false'}
          @mousedown=${(e) => { e.preventDefault(); this.add({ name: s.name, address: s.address }); }}>
          ${s.name || s.address} <span class="discret">&lt;${s.address}&gt;
          ${s.source === 'ANNUAIRE' ? '· annuaire' : ''}</span></li>`)}
      </ul>` : ''}`;
  }
}

customElements.define('mail-recipients', MailRecipients);
