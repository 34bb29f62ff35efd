import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';

// The home page: the person's applications (the gateway's catalogue, by role), then one card per service, each
// loaded on its own so that one service down hides nothing else.
class PageAccueil extends LitElement {
  static properties = { me: {}, applications: { state: true }, inbox: { state: true }, career: { state: true },
    requests: { state: true } };
  static styles = [pageStyles, touchStyles, css`
    h2.applications { font-size: 1.1rem; margin: 0 0 .5rem; }
    ul.applications { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: .75rem;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); }
    ul.applications a { display: flex; gap: .75rem; align-items: center; min-height: 44px; background: #fff; border-radius: 4px;
      box-shadow: 0 1px 2px rgba(0,0,0,.1); padding: .75rem 1rem; color: var(--texte, #161616); text-decoration: none; }
    ul.applications a:hover, ul.applications a:focus-visible { box-shadow: 0 0 0 2px var(--bleu, #000091); }
    .icone { font-size: 1.5rem; }
    .nom { display: block; font-weight: 600; color: var(--bleu, #000091); }
    .description { display: block; font-size: .88rem; color: var(--gris, #666); }
  `];

  connectedCallback() {
    super.connectedCallback();
    load(api('/api/applications'), (page) => { this.applications = page.items; }, (error) => { this.applications = { error }; });
    load(api('/api/mail/folders'), (folders) => { this.inbox = folders.items.find((f) => f.systemRole === 'INBOX'); },
      (error) => { this.inbox = { error }; });
    load(api('/api/iprof/agents/me'), (career) => { this.career = career; }, (error) => { this.career = { error }; });
    load(api('/api/colibris/requests'), (page) => { this.requests = page; }, (error) => { this.requests = { error }; });
  }

  render() {
    return html`
      <h1>Bonjour ${this.me.displayName}</h1>
      <section aria-labelledby="titre-applications">
        <h2 class="applications" id="titre-applications">Mes applications</h2>
        ${card(this.applications, (applications) => html`<ul class="applications">${applications.map((a) => html`
          <li data-application=${a.id}><a href=${a.url} target=${a.url.startsWith('/') ? '' : '_blank'}
              rel=${a.url.startsWith('/') ? '' : 'noopener'}>
            <span class="icone" aria-hidden="true">${a.icon}</span>
            <span><span class="nom">${a.name}${a.url.startsWith('/') ? '' : html`<span class="discret"> (nouvel onglet)</span>`}</span>
              <span class="description">${a.description}</span></span></a></li>`)}</ul>`)}
      </section>
      <section class="carte" data-carte="messagerie">
        <h2>Messagerie</h2>
        ${card(this.inbox, (inbox) => html`<p><a href="/messagerie"><strong data-valeur="non-lus">${inbox.unread}</strong>
          ${inbox.unread > 1 ? 'messages non lus' : 'message non lu'}</a> dans la boîte de réception</p>`)}
      </section>
      <section class="carte" data-carte="carriere">
        <h2>Ma carrière</h2>
        ${card(this.career, (career) => html`<p>${career.corps}, <span data-valeur="grade">${career.grade}</span>,
          <span data-valeur="echelon">${career.echelon}<sup>e</sup> échelon</span>
          depuis le ${new Date(career.echelonSince).toLocaleDateString('fr-FR')}</p>`)}
      </section>
      <section class="carte" data-carte="demarches">
        <h2>Mes démarches</h2>
        ${card(this.requests, (page) => html`<p><a href="/demarches"><strong data-valeur="demarches">${page.items.length}</strong>
          ${page.items.length > 1 ? 'demandes' : 'demande'}</a></p>`)}
      </section>
    `;
  }
}

function load(promise, onValue, onError) {
  promise.then(onValue, (e) => onError(e.message));
}

function card(value, show) {
  if (value === undefined) {
    return html`<p class="discret">Chargement…</p>`;
  }
  return value.error ? html`<p class="erreur" role="alert">${value.error}</p>` : show(value);
}

customElements.define('page-accueil', PageAccueil);
