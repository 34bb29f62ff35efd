import { LitElement, html, css } from 'lit';
import { cssom } from '../css.js';
import { api } from '../api.js';
import { shortDate, person, size } from '../mail/format.js';
import { DRAG } from '../mail/folders.js';
import '../mail/folders.js';
import '../mail/reader.js';
import '../mail/compose.js';
import '../mail/picker.js';
import { shortcutsEnabled } from '../mail/shortcuts.js';
import '../mail/manage.js';
import { LiveMailbox, notifications } from '../mail/live.js';
import { onRoute } from '../router.js';
import { plural } from '../words.js';
import { touchStyles } from '../styles.js';

const ACTIONS_DONE = { ARCHIVE: ['archivé', 'archivés'], RESTORE: ['restauré', 'restaurés'],
  TRASH: ['mis à la corbeille', 'mis à la corbeille'], MOVE: ['déplacé', 'déplacés'], LABEL: ['étiqueté', 'étiquetés'],
  DELETE_FOREVER: ['supprimé définitivement', 'supprimés définitivement'],
  REPORT_PHISHING: ['signalé à la sécurité de l\'académie et placé dans les indésirables',
    'signalés à la sécurité de l\'académie et placés dans les indésirables'],
  NOT_JUNK: ['remis dans la boîte de réception ; son expéditeur est désormais de confiance',
    'remis dans la boîte de réception ; leurs expéditeurs sont désormais de confiance'] };

// The webmail: three panes (folders and labels, the list, the reading pane), the editor, keyboard shortcuts
// ("?" lists them), drag and drop onto folders and labels. Every action is also a button or a link.
class PageMessagerie extends LitElement {
  static properties = {
    folders: { state: true }, labels: { state: true }, mailbox: { state: true },
    view: { state: true }, items: { state: true }, nextCursor: { state: true }, conversations: { state: true },
    focused: { state: true }, selected: { state: true }, message: { state: true }, thread: { state: true },
    error: { state: true }, notice: { state: true }, autoReply: { state: true }, rulesFailure: { state: true },
    notifying: { state: true },
  };

  static styles = [touchStyles, css`
    :host { display: block; }
    .reponse-auto { background: #fff4e5; border-left: 4px solid #b34000; padding: .5rem .75rem; margin: 0 0 .75rem; color: #6b3d00; }
    .reponse-auto a { color: #6b3d00; font-weight: 600; }
    .webmail { display: grid; grid-template-columns: 14rem minmax(18rem, 26rem) 1fr; gap: 1rem; align-items: start; }
    .panneau { background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.1); padding: .75rem; min-width: 0; }
    .liste-entete { display: flex; flex-direction: column; gap: .5rem; margin-bottom: .5rem; }
    form.recherche { display: flex; gap: .25rem; }
    form.recherche input { flex: 1; padding: .4rem; font: inherit; }
    .barre { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; font-size: .9rem; }
    ul.messages { list-style: none; margin: 0; padding: 0; outline: none; }
    ul.messages:focus-visible { outline: 2px solid var(--bleu, #000091); }
    ul.messages li { display: grid; grid-template-columns: auto 1fr auto; gap: .1rem .5rem; padding: .45rem .4rem;
      border-bottom: 1px solid #eee; cursor: pointer; }
    ul.messages li.courant { box-shadow: inset 3px 0 0 var(--bleu, #000091); background: #f5f5fe; }
    ul.messages li[aria-selected="true"] { background: var(--bleu-clair, #e3e3fd); }
    ul.messages li.non-lu .qui, ul.messages li.non-lu .sujet { font-weight: 700; }
    .qui { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .date { color: var(--gris, #666); font-size: .85rem; white-space: nowrap; }
    .resume { grid-column: 2 / 4; color: var(--gris, #666); font-size: .88rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .sujet { color: var(--texte, #161616); }
    .etiquette { border-radius: 3px; padding: 0 .35rem; color: #fff; font-size: .75rem; margin-right: .2rem; }
    .signes { font-size: .85rem; }
    mark { background: #fff3a0; }
    .erreur { background: #ffe9e9; border-left: 4px solid var(--rouge, #ce0500); padding: .6rem .9rem; }
    .avis { position: fixed; bottom: 1.5rem; left: 50%; transform: translateX(-50%); background: #222; color: #fff;
      padding: .7rem 1rem; border-radius: 4px; display: flex; gap: 1rem; align-items: center; z-index: 10; }
    .avis button { background: none; border: 1px solid #fff; color: #fff; border-radius: 3px; padding: .2rem .6rem; }
    .discret { color: var(--gris, #666); }
    .titre-page { font-size: 1rem; color: var(--gris, #666); margin: 0 0 .5rem; }
    #titre-liste { margin: 0; font-size: 1.1rem; }
    .suite { margin-top: .5rem; }
    .conversation { list-style: none; padding: 0; margin: 0 0 .75rem; font-size: .9rem; }
    .conversation a { color: inherit; }
    label.choix { display: flex; align-items: center; }
    button.notifier { margin-top: .75rem; width: 100%; text-align: left; background: none; border: 1px solid #ccc;
      border-radius: 4px; padding: .35rem .5rem; font: inherit; }
    button.notifier[aria-pressed="true"] { border-color: var(--bleu, #000091); color: var(--bleu, #000091); }
    button.retour, button.tiroir { display: none; }
    dialog.tiroir { margin: 0 auto 0 0; height: 100%; max-height: 100%; width: min(20rem, 85vw); box-sizing: border-box;
      border: none; padding: .75rem; }
    dialog.tiroir::backdrop { background: rgba(0,0,0,.4); }
    dialog.tiroir form { text-align: right; margin-bottom: .5rem; }
    /* a tablet: the list or the message, the folders beside them; a phone: one pane at a time, the folders in a drawer */
    @media (max-width: 1100px) {
      .webmail { grid-template-columns: 12rem 1fr; }
      .webmail.lecture .liste { display: none; }
      .webmail:not(.lecture) .lecteur { display: none; }
      button.retour { display: block; margin-bottom: .75rem; }
    }
    @media (max-width: 700px) {
      .webmail { grid-template-columns: 1fr; }
      .webmail .dossiers { display: none; }
      button.tiroir { display: block; flex: none; }
      .liste-entete .ligne { display: flex; gap: .5rem; }
      .liste-entete .ligne form { flex: 1; min-width: 0; }
      .liste-entete .ligne form input { min-width: 0; }
      .panneau { padding: .5rem; }
      .avis { left: .5rem; right: .5rem; transform: none; bottom: .5rem; }
    }
  `];

  constructor() {
    super();
    this.items = [];
    this.selected = new Set();
    this.focused = 0;
    this.conversations = false;
    this.keys = (event) => this.keyboard(event);
    this.live = new LiveMailbox((folders) => this.changed(folders));
    this.notifying = notifications.enabled();
    // the browser's Back closes the message open (the phone's Back button above all), as it would leave a page
    this.back = () => {
      if (this.message && !this.reading()) {
        this.message = null;
        this.thread = null;
        this.focusList();
      }
    };
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('keydown', this.keys);
    addEventListener('popstate', this.back);
    // "Messagerie" in the menu, clicked from the mailbox itself: back to the inbox, out of a search
    this.unsubscribe = onRoute((route, how) => {
      if (how && how.again && location.pathname === '/messagerie') {
        this.home();
      }
    });
    this.start();
    this.live.start();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.keys);
    removeEventListener('popstate', this.back);
    this.unsubscribe();
    this.live.stop();
    super.disconnectedCallback();
  }

  async start() {
    // the banners only: an auto-reply on, rules that could not run
    api('/api/mail/auto-reply').then((reply) => { this.autoReply = reply; }, () => {});
    api('/api/mail/rules').then((rules) => { this.rulesFailure = rules.failure; }, () => {});
    try {
      await this.refreshFolders();
      const inbox = this.folders.find((f) => f.systemRole === 'INBOX');
      await this.show({ kind: 'folder', id: inbox.id });
    } catch (e) {
      this.error = e.message;
    }
  }

  home() {
    const inbox = this.folders && this.folders.find((f) => f.systemRole === 'INBOX');
    const search = this.renderRoot.querySelector('form.recherche input');
    if (search) {
      search.value = '';
    }
    if (inbox) {
      this.pick({ kind: 'folder', id: inbox.id });
    }
  }

  async refreshFolders() {
    const [folders, labels, mailbox] = await Promise.all([api('/api/mail/folders'), api('/api/mail/labels'),
      api('/api/mail/mailbox')]);
    this.folders = folders.items;
    this.labels = labels.items;
    this.mailbox = mailbox;
  }

  /** The inbox's unread count, for the tab's title (the layout writes it). */
  updated(changed) {
    if (changed.has('folders') && this.folders) {
      const inbox = this.folders.find((f) => f.systemRole === 'INBOX');
      this.dispatchEvent(new CustomEvent('non-lus', { detail: inbox ? inbox.unread : 0, bubbles: true, composed: true }));
    }
  }

  /**
   * A folder changed elsewhere (a delivery, another device): the counts again, and the list when it shows that
   * folder, keeping what the person had chosen in it; a new unread message in the inbox may be notified.
   */
  async changed(folders) {
    if (!this.folders || !this.view) {
      return;
    }
    const unread = this.folders.find((f) => f.systemRole === 'INBOX').unread;
    try {
      await this.refreshFolders();
      if (this.view.kind !== 'folder' || folders.includes(this.view.id)) {
        const selected = this.selected;
        await this.reload();
        this.selected = new Set(this.items.filter((item) => selected.has(item.id)).map((item) => item.id));
      }
      const inbox = this.folders.find((f) => f.systemRole === 'INBOX');
      if (inbox.unread > unread && this.notifying) {
        const newest = await api('/api/mail/folders/' + inbox.id + '/messages?limit=1');
        if (newest.items.length && newest.items[0].unread) {
          notifications.tell(newest.items[0]);
        }
      }
    } catch (e) {
      // the next change, or the next action, shows it
    }
  }

  async toggleNotifications() {
    this.notifying = await notifications.toggle();
  }

  notificationsButton() {
    return notifications.supported() ? html`<button class="notifier" aria-pressed=${this.notifying ? 'true' : 'false'}
      @click=${this.toggleNotifications}>Me prévenir des nouveaux messages</button>` : '';
  }

  folder(id) {
    return (this.folders || []).find((f) => f.id === id);
  }

  /** Lists a folder, a label, search results, drafts or the largest messages. */
  async show(view, more = false) {
    this.error = null;
    if (!more) {
      this.view = view;
      this.items = [];
      this.selected = new Set();
      this.focused = 0;
      this.message = null;
    }
    await this.load(view, more);
  }

  /** The list's messages (the next page when {@code more}), leaving the rest of the page as it is. */
  async load(view, more) {
    const cursor = more && this.nextCursor ? '&cursor=' + encodeURIComponent(this.nextCursor) : '';
    try {
      let page;
      const folder = view.kind === 'folder' ? this.folder(view.id) : null;
      if (folder && folder.systemRole === 'DRAFTS') {
        page = await this.drafts(folder.id, more, cursor);
      } else if (view.kind === 'folder') {
        page = this.conversations
          ? await api('/api/mail/folders/' + view.id + '/conversations?limit=50' + cursor)
          : await api('/api/mail/folders/' + view.id + '/messages?limit=50' + cursor);
        if (this.conversations) {
          page.items = page.items.map((c) => ({ ...c.latest, count: c.count, participants: c.participants }));
        }
      } else if (view.kind === 'label') {
        page = await api('/api/mail/labels/' + view.id + '/messages?limit=50' + cursor);
      } else if (view.kind === 'search') {
        page = await api('/api/mail/search?q=' + encodeURIComponent(view.q) + '&limit=50' + cursor);
        page.items = page.items.map((r) => ({ ...r.message, headline: r.headline }));
      } else {
        page = await api('/api/mail/mailbox/largest?limit=50');
        page.items = page.items.map((l) => ({ ...l.message, size: l.size, attachments: l.attachments }));
      }
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (e) {
      this.error = e.message;
    }
  }

  /**
   * Brouillons: the web page's drafts first (opened in the editor), then the messages mail programs saved there
   * (Thunderbird or a phone, by IMAP APPEND: opened in the reader).
   */
  async drafts(folderId, more, cursor) {
    if (!more) {
      this.draftsDone = false;
    }
    if (this.draftsDone) {
      return api('/api/mail/folders/' + folderId + '/messages?limit=50' + cursor);
    }
    const drafts = await api('/api/mail/drafts?limit=50' + cursor);
    const items = drafts.items.map((d) => ({ draft: d, id: d.id, subject: d.subject, from: { address: '' },
      date: d.updatedAt, snippet: d.state === 'SCHEDULED' ? 'Envoi programmé' : 'Brouillon', labels: [] }));
    if (drafts.nextCursor) {
      return { items, nextCursor: drafts.nextCursor };
    }
    this.draftsDone = true;
    const saved = await api('/api/mail/folders/' + folderId + '/messages?limit=50');
    return { items: [...items, ...saved.items], nextCursor: saved.nextCursor };
  }

  title() {
    const v = this.view;
    if (!v) {
      return '';
    }
    if (v.kind === 'folder') {
      return (this.folder(v.id) || {}).name;
    }
    if (v.kind === 'label') {
      return 'Étiquette « ' + ((this.labels.find((l) => l.id === v.id) || {}).name) + ' »';
    }
    return v.kind === 'search' ? 'Résultats pour « ' + v.q + ' »' : 'Les plus gros messages';
  }

  /** The messages an action applies to: the selection, or else the message open or under the cursor. */
  targets() {
    if (this.selected.size) {
      return [...this.selected];
    }
    if (this.message) {
      return [this.message.id];
    }
    const item = this.items[this.focused];
    return item && !item.draft ? [item.id] : [];
  }

  async act(action, extra = {}, ids = this.targets()) {
    if (!ids.length) {
      return;
    }
    try {
      await api('/api/mail/messages/actions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action, ids, ...extra }) });
      const leaves = action === 'DELETE_FOREVER' || (['ARCHIVE', 'TRASH', 'MOVE', 'RESTORE', 'REPORT_PHISHING', 'NOT_JUNK']
        .includes(action) && this.view.kind === 'folder');
      if (leaves && this.message && ids.includes(this.message.id)) {
        this.closeReader();
      }
      if (ACTIONS_DONE[action]) {
        this.say((ids.length > 1 ? ids.length + ' messages ' : 'Message ') + ACTIONS_DONE[action][ids.length > 1 ? 1 : 0] + '.');
      }
      this.selected = new Set();
      await Promise.all([this.refreshFolders(), this.reload()]);
      if (this.message && !leaves) {
        this.message = await api('/api/mail/messages/' + this.message.id);
      }
    } catch (e) {
      this.error = e.message;
    }
  }

  /**
   * The list again, as it is now on the server: the message open stays open and the cursor stays on its message (a
   * delivery may have come in above it meanwhile), or at its place when that message has gone.
   */
  async reload() {
    const focused = this.focused;
    const focusedId = this.items[focused] && this.items[focused].id;
    this.error = null;
    await this.load(this.view, false);
    const index = this.items.findIndex((item) => item.id === focusedId);
    this.focused = index >= 0 ? index : Math.min(focused, Math.max(this.items.length - 1, 0));
  }

  async open(index) {
    const item = this.items[index];
    if (!item) {
      return;
    }
    this.focused = index;
    if (item.draft) {
      this.renderRoot.querySelector('mail-compose').open(item.draft);
      return;
    }
    try {
      this.message = await api('/api/mail/messages/' + item.id);
      this.thread = this.conversations && item.count > 1
        ? (await api('/api/mail/conversations/' + item.threadId)).items : null;
      if (this.message.unread) {
        await api('/api/mail/messages/actions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ action: 'READ', ids: [item.id] }) });
        item.unread = false;
        // the counts change here without asking the server again (one call per message opened, not four)
        this.folders = this.folders.map((f) => (f.id === this.message.folderId ? { ...f, unread: Math.max(0, f.unread - 1) } : f));
      }
      if (!this.reading()) {
        history.pushState({ lecture: true }, ''); // same address: Back comes to the list
      }
      await this.updateComplete;
      this.renderRoot.querySelector('mail-reader').focus();
    } catch (e) {
      this.error = e.message;
    }
  }

  /** The person chose another list (a folder, a label, a search): the message open closes. */
  pick(view) {
    this.closeReader();
    this.show(view);
  }

  /** Whether the history's current entry is the one opening a message pushed. */
  reading() {
    return Boolean(history.state && history.state.lecture);
  }

  /** Back to the list: the entry a message pushed is left too, so that the next Back leaves the webmail. */
  closeReader() {
    this.message = null;
    this.thread = null;
    if (this.reading()) {
      history.back();
    }
  }

  async focusList() {
    await this.updateComplete;
    this.renderRoot.querySelector('ul.messages')?.focus();
  }

  /** A choice in the drawer of folders: the drawer closes first, so the focus returns to the page. */
  fromDrawer(action) {
    this.renderRoot.querySelector('dialog.tiroir').close();
    action();
  }

  async reply(all) {
    if (this.message) {
      this.edit(await api('/api/mail/messages/' + this.message.id + '/reply?all=' + all, { method: 'POST' }));
    }
  }

  async forward() {
    if (this.message) {
      this.edit(await api('/api/mail/messages/' + this.message.id + '/forward', { method: 'POST' }));
    }
  }

  async compose() {
    this.edit(await api('/api/mail/drafts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }));
  }

  /** The editor on a draft made for this very editing ({@code fresh}: closed untouched, it is not kept). */
  edit(draft, fresh = true) {
    this.renderRoot.querySelector('mail-compose').open(draft, fresh);
  }

  /** After "Envoyer": the undo window (or the date chosen), with "Annuler" while it lasts. */
  sent(draft) {
    const wait = new Date(draft.sendAt).getTime() - Date.now();
    if (wait > 60_000) {
      this.say('Message programmé pour le ' + new Date(draft.sendAt).toLocaleString('fr-FR') + '.', draft.id);
    } else {
      this.say('Envoi du message…', draft.id, wait);
      setTimeout(() => this.refreshFolders().catch(() => {}), wait + 1500);
    }
  }

  say(text, undoDraft = null, duration = 6000) {
    clearTimeout(this.noticeTimer);
    this.notice = { text, undoDraft };
    this.noticeTimer = setTimeout(() => { this.notice = null; }, Math.max(duration, 4000));
  }

  async undo() {
    const id = this.notice.undoDraft;
    this.notice = null;
    try {
      this.edit(await api('/api/mail/drafts/' + id + '/cancel', { method: 'POST' }), false);
    } catch (e) {
      this.error = e.message;
    }
  }

  toggle(id) {
    const selected = new Set(this.selected);
    selected.has(id) ? selected.delete(id) : selected.add(id);
    this.selected = selected;
  }

  async move(step) {
    if (this.focused + step >= this.items.length && this.nextCursor) {
      await this.show(this.view, true); // past the last loaded message: the next page
    }
    this.focused = Math.max(0, Math.min(this.items.length - 1, this.focused + step));
    this.renderRoot.querySelector('#m-' + this.focused)?.scrollIntoView({ block: 'nearest' });
    if (this.message) {
      this.open(this.focused);
    }
  }

  keyboard(event) {
    const typing = event.composedPath().some((element) => element instanceof HTMLElement
      && (['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable
        || (element.tagName === 'DIALOG' && element.open)));
    if (typing || event.ctrlKey || event.metaKey || event.altKey || (event.key.length === 1 && !shortcutsEnabled())) {
      return;
    }
    const handlers = {
      j: () => this.move(1), k: () => this.move(-1), o: () => this.open(this.focused), Enter: () => this.open(this.focused),
      u: () => { this.closeReader(); this.focusList(); },
      x: () => this.items[this.focused] && this.toggle(this.items[this.focused].id),
      e: () => this.act('ARCHIVE'), '#': () => this.act('TRASH'),
      s: () => this.act(this.currentFlagged() ? 'UNFLAG' : 'FLAG'),
      I: () => this.act('READ'), U: () => this.act('UNREAD'),
      l: () => this.renderRoot.querySelector('#choix-etiquette').open(),
      v: () => this.renderRoot.querySelector('#choix-dossier').open(),
      r: () => this.reply(false), a: () => this.reply(true), f: () => this.forward(), c: () => this.compose(),
      '/': () => this.renderRoot.querySelector('#recherche').focus(),
      '?': () => this.renderRoot.querySelector('mail-shortcuts').open(),
    };
    const handler = handlers[event.key];
    if (handler) {
      event.preventDefault();
      handler();
    }
  }

  currentFlagged() {
    const item = this.message || this.items[this.focused];
    return item && item.flagged;
  }

  readerAction(event) {
    const { action, address, ...extra } = event.detail;
    const handlers = {
      reply: () => this.reply(false), replyAll: () => this.reply(true), forward: () => this.forward(),
      label: () => this.renderRoot.querySelector('#choix-etiquette').open(),
      move: () => this.renderRoot.querySelector('#choix-dossier').open(),
      trustSender: async () => {
        await api('/api/mail/trusted-senders', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ address }) });
        this.message = await api('/api/mail/messages/' + this.message.id);
      },
    };
    (handlers[action] || (() => this.act(action, extra)))();
  }

  dropped(event) {
    const { kind, id, ids } = event.detail;
    this.act(kind === 'folder' ? 'MOVE' : 'LABEL', kind === 'folder' ? { folderId: id } : { labelId: id }, ids);
  }

  headline(text) {
    // the server escaped the passage and marked the matches: read as an inert document, shown as text
    const body = new DOMParser().parseFromString(text, 'text/html').body;
    return [...body.childNodes].map((node) => node.nodeName === 'MARK' ? html`<mark>${node.textContent}</mark>` : node.textContent);
  }

  row(item, index) {
    const selected = this.selected.has(item.id);
    return html`<li id=${'m-' + index} role="row" aria-selected=${selected ? 'true' : 'false'}
        class=${(index === this.focused ? 'courant ' : '') + (item.unread ? 'non-lu' : '')}
        draggable=${item.draft ? 'false' : 'true'}
        @dragstart=${(e) => e.dataTransfer.setData(DRAG, JSON.stringify(selected ? [...this.selected] : [item.id]))}
        @click=${() => this.open(index)}>
      <span role="gridcell"><label class="choix" @click=${(e) => e.stopPropagation()}><input type="checkbox"
        aria-label=${'Sélectionner « ' + (item.subject || 'sans objet') + ' »'} .checked=${selected}
        @change=${() => this.toggle(item.id)}></label></span>
      <span class="qui" role="gridcell">${item.participants ? item.participants.join(', ') : person(item.from)}
        ${item.count > 1 ? html`<span class="discret">(${item.count})</span>` : ''}</span>
      <span class="date" role="gridcell">${item.size ? size(item.size) : shortDate(item.date)}</span>
      <span class="resume" role="gridcell">
        <span class="signes">${item.priority === 'HIGH' ? html`<span title="Priorité haute" aria-label="priorité haute">❗</span>` : ''}${item.flagged ? html`<span aria-label="suivi">★</span>` : ''}${item.hasAttachments ? html`<span aria-label="pièce jointe">📎</span>` : ''}</span>
        ${(item.labels || []).map((l) => html`<span class="etiquette" ${cssom({ background: l.color })}>${l.name}</span>`)}
        <span class="sujet">${item.subject || '(sans objet)'}</span> — ${item.headline ? this.headline(item.headline)
          : item.attachments && item.attachments.length ? item.attachments.map((a) => '📎 ' + a.fileName + ' (' + size(a.size) + ')').join(', ')
          : item.snippet}
      </span>
    </li>`;
  }

  render() {
    if (!this.folders) {
      return this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : html`<p class="discret">Chargement…</p>`;
    }
    const movable = this.folders.filter((f) => !['DRAFTS', 'SENT'].includes(f.systemRole));
    return html`
      <h1 class="titre-page">Messagerie</h1>
      ${this.autoReply && this.autoReply.active ? html`<p class="reponse-auto" role="status">Votre réponse automatique
        est activée${this.autoReply.period ? ' ' + this.autoReply.period : ''}.
        <a href="/messagerie/regles?onglet=reponse">Modifier ou désactiver</a></p>` : ''}
      ${this.rulesFailure ? html`<p class="reponse-auto" role="alert">Vos règles de tri n'ont pas pu s'appliquer à un
        message${this.rulesFailure.line ? ' (ligne ' + this.rulesFailure.line + ')' : ''}, le ${this.rulesFailure.when}.
        <a href="/messagerie/regles?onglet=avance">Voir mes règles</a></p>` : ''}
      ${this.error ? html`<p class="erreur" role="alert">${this.error}</p>` : ''}
      <div class=${'webmail' + (this.message ? ' lecture' : '')}>
        <div class="dossiers panneau">
          <mail-folders .folders=${this.folders} .labels=${this.labels} .mailbox=${this.mailbox} .current=${this.view}
            @pick=${(e) => this.pick(e.detail)} @drop-messages=${this.dropped} @compose=${this.compose}
            @manage=${() => this.renderRoot.querySelector('mail-manage').open()}></mail-folders>
          ${this.notificationsButton()}
        </div>
        <section class="liste panneau" aria-labelledby="titre-liste">
          <div class="liste-entete">
            <div class="ligne">
              <button class="tiroir" aria-haspopup="dialog" @click=${() => this.renderRoot.querySelector('dialog.tiroir').showModal()}>Dossiers</button>
              <form class="recherche" role="search" @submit=${(e) => { e.preventDefault(); const q = e.target.q.value.trim(); if (q) { this.pick({ kind: 'search', q }); } }}>
                <input id="recherche" name="q" type="search" aria-label="Rechercher dans la messagerie"
                  placeholder="Rechercher (ex. de:samir)">
                <button>Rechercher</button>
              </form>
            </div>
            <h2 id="titre-liste">${this.title()}</h2>
            <div class="barre" role="toolbar" aria-label="Actions sur la sélection">
              <span class="discret">${this.selected.size ? plural('sélectionné', this.selected.size) : ''}</span>
              <button @click=${() => this.act('ARCHIVE')}>Archiver</button>
              <button @click=${() => this.act('TRASH')}>Supprimer</button>
              <button @click=${() => this.act('READ')}>Lu</button>
              <button @click=${() => this.act('UNREAD')}>Non lu</button>
              <button @click=${() => this.act(this.currentFlagged() ? 'UNFLAG' : 'FLAG')}>Suivre</button>
              ${this.view && this.view.kind === 'folder' && (this.folder(this.view.id) || {}).systemRole === 'TRASH'
                ? html`<button class="restaurer" @click=${() => this.act('RESTORE')}>Restaurer</button>` : ''}
              ${this.view && this.view.kind === 'folder' ? html`<label><input type="checkbox" .checked=${this.conversations}
                @change=${(e) => { this.conversations = e.target.checked; this.show(this.view); }}> Conversations</label>` : ''}
              ${this.view && this.view.kind === 'folder' && ['TRASH', 'JUNK'].includes((this.folder(this.view.id) || {}).systemRole)
                ? html`<button @click=${this.emptyFolder}>Vider</button>` : ''}
              ${this.view && this.view.kind === 'largest' ? html`<button class="definitif" @click=${this.deleteForever}>Supprimer définitivement</button>` : ''}
              <button aria-label="Raccourcis clavier" title="?" @click=${() => this.renderRoot.querySelector('mail-shortcuts').open()}>?</button>
            </div>
          </div>
          ${this.view && this.view.kind === 'largest' ? html`<p class="discret">Les plus gros messages de tous vos dossiers.
            « Supprimer » les met à la corbeille, qui compte encore dans votre espace jusqu'à ce que vous la vidiez (elle se vide
            d'elle-même de ce qui y est depuis 30 jours) ;
            « Supprimer définitivement » libère l'espace tout de suite. Pour garder un message, téléchargez-le (.eml) depuis la lecture.</p>` : ''}
          ${this.view && this.view.kind === 'folder' && ['TRASH', 'JUNK'].includes((this.folder(this.view.id) || {}).systemRole)
            ? html`<p class="discret" id="duree-conservation">Les messages placés ici depuis plus de 30 jours sont supprimés
              définitivement.</p>` : ''}
          ${this.items.length === 0 ? html`<p class="discret">Aucun message.</p>` : html`
            <ul class="messages" role="grid" tabindex="0" aria-multiselectable="true" aria-label=${'Messages : ' + this.title()}
              aria-activedescendant=${'m-' + this.focused}>${this.items.map((item, i) => this.row(item, i))}</ul>`}
          ${this.nextCursor ? html`<button class="suite" @click=${() => this.show(this.view, true)}>Messages suivants</button>` : ''}
        </section>
        <section class="lecteur panneau" aria-label="Lecture">
          <button class="retour" @click=${() => { this.closeReader(); this.focusList(); }}>← ${this.title()}</button>
          ${this.thread ? html`<ul class="conversation" aria-label="Messages de la conversation">${this.thread.map((m) => html`
            <li><a href="#" @click=${async (e) => { e.preventDefault(); this.message = await api('/api/mail/messages/' + m.id); }}>
              ${person(m.from)} · ${shortDate(m.date)}</a></li>`)}</ul>` : ''}
          <mail-reader tabindex="-1" .message=${this.message} @mail-action=${this.readerAction}
            ?junk=${this.message && (this.folder(this.message.folderId) || {}).systemRole === 'JUNK'}></mail-reader>
        </section>
      </div>
      <dialog class="tiroir" aria-label="Dossiers et étiquettes">
        <form method="dialog"><button>Fermer</button></form>
        <mail-folders .folders=${this.folders} .labels=${this.labels} .mailbox=${this.mailbox} .current=${this.view}
          @pick=${(e) => this.fromDrawer(() => this.pick(e.detail))} @compose=${() => this.fromDrawer(() => this.compose())}
          @manage=${() => this.fromDrawer(() => this.renderRoot.querySelector('mail-manage').open())}></mail-folders>
        ${this.notificationsButton()}
      </dialog>
      <mail-compose @sent=${(e) => this.sent(e.detail)} @closed=${() => this.reload()}></mail-compose>
      <mail-picker id="choix-dossier" title="Déplacer vers…" .items=${movable}
        @choose=${(e) => this.act('MOVE', { folderId: e.detail })}></mail-picker>
      <mail-picker id="choix-etiquette" title="Étiqueter avec…" .items=${this.labels}
        @choose=${(e) => this.act('LABEL', { labelId: e.detail })}></mail-picker>
      <mail-shortcuts></mail-shortcuts>
      <mail-manage .folders=${this.folders} .labels=${this.labels} @changed=${this.managed}></mail-manage>
      ${this.notice ? html`<div class="avis" role="status">${this.notice.text}
        ${this.notice.undoDraft ? html`<button @click=${this.undo}>Annuler</button>` : ''}</div>` : ''}
    `;
  }

  /** After a folder or label changed in "Gérer": the panes again, back to the inbox if the list shown is gone. */
  async managed() {
    try {
      await this.refreshFolders();
      const gone = this.view.kind === 'folder' ? !this.folder(this.view.id)
        : this.view.kind === 'label' && !this.labels.some((l) => l.id === this.view.id);
      await (gone ? this.show({ kind: 'folder', id: this.folders.find((f) => f.systemRole === 'INBOX').id }) : this.reload());
    } catch (e) {
      this.error = e.message;
    }
  }

  deleteForever() {
    const ids = this.targets();
    if (ids.length && confirm('Supprimer définitivement ' + (ids.length > 1 ? 'ces ' + ids.length + ' messages' : 'ce message')
      + ' ? Ils ne pourront pas être récupérés.')) {
      this.act('DELETE_FOREVER', {}, ids);
    }
  }

  async emptyFolder() {
    if (confirm('Supprimer définitivement tous les messages de ce dossier ?')) {
      try {
        await api('/api/mail/folders/' + this.view.id + '/empty', { method: 'POST' });
        await Promise.all([this.refreshFolders(), this.reload()]);
      } catch (e) {
        this.error = e.message;
      }
    }
  }
}

customElements.define('page-messagerie', PageMessagerie);
