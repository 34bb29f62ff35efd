import { LitElement, html } from 'lit';
import { api } from '../api.js';
import { JSON_HEADERS, MOMENT, fieldError } from './format.js';

// One opinion (avis) asked about a request: who asked whom, the question, the answer once given, and the form to
// give it when it is the reader's. Drawn in the page's own DOM (no shadow root), so the page's styles apply; it
// tells the page the opinion given ("avis-donne"). Calls go through the page's act(), which shows their outcome.
class DemarcheAvis extends LitElement {
  static properties = { opinion: { attribute: false }, act: { attribute: false }, problem: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  async give(e) {
    e.preventDefault();
    const o = this.opinion;
    const given = await this.act(() => api('/api/colibris/opinions/' + o.id, { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify({ answer: new FormData(e.target).get('answer') }) }), 'Avis enregistré.');
    if (given) {
      this.dispatchEvent(new CustomEvent('avis-donne', { detail: given, bubbles: true }));
    }
  }

  render() {
    const o = this.opinion;
    return html`<strong>${o.askedByName}</strong> demande l'avis de <strong>${o.askedOfName}</strong>
      <span class="discret">— le ${MOMENT.format(new Date(o.askedAt))}</span><p>« ${o.question} »</p>
      ${o.answer ? html`<p><strong>Avis :</strong> ${o.answer} <span class="discret">(le ${MOMENT.format(new Date(o.answeredAt))})</span></p>`
        : o.yoursToGive ? html`<form class="champs" @submit=${(e) => this.give(e)}>
          <label>Votre avis <textarea name="answer" rows="2" required maxlength="4000"></textarea></label>
          ${fieldError(this.problem, 'answer')}
          <button class="bouton">Donner mon avis</button></form>` : html`<p class="discret">En attente de réponse.</p>`}`;
  }
}

customElements.define('demarche-avis', DemarcheAvis);
