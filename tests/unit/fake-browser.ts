import english from '../../public/_locales/en/messages.json';
import italian from '../../public/_locales/it/messages.json';

/**
 * An in-memory stand-in for the parts of the WebExtension API the extension uses, for unit tests.
 * `i18n` reads the real `_locales` files, so tests see the same strings the browser would show.
 */
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const CATALOGS: Record<string, Catalog> = { en: english, it: italian };

export const EXTENSION_ID = 'page-outreach-test-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

function localize(catalog: Catalog, key: string, substitutions: string | string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_match, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, index: string) => values[Number(index) - 1] ?? '');
  });
}

class FakeStorageArea {
  private items = new Map<string, unknown>();
  async get(key: string | null): Promise<Record<string, unknown>> {
    if (key === null) return structuredClone(Object.fromEntries(this.items));
    return this.items.has(key) ? { [key]: structuredClone(this.items.get(key)) } : {};
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.items.delete(key);
  }
  async set(values: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(values)) this.items.set(key, structuredClone(value));
  }
  clear(): void {
    this.items.clear();
  }
}

export const fakeBrowser = {
  uiLanguage: 'en',
  /** Whether `action.openPopup` succeeds, as it does in Chrome with a focused window. */
  popupOpens: true,
  badge: { text: '', title: '', color: '' },
  i18n: {
    getMessage: (key: string, substitutions?: string | string[]) =>
      localize(CATALOGS[fakeBrowser.uiLanguage] ?? english, key, substitutions),
    getUILanguage: () => fakeBrowser.uiLanguage,
  },
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => `${EXTENSION_ORIGIN}${path.replace(/^\//, '')}`,
  },
  storage: { session: new FakeStorageArea(), local: new FakeStorageArea() },
  /** The tab the admin is looking at, as `tabs.query({ active: true })` reports it. */
  activeTabId: null as number | null,
  /** What the content script of a tab answers; throws like the browser when no script listens. */
  tabReplies: null as ((tabId: number, message: unknown) => unknown) | null,
  /** Messages sent to tabs, oldest first. */
  tabMessages: [] as Array<{ tabId: number; message: unknown }>,
  tabs: {
    query: async () => (fakeBrowser.activeTabId === null ? [] : [{ id: fakeBrowser.activeTabId }]),
    sendMessage: async (tabId: number, message: unknown) => {
      fakeBrowser.tabMessages.push({ tabId, message });
      if (!fakeBrowser.tabReplies)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return fakeBrowser.tabReplies(tabId, message);
    },
  },
  action: {
    setBadgeText: async ({ text }: { text: string }) => void (fakeBrowser.badge.text = text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void (fakeBrowser.badge.color = color),
    setTitle: async ({ title }: { title: string }) => void (fakeBrowser.badge.title = title),
    openPopup: async () => {
      if (!fakeBrowser.popupOpens) throw new Error('Could not find an active browser window.');
    },
  },
  reset(): void {
    fakeBrowser.uiLanguage = 'en';
    fakeBrowser.popupOpens = true;
    fakeBrowser.activeTabId = null;
    fakeBrowser.tabReplies = null;
    fakeBrowser.tabMessages = [];
    fakeBrowser.badge = { text: '', title: '', color: '' };
    fakeBrowser.storage.session.clear();
    fakeBrowser.storage.local.clear();
  },
};

export default fakeBrowser;
