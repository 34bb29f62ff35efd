import { LitElement, html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api } from '../api.js';
import { pageStyles, touchStyles } from '../styles.js';
import { shortDate } from '../mail/format.js';
import { plural } from '../words.js';
import { FIELDS, OPERATORS, KINDS, RENAME_PATTERN, condition, sentence } from '../mail/rule-words.js';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
let keys = 0;

// "Règles de tri": the person's rules, for someone who does not know Sieve. Each rule is a sentence, on or off,
// moved up and down (buttons or drag), edited in place (conditions, actions); everything is saved at once with
// "Enregistrer les règles". "Suspendre toutes les règles" is one switch. "Tester sur mes messages" shows what the
// rules on screen would do to a folder's last messages before they are saved; "Appliquer aux messages existants"
// does what the saved rules say. The advanced tab shows the Sieve script itself, with an error under its line,
// and imports and exports .sieve files. The tab "Réponse automatique" sets the auto-reply (dates in Paris time).
class PageRegles extends LitElement {
  static properties = {
    rules: { state: true }, script: { state: true }, suspended: { state: true }, editing: { state: true },
    tab: { state: true }, folders: { state: true }, labels: { state: true }, error: { state: true },
    done: { state: true }, dirty: { state: true }, trial: { state: true }, scriptError: { state: true },
    wanted: { state: true }, reply: { state: true }, failure: { state: true }, forwarding: { state: true },
    journal: { state: true },
  };

  static styles = [pageStyles, touchStyles, css`
    [role="tablist"] { display: flex; flex-wrap: wrap; gap: .25rem; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
    [role="tab"] { border: none; background: none; padding: .5rem .75rem; border-bottom: 3px solid transparent; font: inherit; cursor: pointer; }
    [role="tab"][aria-selected="true"] { border-bottom-color: var(--bleu, #000091); font-weight: 600; }
    .etat { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; justify-content: space-between; }
    .suspendues { background: #fff4e5; border-left: 4px solid #b34000; padding: .5rem .75rem; }
    ol.regles { list-style: none; padding: 0; margin: 0 0 1rem; counter-reset: regle; }
    ol.regles > li { border: 1px solid #ddd; border-radius: 4px; padding: .6rem .75rem; margin-bottom: .5rem; background: #fff; }
    ol.regles > li.voulue { outline: 3px solid var(--bleu, #000091); }
    ol.regles > li.eteinte .phrase { color: var(--gris, #666); text-decoration: line-through; }
    ol.regles > li.dessus { border-top: 3px solid var(--bleu, #000091); }
    .tete { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .tete h2 { font-size: 1rem; margin: 0; flex: 1; min-width: 8rem; }
    .outils { display: flex; flex-wrap: wrap; gap: .3rem; }
    .phrase { margin: .3rem 0 0; }
    fieldset { border: 1px solid #ccc; border-radius: 4px; margin: .5rem 0; padding: .5rem .75rem; }
    .ligne { display: flex; flex-wrap: wrap; gap: .4rem; align-items: end; margin-bottom: .4rem; }
    label { display: flex; flex-direction: column; font-size: .85rem; gap: .15rem; }
    label.case { flex-direction: row; align-items: center; gap: .3rem; font-size: 1rem; }
    input[type="text"], input[type="number"], select { padding: .35rem; font: inherit; max-width: 100%; }
    textarea { width: 100%; box-sizing: border-box; min-height: 6rem; font: inherit; }
    textarea#script { min-height: 16rem; font: .9rem/1.4 monospace; }
    form.carte > label { margin-bottom: .6rem; }
    input[name="jours"] { width: 4rem; }
    button { padding: .35rem .7rem; font: inherit; }
    button.principal { background: var(--bleu, #000091); color: #fff; border: none; border-radius: 3px; padding: .5rem 1rem; }
    .fait { background: #e8f6ec; border-left: 4px solid #18753c; padding: .5rem .75rem; }
    .nonsauve { color: #b34000; font-weight: 600; }
    pre.fautive { background: #fff; border: 1px solid #ddd; padding: .3rem .5rem; margin: .5rem 0 0; overflow-x: auto; }
    ul.essai { list-style: none; padding: 0; }
    ul.essai li { border-bottom: 1px solid #eee; padding: .4rem 0; }
    @media (max-width: 600px) { .tete h2 { flex-basis: 100%; } }
  `];

  constructor() {
    super();
    const tab = new URLSearchParams(location.search).get('onglet');
    this.tab = ['reponse', 'avance', 'transferts'].includes(tab) ? tab : 'regles';
    this.rules = [];
    this.script = '';
    this.dirty = false;
    this.wanted = new URLSearchParams(location.search).get('regle');
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    if (this.tab === 'transferts') {
      this.loadForwarding();
    }
  }

  openTab(id) {
    this.tab = id;
    this.done = null;
    if (id === 'transferts') {
      this.loadForwarding();
    }
  }

  async loadForwarding() {
    try {
      const [forwarding, journal] = await Promise.all([api('/api/mail/forwarding'), api('/api/mail/forwarding/journal?limit=50')]);
      this.forwarding = forwarding;
      this.journal = journal.items;
    } catch (e) {
      this.error = { text: e.message };
    }
  }

  async acceptCharter() {
    this.error = null;
    try {
      this.forwarding = await api('/api/mail/forwarding/charter', { method: 'PUT', headers: JSON_HEADERS,
        body: JSON.stringify({ version: this.forwarding.charter.version }) });
      this.journal = (await api('/api/mail/forwarding/journal?limit=50')).items;
      this.done = 'Charte acceptée : vos règles peuvent transférer le courrier hors de l\'académie.';
    } catch (e) {
      this.fail(e);
    }
  }

  async load() {
    try {
      const [rules, folders, labels, reply] = await Promise.all([api('/api/mail/rules'), api('/api/mail/folders'),
        api('/api/mail/labels'), api('/api/mail/auto-reply')]);
      this.reply = reply;
      this.folders = folders.items;
      this.labels = labels.items;
      this.show(rules);
    } catch (e) {
      this.error = { text: e.message };
    }
  }

  show(view) {
    this.rules = view.rules === null ? null : view.rules.map((r) => ({ ...r, key: ++keys }));
    this.script = view.script;
    this.suspended = view.suspended;
    this.failure = view.failure;
    this.dirty = false;
    this.editing = null;
  }

  updated(changed) {
    if (changed.has('rules') && this.wanted && this.rules) {
      const index = this.rules.findIndex((r) => r.name === this.wanted);
      const item = this.renderRoot.querySelector('#regle-' + index);
      if (item) {
        item.scrollIntoView({ block: 'center' });
        item.querySelector('h2').focus();
      }
    }
  }

  change(mutate) {
    const rules = this.rules.map((r) => ({ ...r, conditions: [...r.conditions], actions: [...r.actions] }));
    mutate(rules);
    this.rules = rules;
    this.dirty = true;
    this.done = null;
  }

  /** Moves a rule up or down; the focus stays on the button that moved it, so that the keyboard can go on. */
  async move(from, to, which) {
    if (to < 0 || to >= this.rules.length) {
      return;
    }
    this.change((rules) => rules.splice(to, 0, rules.splice(from, 1)[0]));
    if (this.editing === from) {
      this.editing = to;
    }
    await this.updateComplete;
    // at the top or the bottom, the other button (the one that can move it back)
    const item = this.renderRoot.querySelector('#regle-' + to);
    const button = item.querySelector('.' + which);
    (button.disabled ? item.querySelector(which === 'monter' ? '.descendre' : '.monter') : button).focus();
  }

  add() {
    this.change((rules) => rules.push({ key: ++keys, name: 'Nouvelle règle', enabled: true, match: 'ALL',
      conditions: [condition('FROM')], actions: [{ kind: 'MOVE', value: this.paths()[0] || '' }] }));
    this.editing = this.rules.length - 1;
    this.updateComplete.then(() => this.renderRoot.querySelector('#regle-' + this.editing + ' input[name="nom"]').focus());
  }

  deleteRule(index) {
    if (confirm('Supprimer la règle « ' + (this.rules[index].name || 'sans nom') + ' » ?')) {
      this.change((rules) => rules.splice(index, 1));
      this.editing = null;
    }
  }

  body(extra = {}) {
    return JSON.stringify({ rules: this.rules.map(({ key, ...rule }) => rule), ...extra });
  }

  async save() {
    this.error = null;
    try {
      this.show(await api('/api/mail/rules', { method: 'PUT', headers: JSON_HEADERS, body: this.body({ suspended: this.suspended }) }));
      this.forwarding = null; // the journal may have changed: read again when its tab opens
      this.done = 'Règles enregistrées : elles s\'appliquent aux messages qui arrivent'
        + (this.suspended ? ' dès que vous les réactiverez.' : '.');
    } catch (e) {
      this.fail(e);
    }
  }

  /** A refusal names its field (rules[2].conditions[0].value): that rule opens, the message is shown above it. */
  fail(e) {
    const field = e.problem && e.problem.field;
    const rule = field && /^rules\[(\d+)]/.exec(field);
    this.error = { text: e.message, rule: rule ? Number(rule[1]) : null };
    if (rule) {
      this.editing = Number(rule[1]);
    }
  }

  async suspend(suspended) {
    this.error = null;
    try {
      // the rules on screen go with it, saved or not: nothing typed is lost
      this.show(await api('/api/mail/rules', { method: 'PUT', headers: JSON_HEADERS, body: this.rules === null
        ? JSON.stringify({ script: this.script, suspended }) : this.body({ suspended }) }));
      this.done = suspended ? 'Toutes vos règles sont suspendues : les messages arrivent dans la boîte de réception.'
        : 'Vos règles s\'appliquent de nouveau.';
    } catch (e) {
      this.fail(e);
    }
  }

  async tryOn(event) {
    event.preventDefault();
    const form = event.target;
    this.error = null;
    this.trial = null;
    try {
      // what is on screen, saved or not: the editor's rules, or the advanced tab's text
      const text = this.renderRoot.querySelector('#script');
      const request = this.rules && this.tab === 'regles' ? JSON.parse(this.body({}))
        : { script: text ? text.value : this.script };
      request.folderId = form.elements.dossier.value;
      request.limit = Number(form.elements.nombre.value);
      this.trial = await api('/api/mail/rules/trial', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(request) });
    } catch (e) {
      this.fail(e);
    }
  }

  async applyTo(event) {
    const form = event.target.form;
    this.error = null;
    if (this.dirty) {
      this.error = { text: 'Enregistrez d\'abord vos règles : ce sont les règles enregistrées qui s\'appliquent.' };
      return;
    }
    try {
      const result = await api('/api/mail/rules/application', { method: 'POST', headers: JSON_HEADERS,
        body: JSON.stringify({ folderId: form.elements.dossier.value, limit: Number(form.elements.nombre.value) }) });
      this.trial = null;
      this.done = `${plural('message', result.changed)} sur ${result.items.length} ${result.changed > 1 ? 'traités' : 'traité'}`
        + ' par vos règles.';
    } catch (e) {
      this.fail(e);
    }
  }

  async saveScript() {
    this.scriptError = null;
    this.error = null;
    const script = this.renderRoot.querySelector('#script').value;
    try {
      this.show(await api('/api/mail/rules', { method: 'PUT', headers: JSON_HEADERS,
        body: JSON.stringify({ script, suspended: this.suspended }) }));
      this.done = 'Script enregistré.';
    } catch (e) {
      const line = /^Ligne (\d+)/.exec(e.message);
      this.scriptError = { text: e.message, line: line ? Number(line[1]) : 0, source: script };
    }
  }

  async importFile(event) {
    const file = event.target.files[0];
    if (file) {
      this.renderRoot.querySelector('#script').value = await file.text();
      this.done = 'Fichier « ' + file.name + ' » chargé : relisez-le puis enregistrez.';
      event.target.value = '';
    }
  }

  /** The folders a rule can file into, by the path Sieve's fileinto names them with ("Fournisseurs/Devis"). */
  paths() {
    const byId = new Map((this.folders || []).map((f) => [f.id, f]));
    const path = (f) => (f.parentId && byId.has(f.parentId) ? path(byId.get(f.parentId)) + '/' : '') + f.name;
    return (this.folders || []).filter((f) => !['DRAFTS', 'SENT', 'TRASH'].includes(f.systemRole))
      .map((f) => (f.systemRole === 'INBOX' ? 'INBOX' : path(f)));
  }

  folderName(path) {
    return path === 'INBOX' ? 'Boîte de réception' : path;
  }

  conditionRow(rule, r, c, i) {
    const field = FIELDS[c.field];
    const set = (patch) => this.change((rules) => { rules[r].conditions[i] = { ...rules[r].conditions[i], ...patch }; });
    return html`<div class="ligne">
      <label>Condition ${i + 1}<select @change=${(e) => this.change((rules) => { rules[r].conditions[i] = condition(e.target.value, c.value); })}>
        ${Object.entries(FIELDS).map(([id, f]) => html`<option value=${id} ?selected=${id === c.field}>${f.name}</option>`)}
      </select></label>
      ${field.operators.length ? html`<label>Comparaison<select @change=${(e) => set({ operator: e.target.value })}>
        ${field.operators.map((o) => html`<option value=${o} ?selected=${o === c.operator}>${OPERATORS[o]}</option>`)}
      </select></label>` : ''}
      ${field.value ? html`<label>${field.value === 'ko' ? 'Kilo-octets' : field.value === 'type' ? 'Type (pdf, docx…)' : 'Texte'}
        <input type=${field.value === 'ko' ? 'number' : 'text'} min="1" .value=${c.value || ''} maxlength="500"
          placeholder=${field.value === 'liste' ? '(vide : toute liste)' : ''}
          @input=${(e) => set({ value: e.target.value })}></label>` : ''}
      <button type="button" aria-label=${'Retirer la condition ' + (i + 1)}
        @click=${() => this.change((rules) => rules[r].conditions.splice(i, 1))}>Retirer</button>
    </div>`;
  }

  actionRow(rule, r, a, i) {
    const kind = KINDS[a.kind];
    const set = (patch) => this.change((rules) => { rules[r].actions[i] = { ...rules[r].actions[i], ...patch }; });
    const choices = kind.value === 'dossier' ? this.paths().map((p) => [p, this.folderName(p)])
      : kind.value === 'etiquette' ? (this.labels || []).map((l) => [l.name, l.name]) : [];
    if (a.value && kind.value && !choices.some(([v]) => v === a.value)) {
      choices.push([a.value, a.value + ' (introuvable)']);
    }
    return html`<div class="ligne">
      <label>Action ${i + 1}<select @change=${(e) => set({ kind: e.target.value,
        value: KINDS[e.target.value].value === 'dossier' ? this.paths()[0] || ''
          : KINDS[e.target.value].value === 'etiquette' ? ((this.labels || [])[0] || {}).name || ''
            : KINDS[e.target.value].value === 'adresse' ? ''
              : KINDS[e.target.value].value === 'modele' ? RENAME_PATTERN : null,
        copy: e.target.value === 'FORWARD' ? true : null })}>
        ${Object.entries(KINDS).map(([id, k]) => html`<option value=${id} ?selected=${id === a.kind}>${k.name}</option>`)}
      </select></label>
      ${kind.value === 'adresse' ? html`<label>Adresse<input type="email" name="adresse" maxlength="254" .value=${a.value || ''}
          autocomplete="off" @input=${(e) => set({ value: e.target.value })}></label>
        <label class="case"><input type="checkbox" .checked=${a.copy !== false}
          @change=${(e) => set({ copy: e.target.checked })}> Garder une copie dans ma boîte</label>`
      : kind.value === 'modele' ? html`<label>Nouveau nom ({date}, {expéditeur}, {nom})<input type="text" name="modele"
          maxlength="200" .value=${a.value || ''} @input=${(e) => set({ value: e.target.value })}></label>`
      : kind.value ? html`<label>${kind.value === 'dossier' ? 'Dossier' : 'Étiquette'}
        <select @change=${(e) => set({ value: e.target.value })}>
          ${choices.map(([v, name]) => html`<option value=${v} ?selected=${v === a.value}>${name}</option>`)}
        </select></label>` : ''}
      <button type="button" aria-label=${'Retirer l\'action ' + (i + 1)} ?disabled=${rule.actions.length === 1}
        @click=${() => this.change((rules) => rules[r].actions.splice(i, 1))}>Retirer</button>
    </div>`;
  }

  editor(rule, r) {
    return html`
      <div class="ligne"><label>Nom de la règle<input type="text" name="nom" maxlength="200" .value=${rule.name || ''}
        @input=${(e) => this.change((rules) => { rules[r].name = e.target.value; })}></label>
      <label>Appliquer si<select @change=${(e) => this.change((rules) => { rules[r].match = e.target.value; })}>
        <option value="ALL" ?selected=${rule.match === 'ALL'}>toutes les conditions sont remplies</option>
        <option value="ANY" ?selected=${rule.match === 'ANY'}>au moins une condition est remplie</option>
      </select></label></div>
      <fieldset><legend>Conditions ${rule.conditions.length ? '' : '(aucune : tous les messages)'}</legend>
        ${rule.conditions.map((c, i) => this.conditionRow(rule, r, c, i))}
        <button type="button" @click=${() => this.change((rules) => rules[r].conditions.push(condition('SUBJECT')))}>Ajouter une condition</button>
      </fieldset>
      <fieldset><legend>Actions</legend>
        ${rule.actions.map((a, i) => this.actionRow(rule, r, a, i))}
        <button type="button" @click=${() => this.change((rules) => rules[r].actions.push({ kind: 'MARK_READ', value: null }))}>Ajouter une action</button>
      </fieldset>`;
  }

  drag(r) {
    return {
      start: (e) => { e.dataTransfer.setData('text/plain', String(r)); e.dataTransfer.effectAllowed = 'move'; },
      over: (e) => { e.preventDefault(); e.currentTarget.classList.add('dessus'); },
      leave: (e) => e.currentTarget.classList.remove('dessus'),
      drop: (e) => {
        e.preventDefault();
        e.currentTarget.classList.remove('dessus');
        const from = Number(e.dataTransfer.getData('text/plain'));
        if (!Number.isNaN(from) && from !== r) {
          this.change((rules) => rules.splice(r, 0, rules.splice(from, 1)[0]));
        }
      },
    };
  }

  ruleItem(rule, r) {
    const name = rule.name || 'Règle ' + (r + 1);
    const drag = this.drag(r);
    return html`<li id=${'regle-' + r} class=${(rule.enabled ? '' : 'eteinte ') + (this.wanted && rule.name === this.wanted ? 'voulue' : '')}
        draggable="true" @dragstart=${drag.start} @dragover=${drag.over} @dragleave=${drag.leave} @drop=${drag.drop}>
      <div class="tete">
        <h2 tabindex="-1">${r + 1}. ${name}</h2>
        <label class="case"><input type="checkbox" .checked=${rule.enabled}
          @change=${(e) => this.change((rules) => { rules[r].enabled = e.target.checked; })}> Active</label>
        <span class="outils">
          <button type="button" class="monter" aria-label=${'Monter « ' + name + ' »'} ?disabled=${r === 0}
            @click=${() => this.move(r, r - 1, 'monter')}>Monter</button>
          <button type="button" class="descendre" aria-label=${'Descendre « ' + name + ' »'} ?disabled=${r === this.rules.length - 1}
            @click=${() => this.move(r, r + 1, 'descendre')}>Descendre</button>
          <button type="button" aria-expanded=${this.editing === r ? 'true' : 'false'} aria-label=${'Modifier « ' + name + ' »'}
            @click=${() => { this.editing = this.editing === r ? null : r; }}>${this.editing === r ? 'Fermer' : 'Modifier'}</button>
          <button type="button" aria-label=${'Supprimer « ' + name + ' »'} @click=${() => this.deleteRule(r)}>Supprimer</button>
        </span>
      </div>
      <p class="phrase">${sentence(rule)}</p>
      ${this.error && this.error.rule === r ? html`<p class="erreur" role="alert">${this.error.text}</p>` : ''}
      ${this.editing === r ? this.editor(rule, r) : ''}
    </li>`;
  }

  rulesTab() {
    if (this.rules === null) {
      return html`<p class="carte">Vos règles utilisent des commandes Sieve que l'éditeur ne sait pas montrer.
        Elles s'appliquent normalement ; modifiez-les dans l'onglet « Avancé (Sieve) ».</p>`;
    }
    return html`
      ${this.rules.length ? '' : html`<p class="vide">Vous n'avez pas encore de règle. Les messages arrivent tous dans la boîte de réception.</p>`}
      <ol class="regles" aria-label="Vos règles, dans l'ordre où elles s'appliquent">
        ${repeat(this.rules, (rule) => rule.key, (rule, r) => this.ruleItem(rule, r))}</ol>
      <p class="etat">
        <button type="button" @click=${this.add}>Nouvelle règle</button>
        <span>${this.dirty ? html`<span class="nonsauve" role="status">Modifications non enregistrées</span>` : ''}
          <button type="button" class="principal" @click=${this.save}>Enregistrer les règles</button></span>
      </p>`;
  }

  advancedTab() {
    const e = this.scriptError;
    const line = e && e.line ? e.source.split('\n')[e.line - 1] : null;
    return html`
      <label for="script">Script Sieve (RFC 5228)</label>
      <textarea id="script" spellcheck="false" .value=${this.script} aria-describedby=${e ? 'erreur-script' : ''}></textarea>
      ${e ? html`<div id="erreur-script" class="erreur" role="alert">
        ${line !== null && line !== undefined ? html`<pre class="fautive">${e.line} │ ${line}</pre>` : ''}<p>${e.text}</p></div>` : ''}
      <p class="etat">
        <span><label>Importer un fichier .sieve<input type="file" accept=".sieve,.siv,.txt,application/sieve,text/plain"
          @change=${this.importFile}></label></span>
        <a href="/api/mail/rules/script" download="regles.sieve">Exporter (regles.sieve)</a>
        <button type="button" class="principal" @click=${this.saveScript}>Enregistrer le script</button>
      </p>
      <p class="discret">Extensions : fileinto, imap4flags, envelope, body, copy (redirect :copy), vacation, variables,
        relational, date… et « vnd.portail » (pièces jointes, leur renommage, messages du portail). Le script
        s'enregistre seulement s'il est valide.</p>`;
  }

  trialSection() {
    const inbox = (this.folders || []).find((f) => f.systemRole === 'INBOX');
    const touched = this.trial ? this.trial.items.filter((line) => line.actions.length) : [];
    return html`<section class="carte" aria-labelledby="titre-essai">
      <h2 id="titre-essai">Tester sur mes messages</h2>
      <form class="ligne" @submit=${this.tryOn}>
        <label>Dossier<select name="dossier">${(this.folders || []).map((f) => html`
          <option value=${f.id} ?selected=${inbox && f.id === inbox.id}>${f.name}</option>`)}</select></label>
        <label>Derniers messages<input type="number" name="nombre" min="1" max="200" value="50"></label>
        <button>Tester</button>
        <button type="button" @click=${this.applyTo}>Appliquer aux messages existants</button>
      </form>
      ${this.trial ? html`<p role="status">Sur ${plural('message', this.trial.items.length)}, ${this.trial.changed}
        ${this.trial.changed > 1 ? 'seraient concernés' : 'serait concerné'} par ces règles (rien n'a été modifié).</p>
        <ul class="essai" aria-label="Ce que feraient les règles">${touched.map((line) => html`<li>
          <strong>${line.subject || '(sans objet)'}</strong> — ${line.from || ''}, ${shortDate(line.receivedAt)}
          <br>${line.actions.map((t) => (t.rule ? 'Règle « ' + t.rule + ' » : ' : '') + t.action).join(' ; ')}</li>`)}</ul>` : ''}
    </section>`;
  }

  async saveReply(event) {
    event.preventDefault();
    const form = event.target.elements;
    this.error = null;
    try {
      this.reply = await api('/api/mail/auto-reply', { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({
        enabled: form.active.checked, startsAt: form.debut.value || null, endsAt: form.fin.value || null,
        subject: form.objet.value, internalText: form.interne.value, externalText: form.externe.value,
        days: Number(form.jours.value) }) });
      this.done = this.reply.enabled ? 'Réponse automatique enregistrée' + (this.reply.period ? ' : ' + this.reply.period : '') + '.'
        : 'Réponse automatique désactivée.';
    } catch (e) {
      this.fail(e);
    }
  }

  replyTab() {
    const r = this.reply || { enabled: false, subject: '', internalText: '', externalText: '', days: 7 };
    const local = (value) => (value ? value.slice(0, 16) : '');
    return html`<form class="carte" @submit=${this.saveReply} aria-label="Réponse automatique">
      <p>${r.active ? html`<strong>Active</strong> ${r.period}.` : r.enabled ? 'Programmée ' + r.period + '.'
        : 'Aucune réponse automatique n\'est envoyée.'}</p>
      <label class="case"><input type="checkbox" name="active" .checked=${r.enabled}> Répondre automatiquement aux messages reçus</label>
      <div class="ligne">
        <label>Du (heure de Paris)<input type="datetime-local" name="debut" .value=${local(r.startsAt)}></label>
        <label>Au (heure de Paris)<input type="datetime-local" name="fin" .value=${local(r.endsAt)}></label>
      </div>
      <label>Objet<input type="text" name="objet" maxlength="200" required .value=${r.subject}></label>
      <label>Texte pour les personnes de l'académie<textarea name="interne" required .value=${r.internalText}></textarea></label>
      <label>Texte pour les autres expéditeurs (vide : le même)<textarea name="externe" .value=${r.externalText || ''}></textarea></label>
      <label>Une même personne reçoit la réponse au plus une fois tous les
        <input type="number" name="jours" min="1" max="30" .value=${String(r.days)}> jours</label>
      <p class="discret">Jamais aux listes de diffusion, aux messages automatiques, aux adresses « ne pas répondre » ni aux
        indésirables (RFC 3834).</p>
      <button class="principal">Enregistrer la réponse automatique</button>
    </form>`;
  }

  /** What the académie's charter allows, accepting it, and the log of every change of the person's forwarding. */
  forwardingTab() {
    const f = this.forwarding;
    if (!f) {
      return html`<p role="status">Chargement…</p>`;
    }
    const domains = f.allowedDomains.join(', ');
    const allowed = f.external === 'FORBIDDEN' ? 'La charte de l\'académie ne permet pas de transférer le courrier hors de l\'académie.'
      : f.external === 'DOMAINS' ? 'Hors de l\'académie, vos règles ne peuvent transférer que vers : ' + domains + '.'
        : f.charter.acceptedAt ? 'Vous avez accepté la charte le ' + f.charter.acceptedWhen
          + ' : vos règles peuvent transférer vers l\'adresse de votre choix.'
          : 'Pour transférer hors de l\'académie (sauf vers ' + domains + '), lisez et acceptez la charte ci-dessous.';
    return html`<section class="carte" aria-labelledby="titre-charte">
        <h2 id="titre-charte">Ce que permet l'académie</h2>
        <p>Dans l'académie, vos règles peuvent toujours transférer. ${allowed}
          Les messages du portail (Colibris, I-Prof) ne quittent jamais l'académie. Pour transférer, ajoutez l'action
          « Transférer à » à une règle.</p>
        ${f.external === 'CHARTER' ? html`<details ?open=${!f.charter.acceptedAt}>
          <summary>Charte de transfert (version ${f.charter.version})</summary>
          <div class="charte">${f.charter.text.split('\n').filter((p) => p.trim()).map((p) => html`<p>${p}</p>`)}</div>
          ${f.charter.acceptedAt ? '' : html`<button type="button" class="principal" @click=${this.acceptCharter}>J'accepte la charte</button>`}
        </details>` : ''}
      </section>
      <section class="carte" aria-labelledby="titre-journal">
        <h2 id="titre-journal">Journal de vos transferts</h2>
        ${this.journal && this.journal.length ? html`<ul class="essai">${this.journal.map((e) => html`<li>
          <strong>Le ${e.when}</strong> — ${e.change}</li>`)}</ul>`
          : html`<p class="vide">Aucun transfert n'a encore été créé ni modifié.</p>`}
        <p class="discret">Ce journal est aussi consultable par les administrateurs de l'académie.</p>
      </section>`;
  }

  render() {
    const general = this.error && this.error.rule == null ? this.error.text
      : this.error ? 'Une règle est à corriger : ' + this.error.text : null;
    return html`
      <h1>Règles de tri</h1>
      <p><a href="/messagerie">← Retour à la messagerie</a></p>
      <div class="etat carte">
        ${this.suspended ? html`<p class="suspendues" role="status">Toutes vos règles sont suspendues : aucune ne s'applique.</p>`
          : html`<p>Vos règles s'appliquent, dans l'ordre, à chaque message qui arrive.</p>`}
        <button type="button" @click=${() => this.suspend(!this.suspended)}>${this.suspended ? 'Réactiver les règles'
          : 'Suspendre toutes les règles'}</button>
      </div>
      ${this.failure ? html`<p class="erreur" role="alert">${this.failure.detail} (le ${this.failure.when}).
        Le message est arrivé là où il serait arrivé sans vos règles ; corrigez-les puis enregistrez-les.</p>` : ''}
      ${general ? html`<p class="erreur" role="alert">${general}</p>` : ''}
      ${this.done ? html`<p class="fait" role="status">${this.done}</p>` : ''}
      <div role="tablist" aria-label="Éditeur">
        ${[['regles', 'Règles'], ['reponse', 'Réponse automatique'], ['transferts', 'Transferts'],
          ['avance', 'Avancé (Sieve)']].map(([id, name]) => html`<button role="tab" id=${'onglet-' + id}
          aria-selected=${this.tab === id ? 'true' : 'false'} aria-controls="panneau-regles"
          @click=${() => this.openTab(id)}>${name}</button>`)}
      </div>
      <div role="tabpanel" id="panneau-regles" aria-labelledby=${'onglet-' + this.tab}>
        ${this.tab === 'regles' ? this.rulesTab() : this.tab === 'reponse' ? this.replyTab()
          : this.tab === 'transferts' ? this.forwardingTab() : this.advancedTab()}</div>
      ${this.folders && (this.tab === 'regles' || this.tab === 'avance') ? this.trialSection() : ''}`;
  }
}

customElements.define('page-regles', PageRegles);
