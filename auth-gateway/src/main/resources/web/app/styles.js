import { css } from 'lit';

// Shared by every page: cards, lists, the error banner.
export const pageStyles = css`
  :host { display: block; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  .carte { background: #fff; padding: 1rem 1.25rem; margin-bottom: 1rem; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  .erreur { background: #ffe9e9; border-left: 4px solid var(--rouge, #ce0500); padding: .75rem 1rem; }
  .vide, .discret { color: var(--gris, #666); }
  ul.liste { list-style: none; padding: 0; margin: 0; }
  ul.liste li { padding: .5rem 0; border-bottom: 1px solid #eee; display: flex; gap: 1rem; justify-content: space-between; }
  .non-lu { font-weight: 600; }
`;

// A touch screen (a phone, a tablet): every control a finger's size, 44 CSS pixels each way (WCAG 2.5.5); a box to
// tick gets it from its label. Included by every component, as a shadow root sees no style from outside.
export const touchStyles = css`
  @media (pointer: coarse) {
    button, select, textarea, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]) {
      min-height: 44px; min-width: 44px; box-sizing: border-box;
    }
    a.bouton { display: inline-flex; align-items: center; min-height: 44px; box-sizing: border-box; }
    label:has(> input[type="checkbox"], > input[type="radio"]) { display: inline-flex; align-items: center; gap: .35rem;
      min-height: 44px; min-width: 44px; box-sizing: border-box; }
    input[type="checkbox"], input[type="radio"] { width: 1.25rem; height: 1.25rem; margin: 0 .25rem; }
  }
`;
