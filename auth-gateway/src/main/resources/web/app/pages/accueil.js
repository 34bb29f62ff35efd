import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';
import { delai, jour } from '../dates.js';

// The home page: what waits for the person (a window closing, a request to decide, an opinion asked), with its date,
// the person's applications (the gateway's catalogue, by role), then one card per service, each loaded on its own so
// that one service down hides nothing else.
class PageAccueil extends LitElement {
  static properties = { me: {}, applications: { state: true }, inbox: { state: true }, career: { state: true },
    requests: { state: true }, todo: { state: true } };
  static styles = [pageStyles, touchStyles, css`
    h2 { font-size: 1.15rem; margin: 0 0 .5rem; } /* « À faire », « Mes applications » and the cards alike */
    ul.applications { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: .75rem;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); }
    ul.applications a { display: flex; gap: .75rem; align-items: center; min-height: 44px; background: #fff; border-radius: 4px;
      box-shadow: 0 1px 2px rgba(0,0,0,.1); padding: .75rem 1rem; color: var(--texte, #161616); text-decoration: none; }
    ul.applications a:hover, ul.applications a:focus-visible { box-shadow: 0 0 0 2px var(--bleu, #000091); }
    .icone { font-size: 1.5rem; }
    .nom { display: block; font-weight: 600; color: var(--bleu, #000091); }
    .description { display: block; font-size: .88rem; color: var(--gris, #666); }
    ul.a-faire { list-style: none; padding: 0; margin: 0; }
    ul.a-faire li { padding: .5rem 0; border-bottom: 1px solid #eee; }
    ul.a-faire li:last-child { border-bottom: 0; }
    ul.a-faire a { display: inline-block; min-height: 44px; line-height: 1.4; padding-top: .6rem; }
    .quand { display: block; font-size: .88rem; color: var(--gris, #666); }
    .quand.urgent { color: #b34000; font-weight: 600; }
  `];

  connectedCallback() {
    super.connectedCallback();
    load(api('/api/applications'), (page) => { this.applications = page.items; }, (error) => { this.applications = { error }; });
    load(api('/api/mail/folders'), (folders) => { this.inbox = folders.items.find((f) => f.systemRole === 'INBOX'); },
      (error) => { this.inbox = { error }; });
    load(api('/api/iprof/agents/me'), (career) => { this.career = career; }, (error) => { this.career = { error }; });
    load(api('/api/colibris/requests'), (page) => { this.requests = page; this.waiting('mine', ownRequests(page.items)); },
      (error) => { this.requests = { error }; });
    this.todo = {};
    const quietly = (source, promise, items) => promise.then((value) => this.waiting(source, items(value)), () => {});
    quietly('windows', api('/api/iprof/agents/me/appraisals'), windows);
    quietly('promotions', api('/api/iprof/agents/me/promotions'), promotions);
    quietly('decisions', api('/api/colibris/to-decide'), (page) => decisions(page.items));
    quietly('opinions', api('/api/colibris/opinions'), (page) => opinions(page.items));
  }

  /** The items of one source; each source alone, so that a service down (its card says so) hides nothing else. */
  waiting(source, items) {
    this.todo = { ...this.todo, [source]: items };
  }

  renderTodo() {
    const items = Object.values(this.todo || {}).flat()
      .sort((a, b) => (a.by || '9999').localeCompare(b.by || '9999'));
    return html`<section class="carte" data-carte="a-faire" aria-labelledby="titre-a-faire">
      <h2 id="titre-a-faire">À faire</h2>
      ${items.length === 0 ? html`<p class="vide">Rien ne vous attend pour le moment.</p>` : html`<ul class="a-faire">
        ${items.map((item) => html`<li><a href=${item.href}>${item.text}</a>
          <span class=${item.urgent ? 'quand urgent' : 'quand'}>${item.when}</span></li>`)}</ul>`}
    </section>`;
  }

  render() {
    return html`
      <h1>Bonjour ${this.me.displayName}</h1>
      ${this.renderTodo()}
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
          depuis le ${jour(career.echelonSince)}</p>`)}
      </section>
      <section class="carte" data-carte="demarches">
        <h2>Mes démarches</h2>
        ${card(this.requests, (page) => {
          const active = page.items.filter((r) => ACTIVE.includes(r.status)).length;
          return html`<p><a href="/demarches"><strong data-valeur="demarches">${active}</strong>
            ${active > 1 ? 'demandes en cours' : 'demande en cours'}</a></p>`;
        })}
      </section>
    `;
  }
}

/** A request still going on (a draft is not one yet, a decided or withdrawn one no longer). */
const ACTIVE = ['IN_REVIEW', 'RETURNED'];

/** "jusqu'au 15 janvier 2027 (dans 10 jours)": a business date by which something must be done. */
function until(on, daysLeft) {
  return `jusqu'au ${jour(on)} (${daysLeft === 0 ? 'dernier jour' : delai(daysLeft, on)})`;
}

function daysFromToday(instant) {
  return Math.round((new Date(instant) - Date.now()) / 86400000);
}

function windows(appraisals) {
  return appraisals.flatMap((a) => [
    [a.observationWindow, 'Observations sur le compte rendu de votre rendez-vous de carrière'],
    [a.appealWindow, 'Recours possible sur l\'appréciation finale de votre rendez-vous de carrière'],
  ].filter(([w]) => w && w.open).map(([w, text]) => ({ text, href: '/carriere', by: w.closesOn,
    when: until(w.closesOn, w.daysLeft), urgent: w.daysLeft <= 3 })));
}

function promotions(campaigns) {
  return campaigns.filter((p) => p.state === 'ouverte' && p.eligible && !p.answer).map((p) => {
    const daysLeft = daysFromToday(p.closesOn + 'T23:59:59');
    return { text: `${p.title} : candidature possible`, href: '/carriere', by: p.closesOn,
      when: until(p.closesOn, Math.max(0, daysLeft)), urgent: daysLeft <= 3 };
  });
}

function decisions(requests) {
  return requests.map((r) => ({ text: `Demande n° ${r.number} de ${r.ownerName} (${r.type.label}) : à décider`,
    href: '/demarches/' + r.id, by: r.dueAt ? r.dueAt.slice(0, 10) : null, urgent: r.late,
    when: r.dueAt ? `${r.late ? 'en retard : attendue' : 'attendue'} le ${jour(r.dueAt)}`
      : `déposée le ${jour(r.submittedAt)}` }));
}

function opinions(asked) {
  return asked.filter((o) => o.yoursToGive).map((o) => ({
    text: `Avis demandé par ${o.askedByName} sur la demande n° ${o.requestNumber} (${o.typeLabel})`,
    href: '/demarches/' + o.requestId, by: null, when: `demandé le ${jour(o.askedAt)}` }));
}

function ownRequests(requests) {
  return requests.filter((r) => r.status === 'RETURNED').map((r) => ({
    text: `Votre demande n° ${r.number} (${r.type.label}) est à compléter`, href: '/demarches/' + r.id, by: null,
    when: `renvoyée le ${jour(r.updatedAt)}`, urgent: true }));
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
