// The connection diagnostic (/assistance/diagnostic): each check runs here, in the person's browser, and writes its
// verdict in French beside its name; nothing leaves the device. The page says "JavaScript : désactivé" until this
// file runs.

const HELP = { cookies: '/assistance/cookies', horloge: '/assistance/codes-refuses', stockage: '/assistance/cookies' };
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

show('javascript', true, 'activé.');
cookies();
storage();
browser();
clock();
// getRandomValues, unlike randomUUID, also works on a page not served over https (a test machine on the network)
document.getElementById('reference').textContent = 'DIAG-' + [...crypto.getRandomValues(new Uint8Array(4))]
  .map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
