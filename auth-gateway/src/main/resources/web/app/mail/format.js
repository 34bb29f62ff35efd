// How the webmail writes dates, sizes and people, in French.

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short' });
const FULL = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short' });
const YEAR = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric' });

/** Today: the time; this year: the day; before: the day and year (as Gmail lists them). */
export function shortDate(iso) {
  const date = new Date(iso);
  const now = new Date();
  if (date.toDateString() === now.toDateString()) {
    return TIME.format(date);
  }
  return date.getFullYear() === now.getFullYear() ? DAY.format(date) : YEAR.format(date);
}

export function fullDate(iso) {
  return FULL.format(new Date(iso));
}

export function size(bytes) {
  if (bytes < 1024) {
    return bytes + ' o';
  }
  if (bytes < 1024 * 1024) {
    return Math.round(bytes / 1024) + ' Ko';
  }
  return (bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 }) + ' Mo';
}

export function person(address) {
  return address ? (address.name || address.address) : '';
}

export function people(addresses) {
  return (addresses || []).map(person).join(', ');
}
