import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { pageStyles } from '../styles.js';

const STATUTS = {
  DRAFT: 'Brouillon',
  IN_REVIEW: 'En cours d\'examen',
  RETURNED: 'À compléter',
  APPROVED: 'Acceptée',
  REFUSED: 'Refusée',
  WITHDRAWN: 'Retirée',
};

// The person's HR requests, most recent first.
class PageDemarches extends LitElement {
  static properties = { requests: { state: true }, error: { state: true } };
  static styles = pageStyles;

  connectedCallback() {
    super.connectedCallback();
    api('/api/colibris/requests').then((page) => { this.requests = page.items; }, (e) => { this.error = e.message; });
  }

  render() {
    if (this.error) {
      return html`<p class="erreur" role="alert">${this.error}</p>`;
    }
    if (!this.requests) {
      return html`<p class="discret">Chargement…</p>`;
    }
    return html`
      <h1>Mes démarches</h1>
      <section class="carte">
        ${this.requests.length === 0 ? html`<p class="vide">Vous n'avez aucune demande.</p>` : html`
        <ul class="liste">${this.requests.map((r) => html`
          <li><span>${r.type.label}</span><span>${STATUTS[r.status] || r.status}</span>
            <time datetime=${r.createdAt}>${new Date(r.createdAt).toLocaleDateString('fr-FR')}</time></li>`)}
        </ul>`}
      </section>
    `;
  }
}

customElements.define('page-demarches', PageDemarches);
