// Dates as a French reader writes them, one place for the whole portal: "1er avril 2027", "15 janvier 2027 à 14:05",
// "dans 1 an et 9 mois". Business dates (YYYY-MM-DD: a leave's first day, a window's last) are days wherever the
// browser is; instants are read in Paris, the académie's time.
const DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_IN_PARIS = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const MOMENT_IN_PARIS = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const BUSINESS_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Intl writes "1 avril"; French writes "1er avril".
const premier = (text) => text.replace(/(^|\s)1 (?=\p{L})/u, '$11er ');

/** A business date (YYYY-MM-DD) or an instant, as a day in words: "1er avril 2027". */
export function jour(value) {
  if (!value) return '';
  return typeof value === 'string' && BUSINESS_DATE.test(value)
    ? premier(DAY.format(new Date(value + 'T00:00:00Z')))
    : premier(DAY_IN_PARIS.format(new Date(value)));
}

/** An instant with its time in Paris: "15 janvier 2027 à 14:05". */
export function moment(value) {
  return value ? premier(MOMENT_IN_PARIS.format(new Date(value))) : '';
}

/** The same as formatters, where a page keeps {@code X.format(date)}. */
export const JOUR = { format: jour };
export const MOMENT = { format: moment };

/**
 * How far a day is, as a person says it: "aujourd'hui", "demain", "dans 12 jours", "dans 9 mois", "dans 1 an et
 * 9 mois", "il y a 3 jours". {@code days} is the server's count; {@code on} (YYYY-MM-DD), when given, counts months
 * on the calendar beyond six weeks.
 */
export function delai(days, on) {
  if (days === 0) return 'aujourd\'hui';
  if (days === 1) return 'demain';
  if (days === -1) return 'hier';
  const abs = Math.abs(days);
  if (abs < 45 || !on) return days > 0 ? `dans ${abs} jours` : `il y a ${abs} jours`;
  const words = duree(Math.abs(monthsBetween(today(), on)));
  return days > 0 ? `dans ${words}` : `il y a ${words}`;
}

/** A length in months, in words: "2 ans et 6 mois", "1 an", "9 mois". */
export function duree(months) {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return [years ? `${years} an${years > 1 ? 's' : ''}` : '', rest || !years ? `${rest} mois` : ''].filter(Boolean).join(' et ');
}

function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

/** Whole calendar months from one YYYY-MM-DD to another (negative when the second is earlier). */
function monthsBetween(from, to) {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && d2 < d1) return months - 1;
  if (months < 0 && d2 > d1) return months + 1;
  return months;
}
