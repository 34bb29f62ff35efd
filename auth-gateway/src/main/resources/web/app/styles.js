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
