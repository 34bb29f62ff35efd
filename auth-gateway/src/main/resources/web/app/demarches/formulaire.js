import { LitElement, html, css } from 'lit';
import { touchStyles } from '../styles.js';

// A request's form drawn from its type's JSON Schema (catalogue.json): a list for an enum, a date field for
// format "date", a number for an integer, a box for a boolean, a text area past 200 characters. The server checks
// it again at submission; its refusal names the field ("form.<name>"), shown under that field.
class DemarcheFormulaire extends LitElement {
  static properties = { schema: { attribute: false }, value: { attribute: false }, readonly: { type: Boolean },
    fieldError: { attribute: false }, errorText: { attribute: false } };
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

  field(name, property, required) {
    const value = (this.value || {})[name];
    const id = 'champ-' + name;
    const error = this.fieldError === 'form.' + name;
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
        .value=${value == null ? '' : String(value)} aria-invalid=${common['aria-invalid']}>`;
    } else if (property.format === 'date') {
      input = html`<input type="date" id=${id} .value=${value || ''} aria-invalid=${common['aria-invalid']}>`;
    } else if ((property.maxLength || 0) > 200) {
      input = html`<textarea id=${id} rows="3" maxlength=${property.maxLength} .value=${value || ''}
        aria-invalid=${common['aria-invalid']}></textarea>`;
    } else {
      input = html`<input type="text" id=${id} maxlength=${property.maxLength || 500} .value=${value || ''}
        aria-invalid=${common['aria-invalid']}>`;
    }
    return html`<div class="champ">
      <label for=${id}>${property.title || name}${required ? html` <span class="obligatoire" aria-hidden="true">*</span>` : ''}</label>
      ${input}
      ${error ? html`<span class="erreur" id=${'erreur-' + name} role="alert">${this.errorText}</span>` : ''}
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
    return html`${properties.map(([name, property]) => this.field(name, property, required.includes(name)))}
      <p class="discret"><span class="obligatoire">*</span> champ obligatoire</p>`;
  }
}

customElements.define('demarche-formulaire', DemarcheFormulaire);
