import { api } from '../api.js';
import { person } from './format.js';

// The mailbox live: mail-service's server-sent events, relayed as a stream by the gateway, name the folders that
// changed (a delivery, a move elsewhere, another device). EventSource is the standard for a one-way stream: it sends
// the session cookie and reconnects by itself (mail-service ends each stream with its token, the gateway's next
// relay carries a fresh one). Only a refusal closes it for good: the session has ended, which the API call below
// then turns into a new sign-in.
export class LiveMailbox {
  constructor(onChange) {
    this.onChange = onChange;
  }

  start() {
    this.stopped = false;
    this.source = new EventSource('/api/mail/events');
    this.source.addEventListener('changement', (event) => this.onChange(JSON.parse(event.data).folders));
    this.source.addEventListener('error', () => {
      if (this.source.readyState === EventSource.CLOSED && !this.stopped) {
        this.source = null;
        this.retry = setTimeout(() => api('/api/me').then(() => this.stopped || this.start(), () => {}), 30_000);
      }
    });
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    if (this.source) {
      this.source.close();
    }
  }
}

const CHOICE = 'portail.notifications';

// The browser's notifications of a new message: off until the person turns them on (the browser asks her then, never
// before); the choice stays on this device only, and holds no personal data.
export const notifications = {
  supported() {
    return 'Notification' in window;
  },

  enabled() {
    return this.supported() && Notification.permission === 'granted' && localStorage.getItem(CHOICE) === 'oui';
  },

  /** Turns them on (asking the browser's permission) or off; whether they are on now. */
  async toggle() {
    if (this.enabled()) {
      localStorage.removeItem(CHOICE);
      return false;
    }
    if (await Notification.requestPermission() !== 'granted') {
      return false;
    }
    localStorage.setItem(CHOICE, 'oui');
    return true;
  },

  /** A new message, said while the person looks elsewhere (another tab, another window). */
  tell(message) {
    if (!this.enabled() || (document.visibilityState === 'visible' && document.hasFocus())) {
      return;
    }
    const notice = new Notification('Nouveau message – Portail agents', { body: person(message.from) + ' : '
      + (message.subject || '(sans objet)'), tag: 'portail-nouveau-message', icon: '/icones/portail-192.png' });
    notice.addEventListener('click', () => window.focus());
  },
};
