import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { pageStyles } from '../styles.js';

// The career summary: corps, grade, échelon, assignment.
class PageCarriere extends LitElement {
  static properties = { career: { state: true }, error: { state: true } };
  static styles = pageStyles;

  connectedCallback() {
    super.connectedCallback();
    api('/api/iprof/agents/me').then((career) => { this.career = career; }, (e) => { this.error = e.message; });
  }

  render() {
    if (this.error) {
      return html`<p class="erreur" role="alert">${this.error}</p>`;
    }
    if (!this.career) {
      return html`<p class="discret">Chargement…</p>`;
    }
    const c = this.career;
    return html`
      <h1>Ma carrière</h1>
      <section class="carte">
        <dl>
          <dt>Corps</dt><dd>${c.corps}</dd>
          <dt>Grade</dt><dd>${c.grade}</dd>
          <dt>Échelon</dt><dd>${c.echelon}<sup>e</sup>, depuis le ${new Date(c.echelonSince).toLocaleDateString('fr-FR')}</dd>
          <dt>Affectation</dt><dd>${c.assignment ? html`${c.assignment.schoolName} (${c.assignment.uai})` : 'aucune'}</dd>
        </dl>
      </section>
    `;
  }
}

customElements.define('page-carriere', PageCarriere);
