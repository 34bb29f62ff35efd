import { LitElement, html, css } from 'lit';
import { cssom } from '../css.js';
import { fullDate, people, person, size } from './format.js';
import { touchStyles } from '../styles.js';

const PREVIEWABLE = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];
const RESULTS = { pass: 'réussi', fail: 'échec', softfail: 'douteux', neutral: 'neutre', none: 'absent',
  temperror: 'erreur temporaire', permerror: 'erreur', policy: 'refusé' };

// What SPF, DKIM and DMARC said of the sender of mail from the internet, in words ("mailed-by", "signed-by").
function authentication(a) {
  const result = (value) => RESULTS[value] || value;
  const dkim = a.dkim.length ? a.dkim.map((s) => 'DKIM ' + result(s.result) + (s.domain ? ' (' + s.domain + ')' : ''))
    .join(', ') : 'DKIM absent';
  return 'SPF ' + result(a.spf) + (a.spfDomain ? ' (' + a.spfDomain + ')' : '') + ' · ' + dkim + ' · DMARC '
    + result(a.dmarc);
}

// What one of the person's rules did to the message ("Pourquoi ici ?"): the rule's name and line when it has them.
function ruleTrace(t) {
  if (!t.rule) {
    return t.action;
  }
  return 'Règle « ' + t.rule + ' »' + (t.line ? ' (ligne ' + t.line + ')' : '') + ' : ' + t.action;
}

// The reading pane: headers, the body, attachments, and the actions on this message (also on the keyboard).
// The HTML body, sanitised by mail-service, is shown in a frame sandboxed without scripts (the gateway's policy
// for /body), so that the message's own styles apply and nothing in it can run or reach the page.
class MailReader extends LitElement {
  static properties = { message: { attribute: false }, junk: { type: Boolean }, images: { state: true } };
  static styles = [touchStyles, css`
    :host { display: block; }
    h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
    .entete { border-bottom: 1px solid #ddd; padding-bottom: .5rem; margin-bottom: .75rem; }
    .entete dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: 0; font-size: .9rem; }
    .entete dt { color: var(--gris, #666); }
    .entete dd { margin: 0; }
    .regles span { display: block; }
    .actions { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0; }
    .actions button { padding: .3rem .6rem; }
    .etiquette { border-radius: 3px; padding: 0 .4rem; color: #fff; font-size: .8rem; margin-right: .25rem; }
    .etiquette .retirer { background: none; border: none; color: inherit; cursor: pointer; padding: 0 0 0 .3rem; font-size: .9rem; }
    .images { background: #fff8e1; border: 1px solid #f0d890; padding: .4rem .6rem; margin-bottom: .5rem; font-size: .9rem; }
    .images button { margin-left: .5rem; }
    iframe { width: 100%; border: none; min-height: 12rem; background: #fff; }
    .texte { white-space: pre-wrap; font-family: inherit; }
    ul.pj { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
    ul.pj li { border: 1px solid #ddd; border-radius: 4px; padding: .35rem .6rem; }
    .priorite { color: var(--rouge, #ce0500); font-weight: 600; }
    .alerte { border: 2px solid #ce0500; background: #fdecea; color: #1e1e1e; padding: .5rem .75rem; margin-bottom: .75rem; }
    .alerte.info { border: 1px solid #6a6af4; background: #eef0fc; }
    .alerte h3 { font-size: 1rem; margin: 0 0 .3rem; }
    .alerte ul { margin: 0 0 .3rem; padding-left: 1.2rem; }
    .alerte p { margin: .3rem 0 0; font-size: .9rem; }
    .bloquee { color: #ce0500; font-size: .9rem; }
  `];

  updated(changed) {
    if (changed.has('message')) {
      this.images = false;
    }
  }

  act(action, detail) {
    this.dispatchEvent(new CustomEvent('mail-action', { detail: { action, ...detail }, bubbles: true, composed: true }));
  }

  fit(event) {
    const frame = event.target;
    const body = frame.contentDocument && frame.contentDocument.documentElement;
    if (body) {
      frame.style.height = (body.scrollHeight + 16) + 'px';
    }
  }

  // Why the message looks dangerous, each reason in the words mail-service chose; a first message alone is only
  // something to know, not an alarm.
  warnings(list) {
    if (!list.length) {
      return '';
    }
    const danger = list.some((w) => w.weight >= 2);
    return html`<section class=${danger ? 'alerte' : 'alerte info'} aria-labelledby="alerte-titre">
      <h3 id="alerte-titre">${danger ? 'Prudence : ce message présente des signes d\'hameçonnage' : 'À savoir sur ce message'}</h3>
      <ul>${list.map((w) => html`<li>${w.detail}</li>`)}</ul>
      ${danger ? html`<p>Si vous ne l'attendiez pas, n'ouvrez ni ses liens ni ses pièces jointes. L'académie ne vous
        demandera jamais votre mot de passe par message.</p>` : ''}
    </section>`;
  }

  render() {
    const m = this.message;
    if (!m) {
      return html`<p class="discret">Choisissez un message dans la liste.</p>`;
    }
    const showImages = this.images || m.senderTrusted;
    return html`
      <article aria-labelledby="sujet">
        <div class="entete">
          <h2 id="sujet">${m.subject || '(sans objet)'}</h2>
          ${m.priority === 'HIGH' ? html`<p class="priorite">Priorité haute</p>` : ''}
          ${m.labels.map((l) => html`<span class="etiquette" ${cssom({ background: l.color })}>${l.name}<button
            class="retirer" aria-label=${'Retirer l\'étiquette ' + l.name} title="Retirer l'étiquette"
            @click=${() => this.act('UNLABEL', { labelId: l.id })}>×</button></span>`)}
          <dl>
            <dt>De</dt><dd>${person(m.from)} ${m.from.name ? html`&lt;${m.from.address}&gt;` : ''}</dd>
            <dt>À</dt><dd>${people(m.to) || '—'}</dd>
            ${m.cc.length ? html`<dt>Cc</dt><dd>${people(m.cc)}</dd>` : ''}
            <dt>Date</dt><dd><time datetime=${m.date}>${fullDate(m.date)}</time></dd>
            ${m.authentication ? html`<dt>Authentification</dt><dd class="authentification">${authentication(m.authentication)}</dd>` : ''}
            ${(m.filedBy || []).length ? html`<dt>Pourquoi ici ?</dt><dd class="regles">${m.filedBy.map((t) =>
              html`<span>${ruleTrace(t)}${t.rule ? html` <a href=${'/messagerie/regles?regle=' + encodeURIComponent(t.rule)}
                aria-label=${'Voir la règle « ' + t.rule + ' »'}>Voir la règle</a>` : ''}</span>`)}</dd>` : ''}
          </dl>
          <div class="actions" role="toolbar" aria-label="Actions sur le message">
            <button @click=${() => this.act('reply')} title="r">Répondre</button>
            <button @click=${() => this.act('replyAll')} title="a">Répondre à tous</button>
            <button @click=${() => this.act('forward')} title="f">Transférer</button>
            <button @click=${() => this.act('ARCHIVE')} title="e">Archiver</button>
            <button @click=${() => this.act('TRASH')} title="#">Supprimer</button>
            <button @click=${() => this.act('label')} title="l">Étiqueter</button>
            <button @click=${() => this.act('move')} title="v">Déplacer</button>
            <button @click=${() => this.act(m.flagged ? 'UNFLAG' : 'FLAG')} title="s"
              aria-pressed=${m.flagged ? 'true' : 'false'}>${m.flagged ? 'Ne plus suivre' : 'Suivre'}</button>
            <button @click=${() => this.act('UNREAD')} title="Maj + u">Marquer comme non lu</button>
            ${this.junk ? html`<button @click=${() => this.act('NOT_JUNK')}>Ce n'est pas un indésirable</button>`
              : html`<button @click=${() => this.act('REPORT_PHISHING')}>Signaler un hameçonnage</button>`}
            <a href=${'/api/mail/messages/' + m.id + '/source'} download>Télécharger (.eml)</a>
          </div>
        </div>
        ${this.warnings(m.warnings || [])}
        ${m.remoteImagesBlocked && !showImages ? html`<p class="images" role="status">
          Les images distantes de ce message sont masquées pour protéger votre vie privée.
          <button @click=${() => { this.images = true; }}>Afficher les images</button>
          <button @click=${() => this.act('trustSender', { address: m.from.address })}>Toujours pour cet expéditeur</button>
        </p>` : ''}
        ${m.html != null ? html`<iframe title="Contenu du message" @load=${this.fit}
            sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
            src=${'/api/mail/messages/' + m.id + '/body' + (showImages ? '?images=show' : '')}></iframe>`
          : html`<div class="texte">${m.text || ''}</div>`}
        ${m.attachments.filter((a) => !a.inline).length ? html`
          <h3>Pièces jointes</h3>
          <ul class="pj">${m.attachments.filter((a) => !a.inline).map((a) => html`<li>
            ${a.blocked ? html`<span>${a.fileName}</span> <span class="bloquee">Téléchargement bloqué : c'est un programme,
              qui pourrait installer un logiciel malveillant.</span>`
              : html`<a href=${'/api/mail/messages/' + m.id + '/attachments/' + a.id} download=${a.fileName}>${a.fileName}</a>`}
            <span class="discret">(${size(a.size)})</span>
            ${PREVIEWABLE.includes(a.contentType) ? html`<a target="_blank" rel="noopener noreferrer"
              href=${'/api/mail/messages/' + m.id + '/attachments/' + a.id + '?inline=true'}>Aperçu</a>` : ''}
          </li>`)}</ul>` : ''}
      </article>`;
  }
}

customElements.define('mail-reader', MailReader);
