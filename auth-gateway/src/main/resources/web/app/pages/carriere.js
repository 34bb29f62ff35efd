import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';
import { delai, duree, jour as day, moment as instant } from '../dates.js';
import { plural } from '../words.js';

const IPROF = '/api/iprof';
const CV_KINDS = { qualification: 'Qualification', diplome: 'Diplôme', certification: 'Certification', formation: 'Formation', langue: 'Langue' };
const ROLES_WITH_TEAM = ['chef-etablissement', 'gestionnaire-rh'];

function windowText(label, w) {
  if (!w) return '';
  if (!w.open) return html`<p class="discret">${label} : délai clos le ${day(w.closesOn)}.</p>`;
  return html`<p class="delai" role="status">${label} : ${w.daysLeft === 0 ? 'dernier jour aujourd\'hui'
    : w.daysLeft === 1 ? 'encore 1 jour' : `encore ${w.daysLeft} jours`} (jusqu'au ${day(w.closesOn)} inclus).</p>`;
}

// "Ma carrière": the record, the next échelon, appraisals with their windows, promotions, timeline, CV, who read it;
// for heads of school and HR the agents they may see, and for HR any agent's record and the agents import.
class PageCarriere extends LitElement {
  static properties = {
    me: { attribute: false }, record: { state: true }, recordError: { state: true }, timeline: { state: true },
    appraisals: { state: true }, promotions: { state: true }, cv: { state: true }, readers: { state: true },
    team: { state: true }, report: { state: true }, message: { state: true }, error: { state: true }, removed: { state: true },
  };

  static styles = [pageStyles, touchStyles, css`
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; }
    dt { color: var(--gris, #666); }
    dd { margin: 0; }
    .grand { font-size: 1.25rem; font-weight: 600; }
    .delai { background: #e8f4ff; border-left: 4px solid var(--bleu, #000091); padding: .5rem .75rem; }
    .eligible { color: #18753c; font-weight: 600; }
    textarea, input, select { font: inherit; padding: .35rem; }
    textarea { width: 100%; min-height: 5rem; box-sizing: border-box; }
    form.ligne { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
    form.cv-ajout label { display: flex; flex-direction: column; gap: .2rem; font-size: .9rem; color: var(--gris, #666); }
    button { font: inherit; padding: .35rem .8rem; }
    .info { background: #e8f7ee; padding: .5rem .75rem; }
  `];

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  // HR opens someone else's record from the list: /carriere?agent=<id>, read only
  get ref() {
    return new URLSearchParams(location.search).get('agent') || 'me';
  }

  get own() {
    return this.ref === 'me';
  }

  load() {
    api(`${IPROF}/agents/${this.ref}`).then((r) => { this.record = r; this.recordError = null; this.loadParts(); },
      (e) => { this.recordError = e.message; this.record = null; });
    if (this.own && this.me && this.me.roles.some((role) => ROLES_WITH_TEAM.includes(role))) {
      api(`${IPROF}/agents?limit=200`).then((page) => { this.team = page.items; }, () => {});
    }
  }

  loadParts() {
    const fail = (e) => { this.error = e.message; };
    const base = `${IPROF}/agents/${this.ref}`;
    api(`${base}/timeline?limit=50`).then((p) => { this.timeline = p.items; }, fail);
    api(`${base}/appraisals`).then((a) => { this.appraisals = a; }, fail);
    api(`${base}/promotions`).then((p) => { this.promotions = p; }, fail);
    api(`${base}/cv`).then((c) => { this.cv = c; }, fail);
    if (this.own) {
      api(`${base}/access-log?limit=50`).then((p) => { this.readers = p.items; }, fail);
    }
  }

  async send(path, method, body, done) {
    try {
      const result = await api(`${IPROF}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
      this.error = null;
      this.message = done;
      this.loadParts();
      return result;
    } catch (e) {
      this.error = e.message;
      this.message = null;
      return null;
    }
  }

  render() {
    return html`
      ${this.own ? html`<h1>Ma carrière</h1>` : html`<p><a href="/carriere" target="_self">← Ma carrière</a></p>
        <h1>Dossier de ${this.record ? `${this.record.firstName} ${this.record.lastName}` : '…'}</h1>`}
      ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
      ${this.message ? html`<p class="info" role="status">${this.message}</p>` : ''}
      ${this.recordError ? html`<p class="carte vide">${this.recordError}</p>` : ''}
      ${!this.record && !this.recordError ? html`<p class="discret">Chargement…</p>` : ''}
      ${this.record ? [this.summary(this.record), this.advancement(this.record), this.lastAppraisal(), this.promotionList(),
          this.timelineList(), this.cvList(), this.readerList()] : ''}
      ${this.team ? this.teamList() : ''}
      ${this.own && this.me && this.me.roles.includes('gestionnaire-rh') ? this.importForm() : ''}
    `;
  }

  summary(c) {
    return html`<section class="carte"><dl>
      <dt>Corps</dt><dd>${c.corps}${c.discipline ? ` — ${c.discipline}` : ''} (${c.status})</dd>
      <dt>Grade</dt><dd>${c.grade}</dd>
      <dt>Échelon</dt><dd>${c.echelon}<sup>e</sup>, depuis le ${day(c.echelonSince)}${c.indiceMajore ? ` · indice majoré ${c.indiceMajore}` : ''}</dd>
      <dt>Affectation</dt><dd>${c.assignment ? html`${c.assignment.schoolName} (${c.assignment.uai})` : 'aucune'}</dd>
    </dl></section>`;
  }

  advancement(c) {
    const a = c.advancement;
    if (!a) return html`<section class="carte prochain-echelon"><p class="vide">Aucune grille d'avancement n'est connue pour votre corps et votre grade.</p></section>`;
    if (!a.next) return html`<section class="carte prochain-echelon"><h2>Prochain échelon</h2><p>Vous êtes au dernier échelon de votre grade.</p></section>`;
    const n = a.next;
    return html`<section class="carte prochain-echelon"><h2>Prochain échelon</h2>
      <p class="grand">${n.echelon}<sup>e</sup> échelon le ${day(n.normal.date)} — ${delai(n.normal.daysLeft, n.normal.date)}</p>
      <p>Rythme normal : ${duree(n.normalMonths)} au ${c.echelon}<sup>e</sup> échelon.</p>
      ${n.accelerated ? html`<p>Rythme accéléré (selon l'appréciation de votre rendez-vous de carrière) : le ${day(n.accelerated.date)}
        — ${delai(n.accelerated.daysLeft, n.accelerated.date)}.</p>` : ''}
      <p class="discret">Grille : ${a.gridSource}.</p></section>`;
  }

  lastAppraisal() {
    if (!this.appraisals) return '';
    if (this.appraisals.length === 0) return html`<section class="carte"><h2>Rendez-vous de carrière</h2><p class="vide">Aucun rendez-vous de carrière.</p></section>`;
    const a = this.appraisals[0];
    return html`<section class="carte rendez-vous"><h2>Dernier rendez-vous de carrière</h2>
      <p>Le ${day(a.heldOn)}, avec ${a.evaluators.join(', ')}.</p>
      ${a.report ? html`<p>${a.report}</p>` : ''}
      ${a.finalAppraisalLabel ? html`<p>Appréciation finale : <strong>${a.finalAppraisalLabel}</strong> (notifiée le ${day(a.finalNotifiedOn)}).</p>` : ''}
      ${windowText('Observations sur le compte rendu', a.observationWindow)}
      ${windowText('Recours sur l\'appréciation finale', a.appealWindow)}
      ${a.observations ? html`<p>Vos observations : « ${a.observations} »</p>` : ''}
      ${this.own && a.observationWindow && a.observationWindow.open ? html`<form @submit=${(e) => this.observe(e, a.id)}>
        <label for="observations">Vos observations</label>
        <textarea id="observations" name="observations" maxlength="5000" required></textarea>
        <button type="submit">Enregistrer mes observations</button></form>` : ''}
    </section>`;
  }

  observe(event, id) {
    event.preventDefault();
    const text = new FormData(event.target).get('observations');
    this.send(`/agents/me/appraisals/${id}/observations`, 'PUT', { observations: text }, 'Vos observations sont enregistrées.');
  }

  promotionList() {
    if (!this.promotions || this.promotions.length === 0) return '';
    return html`<section class="carte"><h2>Promotions</h2><ul class="liste">${this.promotions.map((p) => html`
      <li><div><strong>${p.title}</strong> — du ${day(p.opensOn)} au ${day(p.closesOn)} (${{ 'a-venir': 'à venir', ouverte: 'ouverte', close: 'close' }[p.state]})
        <p class=${p.eligible ? 'eligible' : ''}>${p.explanation}</p>
        ${p.answer ? html`<p>Votre réponse : ${p.answer.decision === 'candidat' ? 'candidature' : 'renoncement'}
          ${p.answer.opinion ? ` · avis : ${p.answer.opinion}` : ''}${p.answer.outcome ? ` · résultat : ${p.answer.outcome}` : ''}</p>` : ''}
        ${this.own && p.eligible && p.state === 'ouverte' ? html`
          <button @click=${() => this.send(`/agents/me/promotions/${p.campaignId}`, 'PUT', { decision: 'candidat' }, 'Votre candidature est enregistrée.')}>Je suis candidat(e)</button>
          <button @click=${() => this.send(`/agents/me/promotions/${p.campaignId}`, 'PUT', { decision: 'renonce' }, 'Votre renoncement est enregistré.')}>Je renonce</button>` : ''}
      </div></li>`)}</ul></section>`;
  }

  timelineList() {
    if (!this.timeline) return '';
    return html`<section class="carte parcours"><h2>Mon parcours</h2>
      ${this.timeline.length === 0 ? html`<p class="vide">Aucun événement.</p>` : html`<ul class="liste">${this.timeline.map((e) => html`
        <li><time datetime=${e.occurredOn}>${day(e.occurredOn)}</time><span>${e.label}</span></li>`)}</ul>`}</section>`;
  }

  cvList() {
    if (!this.cv) return '';
    return html`<section class="carte cv"><h2>Mon CV</h2>
      ${this.cv.length === 0 ? html`<p class="vide">Votre CV est vide.</p>` : html`<ul class="liste">${this.cv.map((l) => html`
        <li><span>${CV_KINDS[l.kind]} : <strong>${l.title}</strong>${l.detail ? ` — ${l.detail}` : ''}${l.obtainedOn ? ` (${day(l.obtainedOn)})` : ''}</span>
          ${this.own ? html`<button aria-label="Supprimer ${l.title}" @click=${() => this.removeCv(l)}>Supprimer</button>` : ''}</li>`)}</ul>`}
      ${this.removed ? html`<p class="info" role="status" id="cv-supprimee">La ligne « ${this.removed.title} » est supprimée.
        <button id="cv-annuler" @click=${() => this.undoRemoveCv()}>Annuler</button></p>` : ''}
      ${this.own ? html`<form class="ligne cv-ajout" @submit=${this.addCv}>
        <label>Rubrique <select name="kind">${Object.entries(CV_KINDS).map(([k, v]) => html`<option value=${k}>${v}</option>`)}</select></label>
        <label>Intitulé <input name="title" required maxlength="255"></label>
        <label>Précisions <input name="detail" maxlength="2000"></label>
        <label>Date d'obtention <input name="obtainedOn" type="date"></label>
        <button type="submit">Ajouter</button></form>` : ''}</section>`;
  }

  // deleted at once, as a mail is, with a way back: "Annuler" writes the line again
  async removeCv(line) {
    if (await this.send(`/agents/me/cv/${line.id}`, 'DELETE', null, null) !== null) {
      this.removed = line;
      await this.updateComplete;
      this.renderRoot.querySelector('#cv-annuler')?.focus();
    }
  }

  async undoRemoveCv() {
    const { kind, title, detail, obtainedOn } = this.removed;
    const line = Object.fromEntries(Object.entries({ kind, title, detail, obtainedOn }).filter(([, v]) => v != null && v !== ''));
    if (await this.send('/agents/me/cv', 'POST', line, `La ligne « ${title} » est rétablie.`)) {
      this.removed = null;
    }
  }

  async addCv(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const line = Object.fromEntries([...form.entries()].filter(([, v]) => v !== ''));
    if (await this.send('/agents/me/cv', 'POST', line, 'La ligne est ajoutée à votre CV.')) {
      event.target.reset();
    }
  }

  readerList() {
    if (!this.readers) return '';
    return html`<section class="carte consultations"><h2>Qui a consulté mon dossier</h2>
      ${this.readers.length === 0 ? html`<p class="vide">Personne d'autre que vous n'a consulté votre dossier.</p>` : html`<ul class="liste">${this.readers.map((r) => html`
        <li><span>${r.readerName} (${r.roleLabel})</span><span>${r.partLabel}</span><time datetime=${r.readAt}>${instant(r.readAt)}</time></li>`)}</ul>`}</section>`;
  }

  // HR loads the agents file: a dry run first shows what would change and every bad cell, then the import itself.
  importForm() {
    const r = this.report;
    return html`<section class="carte import"><h2>Import des agents (CSV)</h2>
      <form class="ligne" @submit=${(e) => e.preventDefault()}>
        <input type="file" name="fichier" accept=".csv,text/csv" aria-label="Fichier des agents">
        <button @click=${(e) => this.importFile(e, true)}>Vérifier (sans rien enregistrer)</button>
        <button @click=${(e) => this.importFile(e, false)}>Importer</button></form>
      ${r && !r.refused ? html`<p role="status">${r.dryRun ? 'Vérification' : 'Import'} de ${plural('ligne', r.lines)} : ${plural('création', r.created)},
        ${plural('mise à jour', r.updated, 'mises à jour')}, ${plural('inchangée', r.unchanged)}${r.skipped ? `, ${plural('ignorée', r.skipped)}` : ''}.</p>` : ''}
      ${r && r.errors.length ? html`<ul class="liste">${r.errors.map((e) => html`
        <li><span>ligne ${e.line}</span><span>${e.column}</span><span>${e.message}</span></li>`)}</ul>` : ''}
    </section>`;
  }

  async importFile(event, dryRun) {
    const file = event.target.form.querySelector('input[type=file]').files[0];
    if (!file) {
      this.error = 'Choisissez d\'abord le fichier des agents.';
      return;
    }
    try {
      this.report = await api(`${IPROF}/imports/agents${dryRun ? '?dryRun=true' : ''}`,
        { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
      this.error = null;
    } catch (e) {
      this.error = e.message;
      this.report = e.problem && e.problem.errors ? { refused: true, errors: e.problem.errors } : null;
    }
  }

  teamList() {
    return html`<section class="carte equipe"><h2>${this.me.roles.includes('gestionnaire-rh') ? 'Agents de l\'académie' : 'Agents de mon établissement'}</h2>
      ${this.team.length === 0 ? html`<p class="vide">Aucun agent.</p>` : html`<ul class="liste">${this.team.map((a) => html`
        <li><span>${this.me.roles.includes('gestionnaire-rh')
          ? html`<a href="/carriere?agent=${a.id}" target="_self">${a.lastName} ${a.firstName}</a>` : `${a.lastName} ${a.firstName}`}</span><span>${a.corps} · ${a.grade} · ${a.echelon}<sup>e</sup> échelon</span>
          <span>${a.assignment ? a.assignment.schoolName : ''}</span></li>`)}</ul>`}</section>`;
  }
}

customElements.define('page-carriere', PageCarriere);
