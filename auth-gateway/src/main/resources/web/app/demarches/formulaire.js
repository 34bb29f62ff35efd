import { LitElement, html, css } from 'lit';
import { touchStyles } from '../styles.js';

// A request's form drawn from its type's JSON Schema (catalogue.json): a list for an enum, a date field for
// format "date", a number for an integer, a box for a boolean, a text area past 200 characters. Before a submission,
// check() reads the whole form against the schema and shows every error at once under its field, the first one
// focused; the server checks it again, and its refusal names each field at fault ("form.<name>" in its errors, or
// the one in its field), shown under that field.
class DemarcheFormulaire extends LitElement {
  static properties = { schema: { attribute: false }, value: { attribute: false }, readonly: { type: Boolean },
    refusal: { attribute: false }, errors: { state: true } };
  static styles = [touchStyles, css`
    :host { display: block; }
    .champ { display: flex; flex-direction: column; gap: .2rem; margin-bottom: .8rem; }
    label { font-weight: 600; }
    input, select, textarea { font: inherit; padding: .4rem; max-width: 32rem; }
    .obligatoire { color: var(--rouge, #ce0500); }
    .erreur { color: var(--rouge, #ce0500); font-size: .9rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
    dt { color: var(--gris, #666); }
  `];

  /** The form's values as the person entered them, typed as the schema says. */
  values() {
    const result = {};
    for (const [name, property] of Object.entries(this.schema.properties || {})) {
      const input = this.renderRoot.querySelector('#champ-' + name);
      if (!input) {
        continue;
      }
      if (property.type === 'boolean') {
        result[name] = input.checked;
      } else if (input.value !== '') {
        result[name] = property.type === 'integer' ? Number(input.value) : input.value;
      }
    }
    return result;
  }

  /**
   * Every problem of the form as it stands, shown under its field, the first field focused; true when there is none.
   * The rules are the schema's (required, list, date, whole number and its bounds, length) and its "x-pas-avant"
   * (a last day not before the first).
   */
  check() {
    const values = this.values();
    const errors = {};
    const required = this.schema.required || [];
    for (const [name, property] of Object.entries(this.schema.properties || {})) {
      const input = this.renderRoot.querySelector('#champ-' + name);
      const value = values[name];
      const title = property.title || name;
      if (value === undefined || value === '') {
        if (input && input.validity && input.validity.badInput) {
          errors[name] = property['x-erreur'] ? 'Date invalide : ' + property['x-erreur'] : 'Valeur invalide.';
        } else if (required.includes(name) && property.type !== 'boolean') {
          errors[name] = `« ${title} » est obligatoire.`;
        }
      } else if (property.type === 'integer' && (!Number.isInteger(value)
          || (property.minimum != null && value < property.minimum) || (property.maximum != null && value > property.maximum))) {
        errors[name] = `Un nombre entier${property.minimum != null ? ' d\'au moins ' + property.minimum : ''}${
          property.maximum != null ? ' et d\'au plus ' + property.maximum : ''}.`;
      } else if (property.maxLength && String(value).length > property.maxLength) {
        errors[name] = `${property.maxLength} caractères au plus.`;
      } else if (property['x-pas-avant'] && values[property['x-pas-avant']] && value < values[property['x-pas-avant']]) {
        const first = this.schema.properties[property['x-pas-avant']];
        errors[name] = `« ${title} » ne peut pas précéder « ${first.title || property['x-pas-avant']} ».`;
      }
    }
    this.errors = errors;
    const names = Object.keys(errors);
    if (names.length) {
      this.updateComplete.then(() => this.renderRoot.querySelector('#champ-' + names[0])?.focus());
    }
    return names.length === 0;
  }

  field(name, property, required) {
    const value = (this.value || {})[name];
    const id = 'champ-' + name;
    const refused = this.refusal && (this.refusal.errors || [this.refusal]).find((e) => e.field === 'form.' + name);
    const message = (this.errors || {})[name] || refused?.detail;
    const error = Boolean(message);
    const common = { id, 'aria-invalid': error ? 'true' : 'false' };
    let input;
    if (property.enum) {
      input = html`<select id=${id} aria-invalid=${common['aria-invalid']} aria-describedby=${error ? 'erreur-' + name : ''}>
        <option value="">— Choisir —</option>
        ${property.enum.map((option) => html`<option value=${option} ?selected=${String(option) === String(value)}>${option}</option>`)}
      </select>`;
    } else if (property.type === 'boolean') {
      input = html`<input type="checkbox" id=${id} .checked=${value === true}>`;
    } else if (property.type === 'integer') {
      input = html`<input type="number" id=${id} step="1" min=${property.minimum ?? ''} max=${property.maximum ?? ''}
        .value=${value == null ? '' : String(value)} aria-invalid=${common['aria-invalid']} aria-describedby=${error ? 'erreur-' + name : ''}>`;
    } else if (property.format === 'date') {
      input = html`<input type="date" id=${id} .value=${value || ''} aria-invalid=${common['aria-invalid']} aria-describedby=${error ? 'erreur-' + name : ''}>`;
    } else if ((property.maxLength || 0) > 200) {
      input = html`<textarea id=${id} rows="3" maxlength=${property.maxLength} .value=${value || ''}
        aria-invalid=${common['aria-invalid']} aria-describedby=${error ? 'erreur-' + name : ''}></textarea>`;
    } else {
      input = html`<input type="text" id=${id} maxlength=${property.maxLength || 500} .value=${value || ''}
        aria-invalid=${common['aria-invalid']} aria-describedby=${error ? 'erreur-' + name : ''}>`;
    }
    return html`<div class="champ">
      <label for=${id}>${property.title || name}${required ? html` <span class="obligatoire" aria-hidden="true">*</span>` : ''}</label>
      ${input}
      ${error ? html`<span class="erreur" id=${'erreur-' + name}>${message}</span>` : ''}
    </div>`;
  }

  render() {
    const properties = Object.entries(this.schema.properties || {});
    const required = this.schema.required || [];
    if (this.readonly) {
      return html`<dl>${properties.filter(([name]) => (this.value || {})[name] != null).map(([name, property]) => html`
        <dt>${property.title || name}</dt>
        <dd>${property.type === 'boolean' ? (this.value[name] ? 'oui' : 'non') : String(this.value[name])}</dd>`)}</dl>`;
    }
    const count = Object.keys(this.errors || {}).length;
    return html`${count ? html`<p class="erreur" role="alert">${count > 1 ? `${count} champs sont à corriger`
        : 'Un champ est à corriger'} avant de déposer la demande.</p>` : ''}
      ${properties.map(([name, property]) => this.field(name, property, required.includes(name)))}
      <p class="discret"><span class="obligatoire">*</span> champ obligatoire</p>`;
  }
}

customElements.define('demarche-formulaire', DemarcheFormulaire);
