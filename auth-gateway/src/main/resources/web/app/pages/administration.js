import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';
import { JOUR, MOMENT } from '../dates.js';
import { ROLE_NAMES, SENSITIVE_ROLES, roleName } from '../roles.js';
import { plural } from '../words.js';

const when = MOMENT;

const ROLES = Object.keys(ROLE_NAMES).filter((role) => role !== 'personnel').map((role) => [role,
  roleName(role) + (SENSITIVE_ROLES.includes(role) ? ' (double authentification)' : '')]);

const LINE_STATUS = {
  WOULD_CREATE: 'sera créé',
  CREATED: 'créé',
  EXISTING: 'déjà présent',
  WOULD_COMPLETE: 'déjà présent, date de naissance à ajouter',
  COMPLETED: 'déjà présent, date de naissance ajoutée',
  INVALID: 'en erreur',
};

const ACTIONS = {
  CREATE: 'Création du compte',
  IMPORT: 'Import de comptes',
  DISABLE: 'Désactivation du compte',
  ENABLE: 'Réactivation du compte',
  OTP_RESET: 'Réinitialisation de la clé OTP',
  UNLOCK: 'Déverrouillage du compte',
  BIRTH_DATE: 'Ajout de la date de naissance',
  DATA_REQUESTED: 'Demande de ses données personnelles',
  DATA_DELIVERED: 'Remise de ses données personnelles',
};
const day = JOUR;

const JSON_BODY = { 'Content-Type': 'application/json' };

// The académie administrator's page (role admin-academique): create an account, import a file (dry run first),
// find an account and act on it, read the audit log.
class PageAdministration extends LitElement {
  static properties = {
    me: {},
    dataRequests: { state: true },
    created: { state: true },
    formError: { state: true },
    file: { state: true },
    report: { state: true },
    importError: { state: true },
    results: { state: true },
    searchError: { state: true },
    message: { state: true },
    audit: { state: true },
    auditNext: { state: true },
    auditError: { state: true },
  };

  static styles = [pageStyles, touchStyles, css`
    form.grille { display: grid; grid-template-columns: 12rem 1fr; gap: .5rem 1rem; align-items: center; }
    fieldset { border: none; padding: 0; margin: 0; grid-column: 2; }
    label.case { display: block; }
    input[type=text], input[type=search], input[type=date], select { font: inherit; padding: .35rem .5rem; }
    button { font: inherit; padding: .4rem .8rem; border: 1px solid var(--bleu, #000091); color: var(--bleu, #000091); background: #fff; border-radius: 4px; cursor: pointer; margin-right: .5rem; }
    button.principal { background: var(--bleu, #000091); color: #fff; }
    table { width: 100%; border-collapse: collapse; font-size: .95rem; }
    th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    .INVALID { color: var(--rouge, #ce0500); }
    .secret { font-family: monospace; background: #f6f6f6; padding: .1rem .4rem; }
    .info { background: #e8f4ff; border-left: 4px solid var(--bleu, #000091); padding: .5rem 1rem; }
    .etat { font-size: .85rem; padding: 0 .4rem; border-radius: 3px; background: #eee; margin-left: .25rem; }
    .etat.alerte { background: #ffe9e9; color: var(--rouge, #ce0500); }
    .filtres { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: .75rem; }
    .filtres label { display: flex; flex-direction: column; font-size: .9rem; }
    .defilement { overflow-x: auto; }
  `];

  connectedCallback() {
    super.connectedCallback();
    this.loadAudit();
    api('/api/admin/data-requests').then((page) => { this.dataRequests = page.items; },
      (e) => { this.auditError = e.message; });
  }

  async create(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.formError = null;
    this.created = null;
    try {
      this.created = await api('/api/admin/accounts', {
        method: 'POST',
        headers: JSON_BODY,
        body: JSON.stringify({
          firstName: form.get('firstName'),
          lastName: form.get('lastName'),
          uai: form.get('uai'),
          numen: form.get('numen'),
          birthDate: form.get('naissance'),
          roles: form.getAll('roles'),
        }),
      });
      event.target.reset();
      this.loadAudit();
    } catch (e) {
      this.formError = e.message;
    }
  }

  async runImport(dryRun) {
    this.importError = null;
    try {
      this.report = await api('/api/admin/accounts/import?dryRun=' + dryRun, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: this.file,
      });
      if (!dryRun) {
        this.loadAudit();
      }
    } catch (e) {
      this.importError = e.message;
    }
  }

  chooseFile(event) {
    this.file = event.target.files[0];
    this.report = null;
    if (this.file) {
      this.runImport(true);
    }
  }

  async search(event) {
    event.preventDefault();
    this.searchError = null;
    try {
      const text = new FormData(event.target).get('q');
      this.results = (await api('/api/admin/accounts?q=' + encodeURIComponent(text))).items;
    } catch (e) {
      this.searchError = e.message;
    }
  }

  async act(account, action, question, done) {
    if (!confirm(question)) {
      return;
    }
    try {
      const updated = await api(`/api/admin/accounts/${encodeURIComponent(account.id)}/${action}`, { method: 'POST' });
      this.results = this.results.map((candidate) => (candidate.id === updated.id ? updated : candidate));
      this.message = done;
      this.loadAudit();
    } catch (e) {
      this.searchError = e.message;
    }
  }

  async loadAudit(more = false) {
    const filters = this.renderRoot?.querySelector?.('#filtres-audit');
    const query = new URLSearchParams({ limit: '20' });
    if (filters) {
      new FormData(filters).forEach((value, key) => { if (value) query.set(key, value); });
    }
    if (more && this.auditNext) {
      query.set('cursor', this.auditNext);
    }
    try {
      const page = await api('/api/admin/audit?' + query);
      this.audit = more ? [...this.audit, ...page.items] : page.items;
      this.auditNext = page.nextCursor;
      this.auditError = null;
    } catch (e) {
      this.auditError = e.message;
    }
  }

  render() {
    return html`
      <h1>Administration des comptes</h1>
      ${this.renderCreate()}
      ${this.renderImport()}
      ${this.renderSearch()}
      ${this.renderAudit()}
      ${this.renderDataRequests()}
    `;
  }

  renderCreate() {
    return html`<section class="carte" aria-labelledby="titre-creer">
      <h2 id="titre-creer">Créer un compte</h2>
      <p class="discret">L'identifiant (initiale du prénom + nom) et l'adresse prenom.nom@ac-orleans-tours.fr sont choisis
        automatiquement, avec un numéro si le nom est déjà pris.</p>
      ${this.formError ? html`<p class="erreur" role="alert">${this.formError}</p>` : ''}
      ${this.created ? html`<div class="info" role="status" id="compte-cree">
        <p>Compte <strong>${this.created.identifier}</strong> créé (${this.created.email}).</p>
        <p>Mot de passe provisoire, affiché une seule fois : <span class="secret">${this.created.temporaryPassword}</span></p>
        <p>À la première connexion, la personne choisira son mot de passe${this.created.requiredActions.includes('CONFIGURE_TOTP')
          ? ' et configurera la double authentification' : ''}.</p></div>` : ''}
      <form class="grille" id="creer" @submit=${(e) => this.create(e)}>
        <label for="prenom">Prénom</label><input id="prenom" name="firstName" type="text" required autocomplete="off">
        <label for="nom">Nom</label><input id="nom" name="lastName" type="text" required autocomplete="off">
        <label for="uai">UAI de l'établissement</label><input id="uai" name="uai" type="text" placeholder="0450042K" autocomplete="off">
        <label for="numen">NUMEN</label><input id="numen" name="numen" type="text" autocomplete="off">
        <label for="naissance">Date de naissance</label><input id="naissance" name="naissance" type="date" min="1900-01-01" autocomplete="off">
        <span>Profils</span>
        <fieldset><legend class="discret">« personnel » est toujours attribué</legend>
          ${ROLES.map(([role, label]) => html`<label class="case"><input type="checkbox" name="roles" value=${role}> ${label}</label>`)}
        </fieldset>
        <span></span><p><button class="principal" type="submit">Créer le compte</button></p>
      </form>
    </section>`;
  }

  renderImport() {
    return html`<section class="carte" aria-labelledby="titre-import">
      <h2 id="titre-import">Importer un fichier</h2>
      <p class="discret">Fichier CSV (séparateur « ; » ou « , ») avec une première ligne de titres : prenom, nom, numen
        (obligatoires), date_naissance (JJ/MM/AAAA), uai, roles. Le NUMEN et la date de naissance permettent à la
        personne de choisir un nouveau mot de passe si elle l'oublie. Le fichier est d'abord vérifié sans rien créer ; un compte dont le NUMEN existe déjà
        n'est jamais recréé.</p>
      <p><label for="fichier">Fichier des comptes (CSV)</label><br>
        <input type="file" id="fichier" accept=".csv,text/csv" @change=${(e) => this.chooseFile(e)}></p>
      ${this.importError ? html`<p class="erreur" role="alert">${this.importError}</p>` : ''}
      ${this.report ? this.renderReport() : ''}
    </section>`;
  }

  renderReport() {
    const r = this.report;
    return html`
      <p role="status">${r.dryRun ? 'Vérification : ' : 'Import terminé : '}
        ${plural('compte', r.created)} ${r.dryRun ? 'à créer' : (r.created > 1 ? 'créés' : 'créé')},
        ${plural('déjà présent', r.existing)},${r.completed ? html` ${plural(r.dryRun ? 'date de naissance à ajouter'
          : 'date de naissance ajoutée', r.completed, r.dryRun ? 'dates de naissance à ajouter' : 'dates de naissance ajoutées')},` : ''}
        ${plural('ligne', r.invalid)} en erreur.</p>
      <table>
        <thead><tr><th scope="col">Ligne</th><th scope="col">Personne</th><th scope="col">Résultat</th>
          <th scope="col">Identifiant</th><th scope="col">Détail</th></tr></thead>
        <tbody>${r.lines.map((line) => html`<tr>
          <td>${line.line}</td>
          <td>${line.firstName || ''} ${line.lastName || ''}</td>
          <td class=${line.status}>${LINE_STATUS[line.status]}</td>
          <td>${line.identifier || ''}</td>
          <td>${line.problems.map((p) => html`<div>colonne « ${p.column} » : ${p.message}</div>`)}
            ${line.temporaryPassword ? html`mot de passe provisoire : <span class="secret">${line.temporaryPassword}</span>` : ''}</td>
        </tr>`)}</tbody>
      </table>
      ${r.dryRun && r.created > 0 ? html`<p><button class="principal" id="importer"
        @click=${() => this.runImport(false)}>Créer ${r.created > 1 ? `les ${r.created} comptes` : 'le compte'}</button></p>` : ''}`;
  }

  renderSearch() {
    return html`<section class="carte" aria-labelledby="titre-rechercher">
      <h2 id="titre-rechercher">Rechercher un compte</h2>
      <form @submit=${(e) => this.search(e)}>
        <input type="search" name="q" aria-label="Nom, identifiant ou adresse" placeholder="Nom, identifiant ou adresse" required minlength="2">
        <button type="submit">Rechercher</button>
      </form>
      ${this.searchError ? html`<p class="erreur" role="alert">${this.searchError}</p>` : ''}
      ${this.message ? html`<p class="info" role="status">${this.message}</p>` : ''}
      ${this.results ? (this.results.length ? html`<ul class="liste">${this.results.map((account) => this.renderAccount(account))}</ul>`
        : html`<p class="vide">Aucun compte ne correspond.</p>`) : ''}
    </section>`;
  }

  renderAccount(account) {
    return html`<li data-compte=${account.identifier}>
      <span><strong>${account.firstName} ${account.lastName}</strong> · ${account.identifier} · ${account.email}
        ${account.uai ? html` · UAI ${account.uai}` : ''}
        ${account.enabled ? '' : html`<span class="etat alerte">désactivé</span>`}
        ${account.locked ? html`<span class="etat alerte">verrouillé</span>` : ''}</span>
      <span>
        ${account.enabled
          ? html`<button @click=${() => this.act(account, 'disable', `Désactiver le compte ${account.identifier} ? Toutes ses sessions seront fermées.`, `Le compte ${account.identifier} est désactivé.`)}>Désactiver</button>`
          : html`<button @click=${() => this.act(account, 'enable', `Réactiver le compte ${account.identifier} ?`, `Le compte ${account.identifier} est réactivé.`)}>Réactiver</button>`}
        <button @click=${() => this.act(account, 'otp-reset', `Réinitialiser la clé OTP de ${account.identifier} ? La personne configurera un nouveau téléphone à sa prochaine connexion.`, `La clé OTP de ${account.identifier} est réinitialisée.`)}>Réinitialiser la clé OTP</button>
        <button @click=${() => this.act(account, 'unlock', `Déverrouiller le compte ${account.identifier} ?`, `Le compte ${account.identifier} est déverrouillé.`)}>Déverrouiller</button>
      </span>
    </li>`;
  }

  // the right of access (GDPR article 15): each request, its state and the day it must be answered by (a month)
  renderDataRequests() {
    return html`<section class="carte" id="demandes-donnees" aria-labelledby="titre-donnees">
      <h2 id="titre-donnees">Demandes d'accès aux données personnelles</h2>
      ${this.dataRequests && !this.dataRequests.length ? html`<p class="vide">Aucune demande.</p>` : ''}
      ${this.dataRequests && this.dataRequests.length ? html`<div class="defilement" tabindex="0"
        aria-label="Demandes d'accès aux données, à faire défiler"><table>
        <thead><tr><th scope="col">Demandée le</th><th scope="col">Agent</th><th scope="col">État</th>
          <th scope="col">À satisfaire avant le</th></tr></thead>
        <tbody>${this.dataRequests.map((request) => html`<tr>
          <td>${when.format(new Date(request.requestedAt))}</td><td>${request.name || ''} (${request.identifier})</td>
          <td>${request.statusLabel}</td><td>${day.format(new Date(request.deadline + 'T12:00:00'))}</td></tr>`)}</tbody>
      </table></div>` : ''}
    </section>`;
  }

  renderAudit() {
    return html`<section class="carte" aria-labelledby="titre-audit">
      <h2 id="titre-audit">Journal d'audit</h2>
      <form class="filtres" id="filtres-audit" @submit=${(e) => { e.preventDefault(); this.loadAudit(); }}>
        <label>Administrateur<input type="text" name="actor" placeholder="identifiant"></label>
        <label>Compte concerné<input type="text" name="target" placeholder="identifiant"></label>
        <label>Action<select name="action"><option value="">Toutes</option>
          ${Object.entries(ACTIONS).map(([value, label]) => html`<option value=${value}>${label}</option>`)}</select></label>
        <label>Du<input type="date" name="from"></label>
        <label>Au<input type="date" name="to"></label>
        <button type="submit">Filtrer</button>
      </form>
      ${this.auditError ? html`<p class="erreur" role="alert">${this.auditError}</p>` : ''}
      ${this.audit && !this.audit.length ? html`<p class="vide">Aucune action ne correspond.</p>` : ''}
      ${this.audit && this.audit.length ? html`<table>
        <thead><tr><th scope="col">Date</th><th scope="col">Administrateur</th><th scope="col">Action</th>
          <th scope="col">Compte</th><th scope="col">Détail</th></tr></thead>
        <tbody>${this.audit.map((entry) => html`<tr>
          <td>${when.format(new Date(entry.at))}</td><td>${entry.actor}</td><td>${entry.actionLabel}</td>
          <td>${entry.target || '—'}</td><td>${entry.detail || ''}</td></tr>`)}</tbody>
      </table>` : ''}
      ${this.auditNext ? html`<p><button @click=${() => this.loadAudit(true)}>Afficher plus</button></p>` : ''}
    </section>`;
  }
}

customElements.define('page-administration', PageAdministration);
