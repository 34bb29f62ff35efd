import { LitElement, html, css } from 'lit';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';
import { JOUR, MOMENT } from '../dates.js';
import { roleName } from '../roles.js';
import '../compte/secours.js';

const when = MOMENT;
/** Sessions listed before "Afficher les sessions plus anciennes". */
const DEVICES_SHOWN = 5;
const day = JOUR;

// what the person is told back from Keycloak's actions (/connexion/action/...)
const OUTCOMES = {
  'mot-de-passe/success': 'Votre mot de passe a été changé.',
  'mot-de-passe/cancelled': 'Votre mot de passe n\'a pas été changé.',
  'double-authentification/success': 'La double authentification est activée sur votre compte.',
  'double-authentification/cancelled': 'La double authentification n\'a pas été activée.',
  'codes-de-secours/success': 'Vos codes de secours sont prêts : gardez-les en lieu sûr, hors de votre téléphone.',
  'codes-de-secours/cancelled': 'Aucun code de secours n\'a été créé.',
};

// The account and its security: who the académie knows, the devices and sessions open on the account
// (each can be signed out, or all but this one), and the sign-in history of the last 30 days.
class PageCompte extends LitElement {
  static properties = {
    me: {},
    devices: { state: true },
    allDevices: { state: true },
    applications: { state: true },
    dataRequests: { state: true },
    history: { state: true },
    message: { state: true },
    error: { state: true },
    report: { state: true },
    security: { state: true },
    appPasswords: { state: true },
    madePassword: { state: true },
  };

  static styles = [pageStyles, touchStyles, css`
    .appareil { display: grid; grid-template-columns: 1fr auto; gap: .25rem 1rem; padding: .75rem 0; border-bottom: 1px solid #eee; }
    .appareil .nom { font-weight: 600; }
    .appareil .courant { color: #18753c; font-weight: 600; margin-left: .5rem; }
    .appareil button { align-self: center; }
    button { font: inherit; padding: .4rem .8rem; border: 1px solid var(--bleu, #000091); color: var(--bleu, #000091); background: #fff; border-radius: 4px; cursor: pointer; }
    button.principal { background: var(--bleu, #000091); color: #fff; }
    a.bouton { display: inline-block; padding: .4rem .8rem; border-radius: 4px; background: var(--bleu, #000091); color: #fff; text-decoration: none; }
    table { width: 100%; border-collapse: collapse; font-size: .95rem; }
    th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #eee; }
    .echec { color: var(--rouge, #ce0500); }
    .nouveau { background: #fff4e5; color: #8a4b00; padding: 0 .4rem; border-radius: 3px; font-size: .85rem; }
    .alerte { border-left: 4px solid var(--rouge, #ce0500); }
    .info { background: #e8f4ff; border-left: 4px solid var(--bleu, #000091); padding: .5rem 1rem; }
    .nouveau-mot { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
    .nouveau-mot label { display: flex; flex-direction: column; gap: .25rem; flex: 1 1 14rem; }
    input { font: inherit; padding: .5rem; border: 1px solid #888; border-radius: 4px; min-height: 44px; box-sizing: border-box; }
    .nouveau-mot button, .mots button { min-height: 44px; }
    .secret { font-family: monospace; font-size: 1.4rem; letter-spacing: .1rem; overflow-wrap: anywhere; }
    .mots li { flex-wrap: wrap; }
    .application { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; padding: .75rem 0; border-bottom: 1px solid #eee; }
    .application .nom { font-weight: 600; flex: 1 1 auto; }
    .application p { flex-basis: 100%; margin: 0; }
    .application button { min-height: 44px; }
    #donnees button, #donnees a.bouton { min-height: 44px; box-sizing: border-box; line-height: 1.8; }
    .demandes-donnees li { margin: .5rem 0; overflow-wrap: anywhere; }
  `];

  connectedCallback() {
    super.connectedCallback();
    // the link of a new-device alert: /compte/ce-n-etait-pas-moi?connexion=<id>
    const query = new URLSearchParams(location.search);
    this.message = OUTCOMES[query.get('action') + '/' + query.get('statut')];
    const reported = query.get('connexion');
    if (location.pathname === '/compte/ce-n-etait-pas-moi' && reported) {
      this.report = { id: reported, state: 'confirm' };
    }
    this.load();
  }

  async notMe() {
    try {
      await api('/api/compte/ce-n-etait-pas-moi', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ connexion: this.report.id }),
      });
      this.report = { ...this.report, state: 'done' };
    } catch (e) {
      this.error = e.message;
    }
  }

  renderReport() {
    if (this.report.state === 'done') {
      return html`<section class="carte alerte" role="status">
        <h2>Votre compte est protégé</h2>
        <p>Toutes les sessions de votre compte ont été fermées, sur tous les appareils et toutes les applications.
          À votre prochaine connexion, vous devrez choisir un nouveau mot de passe.</p>
        <p><a href="/connexion?retour=/compte">Se reconnecter</a></p>
      </section>`;
    }
    return html`<section class="carte alerte" aria-labelledby="titre-signalement">
      <h2 id="titre-signalement">Ce n'était pas vous ?</h2>
      <p>Si vous ne reconnaissez pas la connexion signalée dans le message reçu, confirmez : toutes les sessions de
        votre compte seront fermées (y compris celle-ci) et un nouveau mot de passe vous sera demandé à la prochaine
        connexion. Prévenez aussi l'assistance informatique de l'académie.</p>
      <p><button class="principal" id="confirmer-pas-moi" @click=${() => this.notMe()}>Confirmer : ce n'était pas moi</button>
        <a href="/compte">Annuler</a></p>
    </section>`;
  }

  load() {
    api('/api/compte/securite').then((security) => { this.security = security; }, (e) => { this.error = e.message; });
    api('/api/compte/appareils').then((page) => { this.devices = page.items; }, (e) => { this.error = e.message; });
    api('/api/compte/applications').then((page) => { this.applications = page.items; }, (e) => { this.error = e.message; });
    this.loadDataRequests();
    api('/api/compte/connexions').then((page) => { this.history = page.items; }, (e) => { this.error = e.message; });
    api('/api/mail/app-passwords').then((page) => { this.appPasswords = page.items; }, (e) => { this.error = e.message; });
  }

  // a password for one device's mail client (Thunderbird, Outlook, a phone's Mail): shown once, then only listed
  async makeAppPassword(event) {
    event.preventDefault();
    const field = event.target.querySelector('input');
    try {
      this.madePassword = await api('/api/mail/app-passwords', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: field.value }),
      });
      field.value = '';
      this.error = undefined;
      this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  async revokeAppPassword(password) {
    if (!confirm(`Révoquer le mot de passe « ${password.name} » ? Les logiciels qui l'utilisent seront déconnectés.`)) {
      return;
    }
    try {
      await api('/api/mail/app-passwords/' + encodeURIComponent(password.id), { method: 'DELETE' });
      this.message = `Le mot de passe « ${password.name} » est révoqué : il ne fonctionne plus.`;
      this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  renderAppPasswords() {
    const made = this.madePassword;
    return html`
      <p>Pour lire votre messagerie dans Thunderbird, Outlook ou l'application Mail de votre téléphone, créez un mot de
        passe pour chaque appareil : votre mot de passe du portail n'y est jamais accepté. Verrouillez l'écran de
        l'appareil et chiffrez-le ; révoquez son mot de passe s'il est perdu ou donné.
        <a href="/messagerie/configurer">Configurer un logiciel de messagerie, pas à pas</a></p>
      ${made ? html`<div class="info" role="status" id="mot-de-passe-cree">
        <p>Mot de passe pour « ${made.name} », à saisir dans le logiciel de messagerie :</p>
        <p class="secret">${made.password}</p>
        <p>Il ne sera plus affiché. Les espaces sont facultatifs.</p>
        <button @click=${() => { this.madePassword = undefined; }}>C'est noté</button></div>` : ''}
      ${this.appPasswords?.length ? html`<ul class="liste mots">${this.appPasswords.map((password) => html`<li>
          <span><strong>${password.name}</strong><br><span class="discret">créé le ${day.format(new Date(password.createdAt))}
            · ${password.lastUsedAt ? `utilisé le ${when.format(new Date(password.lastUsedAt))} depuis ${password.lastUsedAddress}`
              : 'jamais utilisé'}</span></span>
          <button @click=${() => this.revokeAppPassword(password)}
            aria-label="Révoquer le mot de passe ${password.name}">Révoquer</button></li>`)}</ul>`
        : html`<p class="vide">Aucun mot de passe d'application.</p>`}
      <form class="nouveau-mot" @submit=${(e) => this.makeAppPassword(e)}>
        <label>Nom de l'appareil <input name="appareil" required maxlength="100" placeholder="Téléphone de Léna"></label>
        <button class="principal" type="submit">Créer un mot de passe</button>
      </form>`;
  }

  async removeOtp(device) {
    if (!confirm(`Retirer l'appareil de double authentification « ${device.label || 'sans nom'} » ?`)) {
      return;
    }
    try {
      await api('/api/compte/securite/otp/' + encodeURIComponent(device.id), { method: 'DELETE' });
      this.message = 'La double authentification a été retirée de cet appareil.';
      this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  renderSecurity() {
    const s = this.security;
    return html`
      <section class="carte" aria-labelledby="titre-mot-de-passe">
        <h2 id="titre-mot-de-passe">Mot de passe</h2>
        <p>${s.passwordChanged ? html`Changé le ${day.format(new Date(s.passwordChanged))}.` : ''}
          ${s.passwordExpires ? html`Il expire le <strong>${day.format(new Date(s.passwordExpires))}</strong>
            (dans ${s.passwordDaysLeft} jour${s.passwordDaysLeft > 1 ? 's' : ''}).` : ''}</p>
        <p><a class="bouton" href="/connexion/action/mot-de-passe">Changer mon mot de passe</a></p>
      </section>
      <section class="carte" id="secours" aria-labelledby="titre-secours">
        <h2 id="titre-secours">Adresse de secours</h2>
        <compte-secours></compte-secours>
      </section>
      <section class="carte" aria-labelledby="titre-otp">
        <h2 id="titre-otp">Double authentification</h2>
        <p>${s.otpRequired
          ? 'Obligatoire pour votre profil : un code à 6 chiffres de votre application vous est demandé à chaque connexion.'
          : 'Facultative pour votre profil : elle protège votre compte même si votre mot de passe est découvert.'}</p>
        ${s.otpDevices.length ? html`<ul class="liste">${s.otpDevices.map((device) => html`<li>
            <span>${device.label || 'Appareil sans nom'}${device.created ? html` · ajouté le ${day.format(new Date(device.created))}` : ''}</span>
            ${s.otpRequired ? '' : html`<button @click=${() => this.removeOtp(device)}>Retirer</button>`}</li>`)}</ul>`
          : html`<p><a class="bouton" href="/connexion/action/double-authentification">Activer la double authentification</a></p>`}
        ${s.otpDevices.length ? this.renderRecoveryCodes(s.recoveryCodes) : ''}
        ${s.otpRequired ? html`<p class="discret">Téléphone et codes de secours perdus ? L'administrateur de l'académie peut
          réinitialiser votre clé : vous en configurerez une nouvelle à la connexion suivante.</p>` : ''}
      </section>`;
  }

  // one-time codes for the day the phone is lost: "essayer une autre méthode" on the code page
  renderRecoveryCodes(codes) {
    return html`<h3>Codes de secours</h3>
      ${codes ? html`<p id="codes-de-secours">Il vous reste <strong>${codes.remaining}</strong> code${codes.remaining > 1 ? 's' : ''}
        de secours${codes.created ? html`, créés le ${day.format(new Date(codes.created))}` : ''}.
        ${codes.remaining <= 3 ? html`<strong>Créez-en de nouveaux avant qu'il ne soit trop tard.</strong>` : ''}</p>`
        : html`<p>Si vous perdez votre téléphone, un code de secours (à usage unique) vous permet de vous connecter
          quand même : choisissez « Essayer une autre méthode » sur la page du code.</p>`}
      <p><a class="bouton" href="/connexion/action/codes-de-secours">${codes ? 'Créer de nouveaux codes de secours'
        : 'Créer mes codes de secours'}</a></p>`;
  }

  async signOut(device) {
    if (!confirm(`Déconnecter ${device.browser} sur ${device.os} (${device.ipAddress}) ?`)) {
      return;
    }
    try {
      await api('/api/compte/appareils/' + encodeURIComponent(device.id), { method: 'DELETE' });
      this.message = 'Cet appareil a été déconnecté.';
      this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  async signOutEverywhereElse() {
    if (!confirm('Se déconnecter de tous les autres appareils et applications ?')) {
      return;
    }
    try {
      const ended = await api('/api/compte/appareils/deconnecter-autres', { method: 'POST' });
      this.message = ended.sessions > 1 ? `${ended.sessions} sessions ont été fermées.`
        : ended.sessions === 1 ? 'Une session a été fermée.' : 'Aucune autre session n\'était ouverte.';
      this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  loadDataRequests() {
    api('/api/compte/donnees').then((page) => {
      this.dataRequests = page.items;
      clearTimeout(this.dataPoll);
      if (page.items.some((request) => request.status === 'PREPARING')) { // ready within minutes: look again
        this.dataPoll = setTimeout(() => this.loadDataRequests(), 3000);
      }
    }, (e) => { this.error = e.message; });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.dataPoll);
  }

  async requestData() {
    try {
      await api('/api/compte/donnees', { method: 'POST' });
      this.message = 'Votre demande est enregistrée : vos données seront prêtes dans quelques minutes, '
        + 'et un message vous préviendra.';
      this.loadDataRequests();
    } catch (e) {
      this.error = e.message;
    }
  }

  async endApplication(application) {
    if (!confirm(`Fermer vos sessions dans ${application.name} ? Il vous faudra vous y connecter de nouveau.`)) {
      return;
    }
    try {
      await api('/api/compte/applications/' + encodeURIComponent(application.clientId) + '/sessions', { method: 'DELETE' });
      this.message = `Vos sessions dans ${application.name} sont fermées.`;
      this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    return html`
      <h1>Mon compte</h1>
      ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
      ${this.message ? html`<p class="info" role="status">${this.message}</p>` : ''}
      ${this.report ? this.renderReport() : ''}
      <section class="carte">
        <dl>
          <dt>Identifiant</dt><dd>${this.me.username}</dd>
          <dt>Adresse électronique</dt><dd>${this.me.email}</dd>
          <dt>Profils</dt><dd>${this.me.roles.map(roleName).join(', ')}</dd>
          <dt>Établissement (UAI)</dt><dd>${this.me.uai || '—'}</dd>
        </dl>
      </section>
      ${this.security ? this.renderSecurity() : ''}
      <section class="carte" aria-labelledby="titre-mots-de-passe">
        <h2 id="titre-mots-de-passe">Logiciels de messagerie : mots de passe d'application</h2>
        ${this.appPasswords ? this.renderAppPasswords() : html`<p class="discret">Chargement…</p>`}
      </section>
      <section class="carte" aria-labelledby="titre-appareils">
        <h2 id="titre-appareils">Appareils et sessions</h2>
        ${this.devices ? this.renderDevices() : html`<p class="discret">Chargement…</p>`}
      </section>
      <section class="carte" aria-labelledby="titre-applications">
        <h2 id="titre-applications">Applications et données transmises</h2>
        ${this.applications ? this.renderApplications() : html`<p class="discret">Chargement…</p>`}
      </section>
      <section class="carte" id="donnees" aria-labelledby="titre-donnees">
        <h2 id="titre-donnees">Mes données</h2>
        ${this.dataRequests ? this.renderDataRequests() : html`<p class="discret">Chargement…</p>`}
      </section>
      <section class="carte" aria-labelledby="titre-historique">
        <h2 id="titre-historique">Historique de connexion (30 derniers jours)</h2>
        ${this.history ? this.renderHistory() : html`<p class="discret">Chargement…</p>`}
      </section>
    `;
  }

  /** The current session and the latest others (five in all) unless the person asks for every one. */
  renderDevices() {
    const shown = this.allDevices ? this.devices : this.devices.slice(0, DEVICES_SHOWN);
    const hidden = this.devices.length - shown.length;
    return html`
      <div role="list">
        ${shown.map((device) => html`
          <div class="appareil" role="listitem" data-session=${device.id}>
            <span class="nom">${device.browser} sur ${device.os}${device.current ? html`<span class="courant">· cet appareil</span>` : ''}</span>
            ${device.current ? html`<span></span>` : html`<button @click=${() => this.signOut(device)}
              aria-label="Déconnecter ${device.browser} sur ${device.os}">Se déconnecter de cet appareil</button>`}
            <span class="discret">Adresse ${device.ipAddress} · ouverte le ${when.format(new Date(device.started))}
              · dernière activité le ${when.format(new Date(device.lastActive))}</span>
            <span class="discret">${device.applications.join(', ')}</span>
          </div>`)}
      </div>
      ${hidden > 0 ? html`<p><button id="toutes-sessions" @click=${() => { this.allDevices = true; }}>Afficher
        ${hidden > 1 ? `les ${hidden} sessions plus anciennes` : 'la session plus ancienne'}</button></p>` : ''}
      ${this.devices.length > 1 ? html`<p><button class="principal" id="deconnecter-autres"
        @click=${() => this.signOutEverywhereElse()}>Se déconnecter partout ailleurs</button></p>` : ''}
    `;
  }

  // each application entered with the account in the journal's year, what the académie gives it, its sessions
  renderApplications() {
    if (!this.applications.length) {
      return html`<p class="vide">Vous n'êtes entré(e) dans aucune application depuis un an.</p>`;
    }
    const sessions = (n) => (n > 1 ? `${n} sessions ouvertes` : n === 1 ? 'une session ouverte' : 'aucune session ouverte');
    return html`
      <p class="discret">Les applications où vous êtes entré(e) avec votre compte depuis un an, et ce que l'académie
        transmet à chacune à chaque connexion.</p>
      <div role="list">
        ${this.applications.map((application) => html`
          <div class="application" role="listitem" data-application=${application.clientId}>
            <span class="nom">${application.name}</span>
            ${application.portal || !application.openSessions ? '' : html`<button
              @click=${() => this.endApplication(application)}
              aria-label="Fermer mes sessions dans ${application.name}">Fermer mes sessions</button>`}
            <p>Reçoit : ${application.receives}</p>
            <p class="discret">${application.lastSignIn
              ? `Dernière connexion le ${when.format(new Date(application.lastSignIn))}` : 'Session en cours'}
              · ${application.portal ? 'ce portail : quittez-le par « Se déconnecter »' : sessions(application.openSessions)}</p>
          </div>`)}
      </div>
    `;
  }

  // the right of access: one archive of everything the portal holds about her, downloaded once within 7 days
  renderDataRequests() {
    const size = (bytes) => (bytes >= 1048576 ? `${(bytes / 1048576).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`
      : `${Math.max(1, Math.round(bytes / 1024))} Ko`);
    const preparing = this.dataRequests.some((request) => request.status === 'PREPARING');
    return html`
      <p>Obtenez en une archive tout ce que le portail conserve à votre sujet : votre compte et vos connexions, votre
        messagerie (au format mbox), votre dossier de carrière et qui l'a consulté, vos démarches et leurs pièces.
        Un fichier LISEZMOI l'explique. Le lien de téléchargement ne sert qu'une fois et expire au bout de 7 jours.</p>
      <p><button class="principal" id="demander-donnees" ?disabled=${preparing} @click=${() => this.requestData()}>
        ${preparing ? 'Préparation en cours…' : 'Demander mes données'}</button></p>
      ${this.dataRequests.length ? html`<ul class="demandes-donnees">
        ${this.dataRequests.map((request) => html`
          <li data-demande=${request.id}>
            Demande du ${when.format(new Date(request.requestedAt))} : <strong>${request.statusLabel}</strong>
            ${request.status === 'READY' ? html`<br><a class="bouton" href="/api/compte/donnees/${request.id}/archive"
              download @click=${() => setTimeout(() => this.loadDataRequests(), 2000)}>Télécharger mes données
              (${size(request.sizeBytes)})</a>
              <span class="discret">jusqu'au ${when.format(new Date(request.expiresAt))}</span>` : ''}
            ${request.status === 'DOWNLOADED' ? html`<span class="discret">le
              ${when.format(new Date(request.downloadedAt))}</span>` : ''}
            ${request.status === 'FAILED' ? html`<br><span class="echec">${request.failure}</span>` : ''}
          </li>`)}
      </ul>` : ''}
    `;
  }

  renderHistory() {
    if (!this.history.length) {
      return html`<p class="vide">Aucune connexion ces 30 derniers jours.</p>`;
    }
    return html`
      <table>
        <thead><tr><th scope="col">Date</th><th scope="col">Résultat</th><th scope="col">Appareil</th>
          <th scope="col">Adresse</th><th scope="col">Application</th></tr></thead>
        <tbody>
          ${this.history.map((signIn) => html`
            <tr>
              <td>${when.format(new Date(signIn.time))}</td>
              <td class=${signIn.success || signIn.passwordReset ? '' : 'echec'}>${signIn.lockedUntil
                ? `Compte verrouillé jusqu'au ${when.format(new Date(signIn.lockedUntil))}`
                : signIn.passwordReset ? 'Mot de passe réinitialisé (« Mot de passe oublié ? »)'
                : signIn.success ? 'Réussie' : 'Échec'}
                ${signIn.newDevice ? html`<span class="nouveau">nouvel appareil</span>` : ''}</td>
              <td>${signIn.lockedUntil ? '—' : `${signIn.browser} sur ${signIn.os}`}</td>
              <td>${signIn.ipAddress}</td>
              <td>${signIn.application || '—'}</td>
            </tr>`)}
        </tbody>
      </table>
    `;
  }
}

customElements.define('page-compte', PageCompte);
