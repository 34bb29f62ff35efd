// The connection diagnostic (/assistance/diagnostic): each check runs here, in the person's browser, and writes its
// verdict in French beside its name; nothing leaves the device. The page says "JavaScript : désactivé" until this
// file runs.

const HELP = { cookies: '/assistance/cookies', 'cookies-authentification': '/assistance/cookies',
  horloge: '/assistance/codes-refuses', stockage: '/assistance/cookies' };
// the oldest versions the portal is built and tried for (Firefox's extended support release included)
const OLDEST = { Chrome: 109, Edge: 109, Firefox: 115, Safari: 15 };

function show(id, ok, text) {
  const line = document.getElementById(id);
  line.className = ok ? 'bon' : 'probleme';
  line.querySelector('.verdict').textContent = ok ? '✔' : '✖';
  const result = line.querySelector('.resultat');
  result.textContent = text;
  if (!ok && HELP[id]) {
    const link = document.createElement('a');
    link.href = HELP[id];
    link.textContent = 'Que faire ?';
    result.append(' ', link);
  }
}

function cookies() {
  document.cookie = 'portail-diagnostic=1; path=/assistance; SameSite=Lax';
  const kept = document.cookie.split('; ').includes('portail-diagnostic=1');
  document.cookie = 'portail-diagnostic=; path=/assistance; max-age=0; SameSite=Lax';
  show('cookies', navigator.cookieEnabled && kept, navigator.cookieEnabled && kept ? 'acceptés.'
    : 'bloqués : la connexion ne peut pas garder votre session.');
}

/**
 * Keycloak's cookies, tried by a visit of its own (keycloak-extensions' portail-diagnostic sets one and reads it back):
 * the verdict comes back in the address. Until then the line offers the visit.
 */
function keycloakCookies() {
  const verdict = new URLSearchParams(location.search).get('keycloak');
  if (verdict === 'acceptes') {
    show('cookies-authentification', true, 'acceptés.');
  } else if (verdict === 'bloques') {
    show('cookies-authentification', false, 'bloqués : la page de connexion ne pourra pas garder votre identifiant.');
  }
}

function storage() {
  try {
    localStorage.setItem('portail-diagnostic', '1');
    localStorage.removeItem('portail-diagnostic');
    sessionStorage.setItem('portail-diagnostic', '1');
    sessionStorage.removeItem('portail-diagnostic');
    show('stockage', true, 'disponible.');
  } catch (e) {
    show('stockage', false, 'indisponible (réglages de confidentialité du navigateur).');
  }
}

/** The device's clock against the portal's, the request's round trip halved (a wrong clock makes OTP codes fail). */
async function clock() {
  try {
    const sent = Date.now();
    const answer = await (await fetch('/assistance/diagnostic/heure', { cache: 'no-store' })).json();
    const offset = Math.round((Date.now() + sent) / 2 - answer.maintenant) / 1000;
    const minutes = Math.round(Math.abs(offset) / 60);
    const gap = minutes >= 1 ? minutes + ' minute' + (minutes > 1 ? 's' : '') : Math.round(Math.abs(offset)) + ' secondes';
    show('horloge', Math.abs(offset) < 30, Math.abs(offset) < 30 ? "à l'heure."
      : 'en ' + (offset > 0 ? 'avance' : 'retard') + ' de ' + gap + ' sur celle du portail : les codes à usage unique'
        + ' seront refusés.');
  } catch (e) {
    show('horloge', false, "le portail n'a pas répondu : vérifiez votre connexion à internet.");
  }
}

function browser() {
  const agent = navigator.userAgent;
  const found = [['Edge', /Edg\/(\d+)/], ['Firefox', /Firefox\/(\d+)/], ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
    ['Safari', /Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari/]].map(([name, pattern]) => [name, agent.match(pattern)])
    .find(([, match]) => match);
  if (!found) {
    show('navigateur', true, 'non reconnu (' + agent.slice(0, 80) + ').');
    return;
  }
  const [name, match] = found;
  const version = Number(match[1]);
  show('navigateur', version >= OLDEST[name], name + ' ' + version + (version >= OLDEST[name] ? '.'
    : ' : cette version est trop ancienne, mettez votre navigateur à jour.'));
}

/** "Contacter l'assistance": what she wrote and the verdicts as she reads them, to the help desk's mailbox. */
function contact() {
  const form = document.getElementById('contact');
  const result = document.getElementById('contact-resultat');
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelectorAll('.erreur-champ').forEach((error) => error.remove());
    form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
    result.className = '';
    const request = {
      identifiant: form.elements.identifiant.value,
      adresse: form.elements.adresse.value,
      message: form.elements.message.value,
      diagnostic: {
        reference: document.getElementById('reference').textContent,
        lignes: [...document.querySelectorAll('ul.diagnostic li')].map((line) => line.textContent.replace(/\s+/g, ' ').trim()),
        navigateur: navigator.userAgent,
      },
    };
    try {
      const answer = await fetch('/api/assistance/demandes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Portail-Request': '1' },
        body: JSON.stringify(request),
      });
      const body = await answer.json();
      if (answer.ok) {
        form.hidden = true;
        result.textContent = 'Votre demande est envoyée à l\'assistance (référence ' + body.reference + ') : la réponse'
          + ' arrivera à ' + request.adresse.trim() + '.';
      } else if (body.field && form.elements[body.field]) {
        const field = form.elements[body.field];
        const error = document.createElement('span');
        error.className = 'erreur-champ';
        error.id = 'erreur-' + body.field;
        error.textContent = body.detail;
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', error.id);
        field.after(error);
        field.focus();
        return;
      } else {
        result.className = 'echec';
        result.textContent = body.detail || 'La demande n\'est pas partie. Réessayez dans un instant.';
      }
    } catch (e) {
      result.className = 'echec';
      result.textContent = 'Le portail ne répond pas : vérifiez votre connexion à internet, puis réessayez.';
    }
    result.focus();
  });
}

show('javascript', true, 'activé.');
cookies();
keycloakCookies();
storage();
browser();
clock();
contact();
// getRandomValues, unlike randomUUID, also works on a page not served over https (a test machine on the network)
document.getElementById('reference').textContent = 'DIAG-' + [...crypto.getRandomValues(new Uint8Array(4))]
  .map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
