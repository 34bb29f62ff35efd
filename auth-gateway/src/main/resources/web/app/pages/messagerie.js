import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { pageStyles } from '../styles.js';

// The mailbox: its folders with their counts, and the inbox's latest messages.
class PageMessagerie extends LitElement {
  static properties = { folders: { state: true }, messages: { state: true }, error: { state: true } };
  static styles = pageStyles;

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.folders = (await api('/api/mail/folders')).items;
      const inbox = this.folders.find((f) => f.systemRole === 'INBOX');
      this.messages = (await api('/api/mail/folders/' + inbox.id + '/messages?limit=20')).items;
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    if (this.error) {
      return html`<p class="erreur" role="alert">${this.error}</p>`;
    }
    if (!this.messages) {
      return html`<p class="discret">Chargement…</p>`;
    }
    return html`
      <h1>Messagerie</h1>
      <section class="carte">
        <ul class="liste">${this.folders.map((f) => html`
          <li><span>${f.name}</span><span class="discret">${f.unread ? html`<strong>${f.unread}</strong> / ` : ''}${f.total}</span></li>`)}
        </ul>
      </section>
      <section class="carte">
        <h2>Boîte de réception</h2>
        ${this.messages.length === 0 ? html`<p class="vide">Aucun message.</p>` : html`
        <ul class="liste">${this.messages.map((m) => html`
          <li class=${m.unread ? 'non-lu' : ''}>
            <span>${m.from.name || m.from.address}</span><span>${m.subject}</span>
            <time datetime=${m.date}>${new Date(m.date).toLocaleDateString('fr-FR')}</time>
          </li>`)}
        </ul>`}
      </section>
    `;
  }
}

customElements.define('page-messagerie', PageMessagerie);
