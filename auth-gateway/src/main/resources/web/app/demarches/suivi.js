import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { JSON_HEADERS, MOMENT, deliveriesTable, fieldError } from './format.js';

// HR's desk ("Suivi RH"): the notifications not delivered yet, the CSV export of a type's requests, and the
// campaigns with their closings, which HR may push back with a reason. Drawn in the page's own DOM (no shadow root),
// so the page's styles apply; a campaign extended comes back to the page as "types-change". Calls go through the
// page's act(), which shows their outcome.
class DemarchesSuivi extends LitElement {
  static properties = { deliveries: { attribute: false }, types: { attribute: false }, act: { attribute: false },
    problem: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  exportCsv(e) {
    e.preventDefault();
    const query = new URLSearchParams(new FormData(e.target));
    location.assign('/api/colibris/export?' + query);
  }

  async extend(e, campaigns) {
    e.preventDefault();
    const form = new FormData(e.target);
    const campaign = campaigns.find((c) => c.id === form.get('campaign'));
    const done = await this.act(() => api('/api/colibris/campaigns/' + campaign.id + '/extension', { method: 'POST',
      headers: JSON_HEADERS, body: JSON.stringify({ closesAt: form.get('closesAt'), reason: form.get('reason'),
        version: campaign.version }) }), 'Campagne prolongée.');
    if (done) {
      const types = (await api('/api/colibris/types')).items;
      this.dispatchEvent(new CustomEvent('types-change', { detail: types, bubbles: true }));
    }
  }

  render() {
    const today = new Date().toISOString().slice(0, 10);
    const types = this.types || [];
    const campaigns = types.flatMap((t) => t.campaigns.map((c) => ({ ...c, type: t.label })));
    return html`
      <section class="carte" aria-labelledby="titre-attente">
        <h2 id="titre-attente">Notifications en attente</h2>${deliveriesTable(this.deliveries, true)}</section>
      <section class="carte" aria-labelledby="titre-export">
        <h2 id="titre-export">Exporter les demandes (CSV)</h2>
        <form class="champs" @submit=${(e) => this.exportCsv(e)}>
          <label>Type <select name="type">${types.map((t) => html`<option value=${t.code}>${t.label}</option>`)}</select></label>
          <label>Déposées du <input type="date" name="from" required value=${today.slice(0, 8) + '01'}></label>
          <label>au <input type="date" name="to" required value=${today}></label>
          <button class="bouton">Télécharger</button>
        </form></section>
      <section class="carte" aria-labelledby="titre-campagnes">
        <h2 id="titre-campagnes">Campagnes</h2>
        <ul class="liste">${campaigns.map((c) => html`<li><span><strong>${c.type}</strong> · ${c.label}</span>
          <span>du ${MOMENT.format(new Date(c.opensAt))} au ${MOMENT.format(new Date(c.closesAt))}
            ${c.open ? html`<span class="etat">ouverte</span>` : ''}</span>
          ${c.extensionReason ? html`<span class="prolongation">${c.extensionReason}</span>` : ''}</li>`)}</ul>
        ${campaigns.length ? html`<form class="champs" @submit=${(e) => this.extend(e, campaigns)}>
          <label>Campagne <select name="campaign">${campaigns.map((c) => html`<option value=${c.id}>${c.type} · ${c.label}</option>`)}</select></label>
          <label>Nouvelle clôture (heure de Paris) <input type="datetime-local" name="closesAt" required></label>
          <label>Motif, affiché sur la campagne <input name="reason" required maxlength="900"></label>
          ${fieldError(this.problem, 'closesAt', 'reason')}
          <button class="bouton">Prolonger</button>
        </form>` : ''}
      </section>`;
  }
}

customElements.define('demarches-suivi', DemarchesSuivi);
