import { LitElement, html, css } from 'lit';
import { pageStyles, touchStyles } from '../styles.js';

// "Configurer un logiciel de messagerie": step-by-step set-up of Thunderbird, Outlook, iPhone/iPad and Android, with
// the servers read from the autoconfig document the gateway gives Thunderbird (one source of truth for both).
class PageConfigurer extends LitElement {
  static properties = { me: {}, servers: { state: true }, error: { state: true } };

  static styles = [pageStyles, touchStyles, css`
    ol li, ul li { margin-bottom: .4rem; }
    dl.reglages { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .25rem 1rem; margin: 0; }
    dl.reglages dt { font-weight: 600; }
    dl.reglages dd { margin: 0; overflow-wrap: anywhere; }
    a.bouton { display: inline-block; min-height: 44px; box-sizing: border-box; padding: .6rem 1rem; border-radius: 4px;
      background: var(--bleu, #000091); color: #fff; text-decoration: none; }
    .conseil { border-left: 4px solid var(--bleu, #000091); }
    @media (max-width: 30rem) { dl.reglages { grid-template-columns: 1fr; } dl.reglages dd { margin-bottom: .5rem; } }
  `];

  connectedCallback() {
    super.connectedCallback();
    fetch('/.well-known/autoconfig/mail/config-v1.1.xml').then((response) => response.text()).then((text) => {
      const config = new DOMParser().parseFromString(text, 'application/xml');
      const read = (element) => [...config.querySelectorAll(element)].map((server) => ({
        host: server.querySelector('hostname').textContent,
        port: server.querySelector('port').textContent,
        tls: server.querySelector('socketType').textContent === 'SSL' ? 'SSL/TLS' : 'STARTTLS',
      }));
      this.servers = { imap: read('incomingServer'), smtp: read('outgoingServer') };
    }, () => { this.error = 'Les réglages des serveurs n\'ont pu être lus : rechargez la page.'; });
  }

  renderServers() {
    const [imap, imapStartTls] = this.servers.imap;
    const [smtp, smtpStartTls] = this.servers.smtp;
    return html`<dl class="reglages" id="reglages">
      <dt>Identifiant</dt><dd>votre adresse, ${this.me?.email}</dd>
      <dt>Mot de passe</dt><dd>un mot de passe d'application (voir ci-dessus), jamais celui du portail</dd>
      <dt>Réception (IMAP)</dt><dd>serveur ${imap.host}, port ${imap.port}, chiffrement ${imap.tls}
        (ou port ${imapStartTls.port}, ${imapStartTls.tls})</dd>
      <dt>Envoi (SMTP)</dt><dd>serveur ${smtp.host}, port ${smtp.port}, chiffrement ${smtp.tls}
        (ou port ${smtpStartTls.port}, ${smtpStartTls.tls}), authentification requise</dd>
    </dl>`;
  }

  render() {
    return html`
      <h1>Configurer un logiciel de messagerie</h1>
      ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
      <section class="carte" aria-labelledby="titre-avant">
        <h2 id="titre-avant">Avant de commencer</h2>
        <p>Vous pouvez lire votre messagerie professionnelle dans Thunderbird, Outlook ou l'application Mail de votre
          téléphone ou de votre tablette. Votre mot de passe du portail n'y fonctionne pas : c'est voulu, il protège
          votre compte et sa double authentification.</p>
        <ol>
          <li>Sur la page <a href="/compte">Mon compte</a>, créez un <strong>mot de passe d'application</strong> pour
            cet appareil (par exemple « Téléphone de Léna »). Notez-le : il ne sera affiché qu'une fois.</li>
          <li>Suivez les étapes de votre logiciel ci-dessous, avec votre adresse et ce mot de passe.</li>
        </ol>
      </section>
      <section class="carte" aria-labelledby="titre-thunderbird">
        <h2 id="titre-thunderbird">Thunderbird</h2>
        <ol>
          <li>Menu <em>Fichier</em>, puis <em>Nouveau</em>, puis <em>Compte courrier existant</em>.</li>
          <li>Saisissez votre nom, votre adresse et le mot de passe d'application, puis <em>Continuer</em>.</li>
          <li>Thunderbird trouve seul les réglages de l'académie : choisissez <em>IMAP</em> et <em>Terminé</em>.</li>
          <li>Pour modifier vos règles de tri depuis Thunderbird, ajoutez le module <em>Sieve</em> : il se connecte au
            serveur IMAP de l'académie, port 4190, avec le même mot de passe d'application. Ce sont les règles de la
            page <a href="/messagerie/regles">Règles</a> de la messagerie.</li>
        </ol>
      </section>
      <section class="carte" aria-labelledby="titre-outlook">
        <h2 id="titre-outlook">Outlook</h2>
        <ol>
          <li>Menu <em>Fichier</em>, puis <em>Ajouter un compte</em> ; saisissez votre adresse.</li>
          <li>Si Outlook demande le type de compte, choisissez <em>IMAP</em> et reportez les réglages ci-dessous.</li>
          <li>Saisissez le mot de passe d'application quand il est demandé.</li>
        </ol>
      </section>
      <section class="carte" aria-labelledby="titre-apple">
        <h2 id="titre-apple">iPhone et iPad</h2>
        <ol>
          <li>Sur l'appareil, ouvrez ce portail dans Safari et touchez le bouton ci-dessous.</li>
          <li>Ouvrez <em>Réglages</em>, puis <em>Profil téléchargé</em>, puis <em>Installer</em>.</li>
          <li>Saisissez le mot de passe d'application quand il est demandé.</li>
        </ol>
        <p><a class="bouton" href="/api/messagerie/profil.mobileconfig" download>Télécharger le profil de configuration</a></p>
      </section>
      <section class="carte" aria-labelledby="titre-android">
        <h2 id="titre-android">Android</h2>
        <ol>
          <li>Dans Gmail : <em>Ajouter une adresse e-mail</em>, puis <em>Autre</em> ; ou dans K-9 Mail (Thunderbird
            pour Android) : <em>Ajouter un compte</em>.</li>
          <li>Choisissez <em>IMAP personnel</em> et reportez les réglages ci-dessous.</li>
        </ol>
      </section>
      <section class="carte" aria-labelledby="titre-reglages">
        <h2 id="titre-reglages">Les réglages, pour une saisie à la main</h2>
        ${this.servers ? this.renderServers() : html`<p class="discret">Chargement…</p>`}
      </section>
      <section class="carte conseil" aria-labelledby="titre-securite">
        <h2 id="titre-securite">Protégez l'appareil</h2>
        <ul>
          <li>Verrouillez-le par un code, un schéma ou une empreinte, et laissez son chiffrement activé (c'est le cas
            par défaut sur les téléphones et tablettes récents).</li>
          <li>N'ajoutez pas votre messagerie professionnelle à un ordinateur partagé ou familial : lisez-la alors
            dans le portail et déconnectez-vous en partant.</li>
          <li>Appareil perdu, volé ou donné : révoquez tout de suite son mot de passe d'application sur
            <a href="/compte">Mon compte</a>.</li>
        </ul>
      </section>
    `;
  }
}

customElements.define('page-configurer', PageConfigurer);
