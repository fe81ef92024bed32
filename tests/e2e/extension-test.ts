import {
  test as base,
  expect,
  type BrowserContext,
  type Locator,
  type Page,
  type Request,
  type Worker,
} from '@playwright/test';
import { extensionId, launchWithExtension } from '../../scripts/browser.mjs';
import { fixtureResponse, routeFacebook } from '../fixtures/facebook-routes.mjs';
import { sightingsOf, type SightingChunk } from '../../src/background/discretion/sighting-chunks';

/** Where the extension's own pages and worker may send requests: itself, and the stubs tests start. */
const ALLOWED_EGRESS = [
  /^chrome-extension:\/\//,
  /^data:/,
  /^blob:/,
  /^http:\/\/127\.0\.0\.1:\d+\//,
  /^https:\/\/graph\.facebook\.com\//,
];

/** Requests the extension made to anywhere else, watched over a whole test. */
export interface EgressAudit {
  violations: string[];
}

function fromExtension(request: Request): boolean {
  if (request.serviceWorker()) return true;
  try {
    return request.frame().url().startsWith('chrome-extension://');
  } catch {
    return false;
  }
}

interface ExtensionFixtures {
  /** Every request from the extension's pages and worker; the test fails on one to a host not allowed. */
  egress: EgressAudit;
  /** The browser's UI language, which the extension's own strings follow. */
  uiLanguage: string;
  /** The window `npm start` opens (scripts/browser.mjs), rather than Playwright's fixed-size page. */
  demoWindow: boolean;
  /** Which build to load: the release one, or `dist/chrome-test` for tests that need its hooks. */
  extensionPath: string;
  extensionId: string;
  background: Worker;
  /** Opens the extension's popup page in a tab, as the toolbar button would show it. */
  openPopup: () => Promise<Page>;
}

/** Every test gets a fresh Chromium profile with the built extension and the facebook.com fixtures. */
export const test = base.extend<ExtensionFixtures>({
  uiLanguage: ['en', { option: true }],
  demoWindow: [false, { option: true }],
  extensionPath: ['dist/chrome', { option: true }],
  context: async ({ uiLanguage, extensionPath, demoWindow }, use) => {
    const context = await launchWithExtension({ language: uiLanguage, extensionPath, demoWindow });
    await routeFacebook(context);
    await use(context);
    await context.close();
  },
  egress: [
    async ({ context }, use) => {
      const audit: EgressAudit = { violations: [] };
      context.on('request', (request) => {
        if (fromExtension(request) && !ALLOWED_EGRESS.some((allowed) => allowed.test(request.url()))) {
          audit.violations.push(request.url());
        }
      });
      await use(audit);
      expect(audit.violations, 'requests from the extension to hosts it may not reach').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionId(context));
  },
  background: async ({ context, extensionId: id }, use) => {
    const worker = context.serviceWorkers().find((candidate) => candidate.url().includes(id));
    await use(worker ?? (await context.waitForEvent('serviceworker')));
  },
  openPopup: async ({ context, extensionId: id }, use) => {
    await use(async () => {
      // As when the extension opens the popup itself: only once a clicked comment is held as the target.
      for (const tab of context.pages()) {
        await expect(tab.locator('button[data-page-outreach="send-message"][aria-busy="true"]')).toHaveCount(
          0,
        );
      }
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/src/popup/index.html`);
      return popup;
    });
  },
});

export { expect };
export type { BrowserContext, Locator, Page, Worker };

/**
 * For the tests that work at scale (10,000 log entries, 100 sends in a row): room to finish on a loaded
 * 2-core CI machine, where the default minute and 10 s per expectation are too tight.
 */
export const HEAVY_TEST_TIMEOUT_MS = 240_000;
export const HEAVY_EXPECT_TIMEOUT_MS = 60_000;

/** Our injected actions on a facebook.com page. */
export function sendActions(page: Page): Locator {
  return page.locator('button[data-page-outreach="send-message"]');
}

interface DomNode {
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

interface AxNode {
  nodeId: string;
  backendDOMNodeId?: number;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

const attributeOf = (node: DomNode, name: string): string | undefined => {
  const at = node.attributes?.indexOf(name) ?? -1;
  return at >= 0 && at % 2 === 0 ? node.attributes![at + 1] : undefined;
};

/**
 * The status texts beside `fan`'s actions, in page order, as the admin sees them (a box with nothing
 * to say is left out). They are drawn by CSS inside closed shadow roots, which no page script (nor
 * Playwright's locators) can enter: the browser's own DOM inspection finds the boxes, and its
 * accessibility tree, which holds what is drawn, reads them.
 */
export async function fanStatusTexts(page: Page, fan: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const boxes: number[] = [];
    const visit = (node: DomNode): void => {
      if (attributeOf(node, 'data-page-outreach') === 'slot') {
        const children = node.children ?? [];
        const ours = children.some((child) => attributeOf(child, 'aria-label') === `Send message to ${fan}`);
        const box = children.find((child) => attributeOf(child, 'data-page-outreach') === 'status');
        if (ours && box) boxes.push(box.backendNodeId);
      }
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) visit(child);
    };
    visit(root);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const spoken = (node: AxNode): string =>
      node.role?.value === 'StaticText'
        ? (node.name?.value ?? '')
        : (node.childIds ?? []).map((id) => (byId.has(id) ? spoken(byId.get(id)!) : '')).join('');
    return boxes
      .map((box) => nodes.find((node) => node.backendDOMNodeId === box))
      .map((node) => (node ? spoken(node) : ''))
      .filter((text) => text !== '');
  } finally {
    await cdp.detach();
  }
}

/** Waits until the content script has had two animation frames to process what the page just did. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** The `chrome` namespace as the extension's own pages and worker see it, for tests that call it. */
export interface ExtensionGlobals {
  chrome: {
    runtime: { sendMessage: (message: unknown) => Promise<unknown> };
    storage: {
      session: {
        get: (
          key: string | null,
        ) => Promise<{ pendingTarget?: { comment: unknown } } & Record<string, unknown>>;
      };
    };
  };
}

/** The comment the background holds as the admin's pending target, or null. */
export async function pendingComment(background: Worker): Promise<unknown> {
  return background.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    return (await chrome.storage.session.get('pendingTarget')).pendingTarget?.comment ?? null;
  });
}

/** What the popup says once the message waits in Facebook's own message box for the admin's Send. */
export const PREPARED = /^The message is in Facebook's message box for /;

/** A category's tab in the compose view, by its label ("Promo", "Pre-ban warning"…). */
export function categoryTab(popup: Page, label: string): Locator {
  return popup.getByRole('tab', { name: new RegExp(`^${label}(\\s|$)`) });
}

/** Shows a category's tab in the compose view (by its label: "Promo", "Pre-ban warning"…). */
export async function showCategory(popup: Page, label: string): Promise<void> {
  await categoryTab(popup, label).click();
}

/** The one sentence the compose view says of a category, once its tab is shown. */
export async function categoryVerdict(popup: Page, label: string): Promise<Locator> {
  await showCategory(popup, label);
  return popup.locator('.verdict');
}

/** Opens the "Fan" disclosure: "do not contact", notes, forgetting the fan. */
/** In Settings, picks `backup` to replace everything here; the caller waits for the outcome it expects. */
export async function chooseBackupToRestore(options: Page, backup: Buffer): Promise<void> {
  await options.getByLabel('Replace everything here with the backup').check();
  await options.getByLabel('Restore a backup').setInputFiles({
    name: 'page-outreach-backup.json',
    mimeType: 'application/json',
    buffer: backup,
  });
}

export async function openFanDetails(popup: Page): Promise<void> {
  const details = popup.locator('details.fan');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/**
 * Picks a template in the popup (of `category`, if not the one shown), reviews and sends it, and waits
 * until it is in Facebook's box.
 */
export async function sendTemplate(popup: Page, title: string, category?: string): Promise<void> {
  if (category) await showCategory(popup, category);
  await popup.getByRole('radio', { name: title }).check();
  await popup.getByRole('button', { name: 'Review message' }).click();
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(popup.getByText(PREPARED)).toBeVisible();
}

/** Every record of one of the extension's IndexedDB stores, read straight from the worker. */
function storedRecords<T>(background: Worker, store: 'outreach' | 'sightingChunks'): Promise<T[]> {
  return background.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('page-outreach');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Everything in the outreach log, read straight from the extension's IndexedDB. */
export const storedEntries = (background: Worker) =>
  storedRecords<{
    fanName: string;
    commentId: string;
    status: string;
    createdAt: number;
    text: string;
    sentText?: string;
    author?: string;
  }>(background, 'outreach');

/** Fans' comments the background keeps for "did they come back?", a post's seen together in one chunk. */
export const storedSightings = async (background: Worker) =>
  (await storedRecords<SightingChunk>(background, 'sightingChunks')).flatMap(sightingsOf);

/**
 * Serves the post at `url` in a layout the adapter does not know: its comments' links no longer have
 * a post's path (`/posts/` becomes `/p/`), as the day Facebook changes its addresses.
 */
export async function serveUnknownLayout(page: Page, url: string): Promise<void> {
  const post = fixtureResponse(url);
  await page.route(url, (route) => route.fulfill({ ...post, body: post.body.replaceAll('/posts/', '/p/') }));
}

/** Reopens the popup until it shows the notice that comments could not be recognized (reported after a quiet moment). */
export async function untilRecognitionNotice(popup: Page): Promise<void> {
  await expect(async () => {
    await popup.reload();
    await expect(popup.locator('.notice')).toBeVisible({ timeout: 1000 });
  }).toPass();
}
