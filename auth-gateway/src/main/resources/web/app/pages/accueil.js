import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';

// The home page: one card per service, each loaded on its own so that one service down hides nothing else.
class PageAccueil extends LitElement {
  static properties = { me: {}, inbox: { state: true }, career: { state: true }, requests: { state: true } };
  static styles = [pageStyles, touchStyles];

  connectedCallback() {
    super.connectedCallback();
    load(api('/api/mail/folders'), (folders) => { this.inbox = folders.items.find((f) => f.systemRole === 'INBOX'); },
      (error) => { this.inbox = { error }; });
    load(api('/api/iprof/agents/me'), (career) => { this.career = career; }, (error) => { this.career = { error }; });
    load(api('/api/colibris/requests'), (page) => { this.requests = page; }, (error) => { this.requests = { error }; });
  }

  render() {
    return html`
      <h1>Bonjour ${this.me.displayName}</h1>
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
