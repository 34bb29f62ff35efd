// A small History API router: the gateway serves the shell on every page path, the router picks the page.

const listeners = new Set();

export const routes = [
  { path: '/', tag: 'page-accueil', title: 'Accueil' },
  // a page of the mailbox, reached from it (not in the navigation): before /messagerie, which would match it too
  { path: '/messagerie/regles', tag: 'page-regles', title: 'Règles de tri', within: '/messagerie' },
  { path: '/messagerie/configurer', tag: 'page-configurer', title: 'Configurer un logiciel de messagerie', within: '/messagerie' },
  { path: '/messagerie', tag: 'page-messagerie', title: 'Messagerie' },
  { path: '/carriere', tag: 'page-carriere', title: 'Ma carrière' },
  { path: '/demarches', tag: 'page-demarches', title: 'Mes démarches' },
  { path: '/compte', tag: 'page-compte', title: 'Mon compte' },
  // shown to the académie's administrators only; the API refuses everyone else anyway
  { path: '/administration', tag: 'page-administration', title: 'Administration', role: 'admin-academique' },
];

export function current() {
  return routes.find((route) => route.path !== '/' && location.pathname.startsWith(route.path)) || routes[0];
}

/** Goes to the path; a listener is told {@code again} when it is the page already shown (its menu link clicked). */
export function navigate(path) {
  const again = path === location.pathname + location.search;
  if (!again) {
    history.pushState({}, '', path);
  }
  listeners.forEach((listener) => listener(current(), { again }));
}

export function onRoute(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

window.addEventListener('popstate', () => listeners.forEach((listener) => listener(current())));

// same-site links without a target go through the router instead of reloading the page
document.addEventListener('click', (event) => {
  const link = event.composedPath().find((element) => element.tagName === 'A');
  if (!link || link.target || link.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey
    || event.defaultPrevented) { // a component's own link (a folder, "#") has done what it meant
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.hash && url.pathname === location.pathname && url.search === location.search) {
    return; // an anchor in the page ("Aller au contenu"): the browser's own
  }
  // a page's own sub-paths too (/demarches/nouvelle): the page follows them through onRoute
  const known = url.pathname === '/' || routes.some((route) => route.path !== '/' && url.pathname.startsWith(route.path));
  if (url.origin === location.origin && known) {
    event.preventDefault();
    navigate(url.pathname + url.search);
  }
});
