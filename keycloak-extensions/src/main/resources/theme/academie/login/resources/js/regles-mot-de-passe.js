// The password rules under "Nouveau mot de passe", listed before any typing (login-update-password.ftl), each ticked as
// soon as the password meets it, with Keycloak's own checks (its password-policy.js); the last one when both entries
// match. A screen reader hears the list with the field (aria-describedby) and each rule's state in words.
import { validatePassword } from './password-policy.js';

const field = document.getElementById('password-new');
const confirmation = document.getElementById('password-confirm');
const rules = [...document.querySelectorAll('#regles-mot-de-passe li[data-regle]')];

field.setAttribute('aria-describedby', 'regles-mot-de-passe');
rules.forEach((rule) => {
  const state = document.createElement('span');
  state.className = 'academie-etat';
  rule.append(state);
});

function met(rule, password) {
  if (rule.dataset.regle === 'identiques') {
    return password !== '' && password === confirmation.value;
  }
  const policy = { name: rule.dataset.regle, policy: { value: Number(rule.dataset.valeur), error: 'x' } };
  return validatePassword(password, [policy]).length === 0;
}

function update() {
  rules.forEach((rule) => {
    const ok = met(rule, field.value);
    rule.classList.toggle('respectee', ok);
    rule.querySelector('.academie-etat').textContent = ok ? ' (respectée)' : ' (pas encore)';
  });
}

field.addEventListener('input', update);
confirmation.addEventListener('input', update);
update();
