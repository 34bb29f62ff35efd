// The académie's sign-in pages: a form sent with a required field left empty is stopped here, and each empty field
// says what it needs under it, in the page's language (the form's data-requis-<field> attributes carry the messages),
// the first one focused. Keycloak itself answers an empty form with a generic refusal that names no field.
// (loaded in the page's head: it waits for the forms)
document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('form[data-requis]').forEach((form) => {
  form.addEventListener('submit', (event) => {
    const empty = form.dataset.requis.split(' ')
      .map((name) => form.elements[name])
      .filter((field) => field && !field.disabled && field.value.trim() === '');
    form.querySelectorAll('.academie-requis').forEach((message) => message.remove());
    if (empty.length === 0) {
      return;
    }
    event.preventDefault();
    // Keycloak's own handler has already disabled the button for a form on its way: it stays here
    form.querySelectorAll('button[type=submit], input[type=submit]').forEach((button) => { button.disabled = false; });
    empty.forEach((field) => {
      const item = document.createElement('div');
      item.className = 'pf-v5-c-helper-text__item pf-m-error academie-requis';
      item.id = 'input-error-' + field.name;
      const text = document.createElement('span');
      text.className = 'pf-v5-c-helper-text__item-text pf-m-error';
      text.textContent = form.dataset['requis' + field.name.charAt(0).toUpperCase() + field.name.slice(1)];
      item.append(text);
      const container = document.getElementById('input-error-container-' + field.name);
      (container || field.parentElement).replaceChildren(item);
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', item.id);
    });
    empty[0].focus();
  });
}));
