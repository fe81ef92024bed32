import { fakeBrowser as core } from '@webext-core/fake-browser';
import english from '../../public/_locales/en/messages.json';
import italian from '../../public/_locales/it/messages.json';
// The worker's other browser APIs: Web Locks, which Node lacks.
import './web-locks';

/**
 * The WebExtension API for unit tests: `@webext-core/fake-browser`'s in-memory storage, runtime and
 * events (which tests can `trigger`), plus what it leaves out and the extension uses. `i18n` reads
 * the real `_locales` files, so tests see the same strings the browser would show.
 */
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const CATALOGS: Record<string, Catalog> = { en: english, it: italian };

export const EXTENSION_ID = core.runtime.id;
export const EXTENSION_ORIGIN = core.runtime.getURL('/');

function localize(catalog: Catalog, key: string, substitutions: string | string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_match, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, index: string) => values[Number(index) - 1] ?? '');
  });
}

/** What tests set or read beside the browser's own state; `reset` brings it back. */
const initialExtras = () => ({
  uiLanguage: 'en',
  /** Whether `action.openPopup` succeeds, as it does in Chrome with a focused window. */
  popupOpens: true,
  badge: { text: '', title: '', color: '' },
  /** The tab the admin is looking at, as `tabs.query({ active: true })` reports it. */
  activeTabId: null as number | null,
  /** What the content script of a tab answers; throws like the browser when no script listens. */
  tabReplies: null as ((tabId: number, message: unknown) => unknown) | null,
  /** Messages sent to tabs, oldest first. */
  tabMessages: [] as Array<{ tabId: number; message: unknown }>,
});

export const fakeBrowser = Object.assign(core, initialExtras(), {
  reset(): void {
    core.storage.resetState();
    core.runtime.resetState();
    Object.assign(fakeBrowser, initialExtras());
  },
});

Object.assign(core.i18n, {
  getMessage: (key: string, substitutions?: string | string[]) =>
    localize(CATALOGS[fakeBrowser.uiLanguage] ?? english, key, substitutions),
  getUILanguage: () => fakeBrowser.uiLanguage,
});
Object.assign(core.tabs, {
  query: async () => (fakeBrowser.activeTabId === null ? [] : [{ id: fakeBrowser.activeTabId }]),
  sendMessage: async (tabId: number, message: unknown) => {
    fakeBrowser.tabMessages.push({ tabId, message });
    if (!fakeBrowser.tabReplies)
      throw new Error('Could not establish connection. Receiving end does not exist.');
    return fakeBrowser.tabReplies(tabId, message);
  },
});
Object.assign(core.action, {
  setBadgeText: async ({ text }: { text: string }) => void (fakeBrowser.badge.text = text),
  setBadgeBackgroundColor: async ({ color }: { color: string }) => void (fakeBrowser.badge.color = color),
  setTitle: async ({ title }: { title: string }) => void (fakeBrowser.badge.title = title),
  openPopup: async () => {
    if (!fakeBrowser.popupOpens) throw new Error('Could not find an active browser window.');
  },
});

/**
 * Has the stand-in runtime answer a content script's messages of one type, as the background would:
 * Chrome's way, through sendResponse after returning true, which is how the stand-in relays a reply.
 */
export function answerMessages<M extends { type: string }>(
  type: M['type'],
  answer: (message: M) => unknown,
): void {
  type Listener = (message: M, sender: unknown, reply: (response: unknown) => void) => boolean;
  const listener: Listener = (message, _sender, reply) => {
    if (message.type !== type) return false;
    reply(answer(message));
    return true;
  };
  core.runtime.onMessage.addListener(listener as never);
}

export default fakeBrowser;
