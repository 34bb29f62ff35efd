import { LitElement, html, css } from 'lit';
import { api } from './api.js';
import { current, onRoute, routes } from './router.js';
import { touchStyles } from './styles.js';

// The layout: the header (who is signed in, sign-out), the navigation, and the page of the current route.
class PortailApp extends LitElement {
  static properties = {
    me: { state: true },
    route: { state: true },
    error: { state: true },
    menuOpen: { state: true },
    unread: { state: true },
    passwordDaysLeft: { state: true },
  };

  static styles = [touchStyles, css`
    :host { display: block; min-height: 100vh; }
    .evitement { position: absolute; left: -100rem; }
    .evitement:focus { left: 1rem; top: .5rem; z-index: 20; background: #fff; color: var(--bleu, #000091); padding: .75rem 1rem; }
    header { background: var(--bleu, #000091); color: #fff; display: flex; align-items: center; justify-content: space-between;
      gap: 1rem; padding: .75rem 1.5rem; }
    header a.titre { color: #fff; font-weight: 700; text-decoration: none; }
    header .personne { display: flex; gap: 1rem; align-items: center; }
    header a.sortie { color: #fff; border: 1px solid #fff; padding: .35rem .75rem; border-radius: 4px; text-decoration: none; }
    button.menu { display: none; }
    nav { background: #fff; border-bottom: 1px solid #ddd; padding: 0 1.5rem; display: flex; flex-wrap: wrap; column-gap: 1.5rem; }
    nav a { color: var(--texte, #161616); text-decoration: none; padding: .75rem 0; border-bottom: 3px solid transparent;
      min-height: 44px; box-sizing: border-box; display: flex; align-items: center; }
    nav a[aria-current="page"] { border-color: var(--bleu, #000091); color: var(--bleu, #000091); font-weight: 600; }
    nav a.sortie { display: none; }
    nav a.assistance { margin-left: auto; }
    main { max-width: 60rem; margin: 1.5rem auto; padding: 0 1.5rem; }
    main.large { max-width: 110rem; }
    .bandeau { background: #fff4e5; border-bottom: 1px solid #f0c080; margin: 0; padding: .6rem 1.5rem; color: #6b3d00; }
    .bandeau a { color: #6b3d00; font-weight: 600; margin-left: .5rem; }
    .erreur { background: #ffe9e9; border-left: 4px solid var(--rouge, #ce0500); padding: .75rem 1rem; }
    /* a phone: the menu folds behind a button; its links stack, each a finger's height */
    @media (max-width: 700px) {
      header { padding: .25rem .25rem .25rem 1rem; }
      header .personne { display: none; }
      button.menu { display: block; min-height: 44px; min-width: 44px; background: none; color: #fff; border: 1px solid #fff;
        border-radius: 4px; font: inherit; padding: 0 .75rem; }
      nav { display: none; flex-direction: column; padding: 0 1rem; }
      nav.ouvert { display: flex; }
      nav a { border-bottom: 1px solid #eee; border-left: 3px solid transparent; padding-left: .5rem; }
      nav a[aria-current="page"] { border-bottom-color: #eee; border-left-color: var(--bleu, #000091); }
      nav a.sortie { display: flex; }
      nav a.assistance { margin-left: 0; }
      main { margin: 1rem auto; padding: 0 .75rem; }
      .bandeau { padding: .6rem 1rem; }
    }
  `];

  constructor() {
    super();
    this.route = current();
  }

  connectedCallback() {
    super.connectedCallback();
    this.unsubscribe = onRoute((route) => {
      this.unread = route === this.route ? this.unread : 0;
      this.route = route;
      this.menuOpen = false;
    });
    api('/api/me').then((me) => { this.me = me; }, (e) => { this.error = e.message; });
    // a banner from 15 days before the password expires; the account page is where to change it
    api('/api/compte/securite').then((security) => { this.passwordDaysLeft = security.passwordDaysLeft; }, () => {});
  }

  disconnectedCallback() {
    this.unsubscribe();
    super.disconnectedCallback();
  }

  updated() {
    // the inbox's unread count in front, as mail tabs show it, while the webmail is open
    document.title = (this.unread ? '(' + this.unread + ') ' : '') + this.route.title + ' – Portail agents';
  }

  render() {
    if (this.error) {
      return html`<main><p class="erreur" role="alert">${this.error}</p></main>`;
    }
    if (!this.me) {
      return html`<main><p>Chargement des informations de session…</p></main>`;
    }
    return html`
      <a class="evitement" href="#contenu" @click=${this.skip}>Aller au contenu</a>
      <header>
        <a class="titre" href="/">Portail agents · Académie d'Orléans-Tours</a>
        <span class="personne">
          <span class="nom">${this.me.displayName}</span>
          <a class="sortie" href="/deconnexion">Se déconnecter</a>
        </span>
        <button class="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="navigation"
          @click=${() => { this.menuOpen = !this.menuOpen; }}>Menu</button>
      </header>
      <nav id="navigation" aria-label="Navigation principale" class=${this.menuOpen ? 'ouvert' : ''}>
        ${routes.filter((route) => !route.within && (!route.role || this.me.roles.includes(route.role))).map((route) => html`
          <a href=${route.path} aria-current=${route === this.route || route.path === this.route.within ? 'page' : 'false'}>${route.title}</a>`)}
        <a class="assistance" href="/assistance">Assistance</a>
        <a class="sortie" href="/deconnexion">Se déconnecter (${this.me.displayName})</a>
      </nav>
      ${this.passwordDaysLeft != null && this.passwordDaysLeft <= 15 ? html`<p class="bandeau" role="alert">
        Votre mot de passe expire ${this.passwordDaysLeft === 0 ? 'aujourd\'hui' : `dans ${this.passwordDaysLeft} jour${this.passwordDaysLeft > 1 ? 's' : ''}`}.
        <a href="/connexion/action/mot-de-passe">Changer mon mot de passe</a></p>` : ''}
      <main id="contenu" tabindex="-1" @non-lus=${(e) => { this.unread = e.detail; }} class=${this.route.path === '/messagerie' ? 'large' : ''}>${this.page()}</main>
    `;
  }

  /** "Aller au contenu": the focus moves past the header and the menu (a fragment link alone would not cross the shadow root). */
  skip(event) {
    event.preventDefault();
    this.renderRoot.querySelector('main').focus();
  }

  /** The current route's page, made once: a later render (a banner arriving) must not replace it and lose what was typed. */
  page() {
    if (!this.shown || this.shown.route !== this.route) {
      const element = document.createElement(this.route.tag);
      element.me = this.me;
      this.shown = { route: this.route, element };
    }
    return this.shown.element;
  }
}

customElements.define('portail-app', PortailApp);
