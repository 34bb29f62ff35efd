import { LitElement, html } from 'lit';
import { pageStyles } from '../styles.js';

// The account as the académie knows it; account security (devices, sign-in history) comes here later.
class PageCompte extends LitElement {
  static properties = { me: {} };
  static styles = pageStyles;

  render() {
    return html`
      <h1>Mon compte</h1>
      <section class="carte">
        <dl>
          <dt>Identifiant</dt><dd>${this.me.username}</dd>
          <dt>Adresse électronique</dt><dd>${this.me.email}</dd>
          <dt>Profils</dt><dd>${this.me.roles.join(', ')}</dd>
          <dt>Établissement (UAI)</dt><dd>${this.me.uai || '—'}</dd>
        </dl>
      </section>
    `;
  }
}

customElements.define('page-compte', PageCompte);
