import { LitElement, html, css } from 'lit';
import { touchStyles } from '../styles.js';

/** The keyboard shortcuts, as the help overlay lists them (the page handles them). */
export const SHORTCUTS = [
  ['j / k', 'message suivant / précédent'],
  ['o ou Entrée', 'ouvrir le message'],
  ['u', 'revenir à la liste'],
  ['x', 'sélectionner le message'],
  ['e', 'archiver'],
  ['#', 'supprimer (vers la corbeille)'],
  ['s', 'suivre / ne plus suivre'],
  ['Maj + i / Maj + u', 'marquer comme lu / non lu'],
  ['l', 'étiqueter'],
  ['v', 'déplacer vers un dossier'],
  ['r', 'répondre'],
  ['a', 'répondre à tous'],
  ['f', 'transférer'],
  ['c', 'nouveau message'],
  ['Ctrl + Entrée', 'envoyer le message en cours de rédaction'],
  ['/', 'rechercher'],
  ['?', 'afficher cette aide'],
  ['Échap', 'fermer la fenêtre ouverte'],
];

const SETTING = 'portail.raccourcis';

/**
 * Whether the one-key shortcuts (j, e, #, ?...) are on: a person who dictates or whose hand slips can turn them off
 * (WCAG 2.1.4); the choice stays in this browser. Enter and the arrows, which are not characters, always work.
 */
export function shortcutsEnabled() {
  try {
    return localStorage.getItem(SETTING) !== 'non';
  } catch (e) {
    return true; // storage refused: the default
  }
}

// The "?" overlay: a modal dialog, closed with Escape or its button, focus returning where it was.
class MailShortcuts extends LitElement {
  static styles = [touchStyles, css`
    dialog { border: none; border-radius: 6px; padding: 1.5rem; max-width: 32rem; box-shadow: 0 4px 24px rgba(0,0,0,.3); }
    h2 { margin-top: 0; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
    kbd { font-family: inherit; background: #f0f0f0; border: 1px solid #ccc; border-radius: 3px; padding: 0 .3rem; }
    button { margin-top: 1rem; }
    label.choix { display: flex; gap: .5rem; align-items: center; margin: 0 0 1rem; font-weight: 600; }
  `];

  toggle(event) {
    try {
      localStorage.setItem(SETTING, event.target.checked ? 'oui' : 'non');
    } catch (e) {
      event.target.checked = true; // storage refused: nothing can be remembered
    }
  }

  open() {
    this.renderRoot.querySelector('dialog').showModal();
  }

  render() {
    return html`<dialog aria-labelledby="titre-raccourcis">
      <h2 id="titre-raccourcis">Raccourcis clavier</h2>
      <label class="choix"><input type="checkbox" id="raccourcis-actifs" .checked=${shortcutsEnabled()}
        @change=${this.toggle}> Raccourcis à une touche activés</label>
      <table>
        <thead><tr><th scope="col">Touche</th><th scope="col">Action</th></tr></thead>
        <tbody>${SHORTCUTS.map(([keys, action]) => html`<tr><td><kbd>${keys}</kbd></td><td>${action}</td></tr>`)}</tbody>
      </table>
      <form method="dialog"><button>Fermer</button></form>
    </dialog>`;
  }
}

customElements.define('mail-shortcuts', MailShortcuts);
