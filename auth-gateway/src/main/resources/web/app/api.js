// The one way the SPA talks to the gateway: a session that has ended sends the person back to sign in
// (returning to the same page afterwards), and a problem+json answer becomes its French detail.

export class ApiError extends Error {
  constructor(message, problem) {
    super(message);
    this.problem = problem;
  }
}

// A page the person is leaving (she clicked "Se déconnecter", followed a link) never sends her to sign in: a call
// answered 401 because "Se déconnecter" has just ended the session would otherwise cancel the navigation to
// Keycloak's sign-out halfway, and leave her Keycloak session open on a shared computer (seen in CI).
let leaving = false;
addEventListener('beforeunload', () => { leaving = true; });
addEventListener('pageshow', () => { leaving = false; }); // back in the history: the page lives again

export function signInAgain() {
  if (leaving) {
    return;
  }
  const back = location.pathname + location.search + location.hash;
  location.assign('/connexion?retour=' + encodeURIComponent(back));
}

export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...options,
      // the gateway refuses a state-changing call without this header (CSRF): a cross-site page cannot send it
      headers: { Accept: 'application/json', 'X-Portail-Request': '1', ...(options.headers || {}) },
    });
  } catch (e) {
    throw new ApiError('Le portail ne répond pas. Vérifiez votre connexion puis réessayez.');
  }
  if (response.status === 401) {
    signInAgain();
    throw new ApiError('Votre session a expiré : reconnexion en cours…');
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    if (type.includes('application/problem+json')) {
      const problem = await response.json();
      throw new ApiError(problem.detail || problem.title, problem);
    }
    throw new ApiError('Le service a rencontré une erreur (' + response.status + '). Réessayez dans un instant.');
  }
  return type.includes('json') ? response.json() : response.text();
}
