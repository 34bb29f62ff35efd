// How Mes démarches writes statuses, history entries, dates, sizes and roles, in French; the calls' common parts.
import { html } from 'lit';
import { JOUR, MOMENT } from '../dates.js';

export const STATUTS = {
  DRAFT: 'Brouillon',
  IN_REVIEW: 'En cours d\'examen',
  RETURNED: 'À compléter',
  APPROVED: 'Acceptée',
  REFUSED: 'Refusée',
  WITHDRAWN: 'Retirée',
};
export const EVENEMENTS = {
  CREATED: 'Brouillon créé', SUBMITTED: 'Demande déposée', RESUBMITTED: 'Demande complétée et déposée de nouveau',
  APPROVED_STEP: 'Étape acceptée', APPROVED: 'Demande acceptée', REFUSED: 'Demande refusée',
  RETURNED: 'Renvoyée pour complément', WITHDRAWN: 'Demande retirée',
};
/** The roles that decide a step of a circuit. */
export const DECIDEURS = ['chef-etablissement', 'gestionnaire-rh'];
export const JSON_HEADERS = { 'Content-Type': 'application/json' };
export { MOMENT };
export const DATE = JOUR;

export const taille = (bytes) => (bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + ' Ko'
  : (bytes / (1024 * 1024)).toFixed(1).replace('.', ',') + ' Mo');

export const roleLabel = (role) => (role === 'gestionnaire-rh' ? 'gestion RH' : 'chef d\'établissement');

/** A refusal naming one of these fields is shown under it. */
export function fieldError(problem, ...fields) {
  return problem && fields.includes(problem.field) ? html`<p class="erreur">${problem.detail}</p>` : '';
}

/** The notifications of a request, or those waiting (HR's desk, where each links to its request). */
export function deliveriesTable(items, linked) {
  return items.length === 0 ? html`<p class="vide">Aucune notification en attente : tout a été distribué.</p>`
    : html`<table class="envois"><thead><tr><th>Pour</th><th>Objet</th><th>État</th></tr></thead><tbody>
      ${items.map((d) => html`<tr><td>${d.recipientName || '—'}</td><td>${d.requestId && linked
        ? html`<a href=${'/demarches/' + d.requestId}>${d.subject}</a>` : d.subject}</td>
        <td>${d.deliveredAt ? html`distribuée le ${MOMENT.format(new Date(d.deliveredAt))}`
          : html`<span class="retard">en attente</span> (${d.attempts} essai${d.attempts > 1 ? 's' : ''}${d.lastError
            ? html`, dernière erreur : ${d.lastError}` : ''}), prochain essai le ${MOMENT.format(new Date(d.nextAttemptAt))}`}</td></tr>`)}
    </tbody></table>`;
}
