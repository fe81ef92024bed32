import { expect, test as base } from '@playwright/test';
import { HEAVY_TEST_TIMEOUT_MS } from './extension-test';
import type { Browser, Page } from 'puppeteer-core';
import { installFirefoxExtension, launchFirefox } from '../../scripts/browser.mjs';
import { BACKUP_PART_CHARS } from '../../src/shared/backup-parts';
import { DEMO_POSTS, fixtureResponse, reactPostUrl } from '../fixtures/facebook-routes.mjs';
import { seedLog } from '../fixtures/seed-log.mjs';
import { startCouchServer } from '../team/couch-process.mjs';
import { bedThread, expectedKinds, firstOfKind, nextLookOfWatch } from './react-bed';

const ACTION = 'button[data-page-outreach="send-message"]';

interface Firefox {
  browser: Browser;
  addonId: string;
}

/**
 * One Firefox per worker, since a launch costs seconds; each test installs the extension afresh (the
 * release build, or `dist/firefox-test` for its hooks), which gives it a new origin with empty storage.
 * After the test the add-on is removed and its tabs closed.
 */
type FirefoxFixture = (extensionPath?: string) => Promise<Firefox>;

const test = base.extend<{ firefox: FirefoxFixture }, { firefoxBrowser: Browser }>({
  firefoxBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const browser = await launchFirefox();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  firefox: async ({ firefoxBrowser: browser }, use) => {
    const installed: string[] = [];
    await use(async (extensionPath) => {
      const addonId = await installFirefoxExtension(browser, extensionPath);
      installed.push(addonId);
      return { browser, addonId };
    });
    for (const addonId of installed) await browser.uninstallExtension(addonId);
    const [keep, ...others] = await browser.pages();
    await Promise.all(others.map((page) => page.close()));
    await keep?.goto('about:blank');
  },
});

test('the Firefox build loads, adds the action to every fan comment and hands a click to its background', async ({
  firefox,
}) => {
  const { browser, addonId } = await firefox();
  expect(addonId).toBe('page-outreach@page-outreach.dev');
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => void request.respond(fixtureResponse(request.url())));
  await page.goto(DEMO_POSTS.en.url);
  await page.waitForSelector(ACTION);
  const names = await page.$$eval(ACTION, (buttons) =>
    buttons.map((button) => button.getAttribute('aria-label')),
  );
  expect(names).toEqual([
    'Send message to Giulia Rossi',
    'Send message to Luca Verdi',
    'Send message to Marco Bianchi',
    'Send message to Sara Neri',
    'Send message to Paolo Galli',
    'Send message to Giulia Rossi',
  ]);
  // The action is marked pressed only once the background has accepted the comment as the target.
  await page.click(ACTION);
  await page.waitForSelector(`${ACTION}[aria-pressed="true"]`);
});

/**
 * Whether the page is our extension page at `path`, loaded and able to reach the extension: a page
 * the test build opens is found first as about:blank, then mid-load (no body yet, no `browser` yet).
 */
function readyAt(path: string): boolean {
  const runtime = (globalThis as unknown as { browser?: { runtime?: { id?: string } } }).browser?.runtime;
  return (
    location.href.startsWith('moz-extension://') &&
    location.pathname === path &&
    document.readyState === 'complete' &&
    document.body !== null &&
    typeof runtime?.id === 'string'
  );
}

/** The extension page the Firefox test build opened by itself (tests may not navigate to one), once ready. */
async function extensionPage(browser: Browser, path: string): Promise<Page> {
  for (;;) {
    for (const page of await browser.pages()) {
      if (await page.evaluate(readyAt, path).catch(() => false)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Clicks the element of `selector` whose text (or label's) is `text`, once there is one. Extension
 * pages are driven from inside: WebDriver BiDi cannot hand their elements out to the test.
 */
async function clickByText(page: Page, selector: string, text: string): Promise<void> {
  const clicked = (css: string, wanted: string) => {
    const found = [...document.querySelectorAll<HTMLElement>(css)].find(
      (element) => (element.closest('label') ?? element).textContent?.trim() === wanted,
    );
    found?.click();
    return found !== undefined;
  };
  // A page mid-reload has no document to search yet: that is "not there yet", not a failure.
  while (!(await page.evaluate(clicked, selector, text).catch(() => false))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until `check`, run in the page, holds; a page still loading (no body yet) does not hold it. */
async function until(page: Page, check: () => boolean): Promise<void> {
  while (!(await page.evaluate(check).catch(() => false)))
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * In the popup, once a comment is picked: the first Thanks, reviewed and sent, until it waits in
 * Facebook's box. Returns the text the popup previewed.
 */
async function sendThanksFromPopup(popup: Page): Promise<string> {
  // Reloaded from inside: the test may not navigate an extension page itself.
  await popup.evaluate(() => {
    (window as unknown as { reloading?: true }).reloading = true;
    location.reload();
  });
  // The old document stays until the new one replaces it: wait for the new one, loaded.
  await until(popup, () => !('reloading' in window) && document.readyState === 'complete');
  // The comment's triage may open another category: the admin's choice is Thanks.
  await popup.waitForSelector('#category-thanks');
  await popup.click('#category-thanks');
  await clickByText(popup, 'input[type="radio"]', 'Thank you for commenting');
  const text = await popup.evaluate(() => document.querySelector('output')?.textContent ?? '');
  await clickByText(popup, 'button', 'Review message');
  await clickByText(popup, 'button', 'Send');
  await until(popup, () => document.querySelector('.outcome.prepared') !== null);
  return text;
}

/** Opens the English demo post and picks Giulia's comment, as the admin's click would. */
async function pickGiulia(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => void request.respond(fixtureResponse(request.url())));
  await page.goto(DEMO_POSTS.en.url);
  await page.waitForSelector(ACTION);
  await page.click(ACTION);
  // Pressed only once the background holds the comment as the target.
  await page.waitForSelector(`${ACTION}[aria-pressed="true"]`);
  return page;
}

test('in Firefox the main flow runs whole: pick, template, confirm, Facebook’s box, its Send, the log', async ({
  firefox,
}) => {
  const { browser } = await firefox('dist/firefox-test');
  const popup = await extensionPage(browser, '/src/popup/index.html');
  const page = await pickGiulia(browser);

  const text = await sendThanksFromPopup(popup);

  const editor = '[role="dialog"] [role="textbox"]';
  await page.waitForFunction(
    (css, wanted) => document.querySelector(css)?.textContent === wanted,
    {},
    editor,
    text,
  );
  await page.click('[role="dialog"] [aria-label="Press Enter to send"]');
  await page.waitForFunction(
    (wanted) => document.querySelector('[role="dialog"] [role="row"]')?.textContent === wanted,
    {},
    text,
  );
  await clickByText(popup, 'button', 'Log');
  await until(popup, () => document.querySelectorAll('tbody td')[4]?.textContent === 'Sent');

  // Giulia's status is drawn beside her action (her box's pixels differ from Marco's empty one),
  // in a box the page finds the same size as every other and cannot search.
  const [giulia, , marco] = await page.$$('[data-page-outreach="status"]');
  const pixels = async () => Buffer.compare(await giulia!.screenshot(), await marco!.screenshot());
  while ((await pixels()) === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  const seen = await page.evaluate(() => ({
    // Rounded: Firefox's layout units put a box 1e-5 px taller or shorter by where it sits.
    sizes: new Set(
      [...document.querySelectorAll('[data-page-outreach="status"]')].map((box) => {
        const { width, height } = box.getBoundingClientRect();
        return `${width.toFixed(2)}x${height.toFixed(2)}`;
      }),
    ).size,
    found: (window as unknown as { find(text: string): boolean }).find('messaged'),
  }));
  expect(seen).toEqual({ sizes: 1, found: false });
});

test('in Firefox the Discretion view renders what was sent and the comments seen', async ({ firefox }) => {
  const { browser } = await firefox('dist/firefox-test');
  const popup = await extensionPage(browser, '/src/popup/index.html');
  await pickGiulia(browser);
  await sendThanksFromPopup(popup);
  await clickByText(popup, 'button', 'Discretion');
  // The thank-you's 14 days have not passed: nothing to compare yet, but the post's comments are seen.
  await until(popup, () =>
    [...document.querySelectorAll('.figure-line')].some(
      (line) => line.textContent === 'Thanks: no messaged fan to compare yet.',
    ),
  );
  await until(popup, () =>
    /comments, 6 \(6 with Facebook’s time\); posts opened, 1\./.test(
      document.querySelector('.coverage')?.textContent ?? '',
    ),
  );
  expect(await popup.evaluate(() => document.querySelector('.posts li')?.textContent)).toMatch(
    /^1 private reply, the last on /,
  );
});

test('in Firefox the sidebar’s page follows the picked comment and runs the main flow to “Sent”', async ({
  firefox,
}) => {
  const { browser } = await firefox('dist/firefox-test');
  const sidebar = await extensionPage(browser, '/src/popup/panel.html');
  await until(sidebar, () => document.body.textContent?.includes('Click “Send message”') ?? false);
  const page = await pickGiulia(browser);
  // No reload: the open sidebar takes the comment as it is picked.
  await until(sidebar, () => document.querySelector('h1')?.textContent === 'To Giulia Rossi');
  await clickByText(sidebar, 'input[type="radio"]', 'Thank you for commenting');
  const text = await sidebar.evaluate(() => document.querySelector('output')?.textContent ?? '');
  await clickByText(sidebar, 'button', 'Review message');
  await clickByText(sidebar, 'button', 'Send');
  await until(sidebar, () => document.querySelector('.outcome.prepared') !== null);
  await page.waitForFunction(
    (wanted) => document.querySelector('[role="dialog"] [role="textbox"]')?.textContent === wanted,
    {},
    text,
  );
  await page.click('[role="dialog"] [aria-label="Press Enter to send"]');
  await clickByText(sidebar, 'button', 'Log');
  await until(sidebar, () => document.querySelectorAll('tbody td')[4]?.textContent === 'Sent');
});

test('in Firefox, of 50 simultaneous send requests for one comment exactly one is recorded', async ({
  firefox,
}) => {
  const { browser } = await firefox('dist/firefox-test');
  const popup = await extensionPage(browser, '/src/popup/index.html');
  await pickGiulia(browser);

  const recorded = await popup.evaluate(async (requests) => {
    const { runtime } = (
      globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
    ).browser;
    const reserve = {
      type: 'outreach/reserve',
      commentId: '456',
      category: 'care',
      templateId: 'default-care-1-en',
      text: 'Hi Giulia, can we help?',
    };
    const replies = (await Promise.all(
      Array.from({ length: requests }, () => runtime.sendMessage(reserve)),
    )) as Array<{ ok: boolean; data?: { entry: unknown } }>;
    const log = (await runtime.sendMessage({ type: 'log/list' })) as { data: { entries: unknown[] } };
    return {
      accepted: replies.filter((reply) => reply.ok && reply.data?.entry).length,
      logged: log.data.entries.length,
    };
  }, 50);
  expect(recorded).toEqual({ accepted: 1, logged: 1 });
});

test('in Firefox, after the extension is reloaded, each comment keeps one action and it reaches the new background', async ({
  firefox,
}) => {
  const { browser } = await firefox('dist/firefox-test');
  const popup = await extensionPage(browser, '/src/popup/index.html');
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => void request.respond(fixtureResponse(request.url())));
  await page.goto(DEMO_POSTS.en.url);
  await page.waitForSelector(ACTION);
  const actions = await page.$$eval(ACTION, (buttons) => buttons.length);
  const extensionPages = async () => {
    const hrefs = await Promise.all(
      (await browser.pages()).map((open) => open.evaluate(() => location.href).catch(() => '')),
    );
    return hrefs.filter((href) => href.startsWith('moz-extension://')).length;
  };
  const before = await extensionPages();

  // Firefox ends the old copy and injects a new one into the open tab; the test build's new
  // background opens a popup once it has started.
  await popup
    .evaluate(() =>
      (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
    )
    .catch(() => undefined);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
  while (await popup.evaluate(() => true).catch(() => false)) await pause();
  while ((await extensionPages()) < before) await pause();
  await page.evaluate(() => document.body.append(document.createElement('div')));
  await page.click(ACTION);
  // Pressed only once a background, necessarily the new one, holds the comment as the target.
  await page.waitForSelector(`${ACTION}[aria-pressed="true"]`);
  expect(await page.$$eval(ACTION, (buttons) => buttons.length)).toBe(actions);
  expect(await page.$$eval(`${ACTION}:disabled`, (buttons) => buttons.length)).toBe(0);
});

test('in Firefox, the owner sets up and joins a Page’s team, and a send is written to the team server', async ({
  firefox,
}) => {
  const couch = await startCouchServer();
  try {
    const { browser } = await firefox('dist/firefox-test');
    const popup = await extensionPage(browser, '/src/popup/index.html');
    const send = (message: object) =>
      popup.evaluate(
        (body) =>
          (
            globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }
          ).browser.runtime.sendMessage(body),
        message,
      ) as Promise<{ ok: boolean; data: Record<string, unknown> }>;
    const created = await send({
      type: 'team/create',
      server: couch.url,
      adminName: couch.admin.user,
      adminPassword: couch.admin.password,
      pageId: 'acmecoffee',
      pageName: 'Acme Coffee',
      owner: 'Ann',
      members: ['Bea'],
      remember: false,
    });
    expect(created).toMatchObject({ ok: true, data: { team: { user: 'Ann', pending: 0 } } });

    await pickGiulia(browser);
    const reserved = await send({
      type: 'outreach/reserve',
      commentId: '456',
      category: 'thanks',
      templateId: 'default-thanks-1-en',
      text: 'Thank you, Giulia!',
    });
    expect(reserved).toMatchObject({ ok: true, data: { teamChecked: true, entry: { team: 'confirmed' } } });
    expect(await send({ type: 'team/sync' })).toMatchObject({ ok: true, data: { teams: [{ pending: 0 }] } });

    // What the server holds, read as its admin: Ann's contact in the fan's document.
    const auth = `Basic ${Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64')}`;
    const all = await fetch(`${couch.url}/po_acmecoffee/_all_docs?include_docs=true`, {
      headers: { Authorization: auth },
    });
    const rows = ((await all.json()) as { rows: Array<{ doc: { type?: string; recent?: unknown[] } }> }).rows;
    const fans = rows.map((row) => row.doc).filter((doc) => doc.type === 'fan');
    // The comment by its key under the team's salt, never its id.
    expect(fans).toMatchObject([
      { recent: [{ comment: expect.stringMatching(/^[0-9a-f]{64}$/), cat: 'thanks', by: 'Ann' }] },
    ]);
  } finally {
    await couch.stop();
  }
});

/**
 * Enough entries for a backup bigger than one message can carry (BACKUP_PART_CHARS), each with a long
 * message (about 2.5 kB in all) so that few are needed.
 */
const BEYOND_ONE_PART = 4_500;
const LONG_MESSAGE_CHARS = 1_900;

test('in Firefox, a backup bigger than one message goes out and comes back in parts, exactly', async ({
  firefox,
}) => {
  test.setTimeout(HEAVY_TEST_TIMEOUT_MS);
  const { browser } = await firefox('dist/firefox-test');
  const popup = await extensionPage(browser, '/src/popup/index.html');
  // The popup's first request has the background create the database that the seed fills.
  await until(popup, () => document.body.textContent?.includes('Click “Send message”') ?? false);
  await popup.evaluate(seedLog, {
    count: BEYOND_ONE_PART,
    textChars: LONG_MESSAGE_CHARS,
    fans: 2000,
    days: 60,
    pages: 3,
    now: Date.now(),
  });

  const outcome = await popup.evaluate(async (partChars) => {
    type Reply = { ok: boolean; data: { text: string; parts: number; digest: string; entries: number } };
    const { runtime } = (
      globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<Reply> } } }
    ).browser;
    const exportedAt = Date.now();
    const backUp = async () => {
      const first = await runtime.sendMessage({ type: 'backup/export', part: 0, exportedAt });
      let text = first.data.text;
      for (let part = 1; part < first.data.parts; part += 1)
        text += (await runtime.sendMessage({ type: 'backup/export', part, exportedAt })).data.text;
      return { text, parts: first.data.parts, digest: first.data.digest };
    };
    const before = await backUp();
    const newest = (await runtime.sendMessage({ type: 'log/list', limit: 1 })) as unknown as {
      data: { entries: Array<{ id: string }> };
    };
    await runtime.sendMessage({ type: 'log/delete', id: newest.data.entries[0]!.id });

    const uploadId = crypto.randomUUID();
    const parts = Math.ceil(before.text.length / partChars);
    for (let part = 0; part < parts; part += 1) {
      const text = before.text.slice(part * partChars, (part + 1) * partChars);
      await runtime.sendMessage({ type: 'backup/upload', uploadId, part, text });
    }
    const restored = await runtime.sendMessage({
      type: 'backup/restore',
      uploadId,
      parts,
      mode: 'replace',
    });
    const after = await backUp();
    return { parts: before.parts, restored: restored.data.entries, same: after.digest === before.digest };
  }, BACKUP_PART_CHARS);
  expect(outcome.parts).toBeGreaterThan(1);
  expect(outcome).toMatchObject({ restored: BEYOND_ONE_PART, same: true });
});

type Bed = { __bed: { editorText: (name: string) => string | null; presses: () => unknown[] } };
const FIRST_ON_BED = bedThread('en', 12)[0]!;
const BED_TEXTBOX = '[role="dialog"] [role="textbox"]';
/** Opens the React bed, picks its first fan comment and sends the first Thanks into its chat tab. */
async function prepareOnBed(browser: Browser): Promise<{ page: Page; popup: Page; text: string }> {
  const popup = await extensionPage(browser, '/src/popup/index.html');
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => void request.respond(fixtureResponse(request.url())));
  await page.goto(reactPostUrl('en', { comments: 12 }));
  const action = `${ACTION}[data-comment-id="${FIRST_ON_BED.id}"]`;
  await page.waitForSelector(action);
  await page.click(action);
  await page.waitForSelector(`${action}[aria-pressed="true"]`);

  const text = await sendThanksFromPopup(popup);
  await clickByText(popup, 'button', 'Log');
  return { page, popup, text };
}

/** Runs `steps` with the test build installed, once the first Thanks waits in the bed's chat tab. */
async function onBedWithPreparedThanks(
  firefox: FirefoxFixture,
  steps: (prepared: { page: Page; popup: Page; text: string }) => Promise<void>,
): Promise<void> {
  const { browser } = await firefox('dist/firefox-test');
  await steps(await prepareOnBed(browser));
}

/** Waits until the popup's log shows the first entry's status as `label`. */
async function untilLogged(popup: Page, label: string): Promise<void> {
  // Polled from here: the popup's tab is behind the page, where animation frames (which
  // waitForFunction polls on) hardly run.
  const logged = () => popup.evaluate(() => document.querySelectorAll('tbody td')[4]?.textContent);
  await expect.poll(logged).toBe(label);
}

test('in Firefox on the React bed, Lexical’s own state holds the previewed text, and Enter is logged sent', async ({
  firefox,
}) => {
  await onBedWithPreparedThanks(firefox, async ({ page, popup, text }) => {
    const lexical = () =>
      page.evaluate((name) => (window as unknown as Bed).__bed.editorText(name), FIRST_ON_BED.author.name);
    await expect.poll(lexical).toBe(text);
    expect(await page.evaluate(() => (window as unknown as Bed).__bed.presses())).toEqual([]);

    await page.focus(BED_TEXTBOX);
    await page.keyboard.press('Enter');
    await untilLogged(popup, 'Sent');
  });
});

test('in Firefox on the React bed, a minimized tab is still waiting when the watch looks at it, and Enter after restoring it is sent', async ({
  firefox,
}) => {
  await onBedWithPreparedThanks(firefox, async ({ page, popup }) => {
    await page.click('[role="dialog"] [aria-label="Minimize chat"]');
    await page.waitForSelector(BED_TEXTBOX, { hidden: true });
    expect(await nextLookOfWatch((inPage) => page.evaluate(inPage))).toBe('waiting');
    await untilLogged(popup, "In Facebook's box — press Send there");
    await page.click(`[role="dialog"] [role="button"][aria-label="${FIRST_ON_BED.author.name}"]`);
    await page.focus(BED_TEXTBOX);
    await page.keyboard.press('Enter');
    await untilLogged(popup, 'Sent');
  });
});

test('in Firefox on the React bed, a message with an emoji drawn as an image is sent', async ({
  firefox,
}) => {
  await onBedWithPreparedThanks(firefox, async ({ page, popup }) => {
    await page.focus(BED_TEXTBOX);
    await page.keyboard.down('Control');
    await page.keyboard.press('Home');
    await page.keyboard.up('Control');
    await page.keyboard.type('☕ ');
    // Enter sends what Lexical holds: under load its update may trail the keys, so wait for it.
    await page.waitForFunction(
      (name) => (window as unknown as Bed).__bed.editorText(name)?.includes('☕'),
      {},
      FIRST_ON_BED.author.name,
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role="row"] img[alt="☕"]');
    await untilLogged(popup, 'Sent');
  });
});

test('in Firefox on the React bed, closing the tab with the text still in it is not sent', async ({
  firefox,
}) => {
  await onBedWithPreparedThanks(firefox, async ({ page, popup }) => {
    await page.click('[role="dialog"] [aria-label="Close chat"]');
    await untilLogged(popup, 'Not sent');
  });
});

/**
 * The comment triage in Firefox, in one browser (each launch costs seconds): the actions' kinds on the
 * React bed, the compose view opening a complaint on customer care and warning a promo to it, and the
 * sidebar's queue moving on after a send.
 */
test('in Firefox the triage marks the actions, opens a complaint on customer care, warns a promo to it, and the sidebar’s queue moves on after a send', async ({
  firefox,
}) => {
  const { browser } = await firefox('dist/firefox-test');
  const sidebar = await extensionPage(browser, '/src/popup/panel.html');
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => void request.respond(fixtureResponse(request.url())));
  const size = 12;
  await page.goto(reactPostUrl('en', { comments: size }));
  await page.waitForSelector(ACTION);

  // Each action carries its comment's kind, in its description and as a mark.
  const shown = await page.$$eval(ACTION, (buttons) => buttons.map((button) => button.dataset.commentId!));
  const expected = Object.entries(expectedKinds('en', size, shown)).slice(0, 4);
  expect(expected.length).toBeGreaterThan(2);
  for (const [id, kind] of expected) {
    const action = `${ACTION}[data-comment-id="${id}"]`;
    await page.$eval(action, (button) => button.scrollIntoView({ block: 'center' }));
    await page.waitForSelector(`${action}[data-kind="${kind}"][aria-description="${kind}"]`);
  }

  // A complaint opens on customer care with its reason; a promo to it is warned.
  const complaint = `${ACTION}[data-comment-id="${firstOfKind('en', size, 'complaint').id}"]`;
  await page.click(complaint);
  await page.waitForSelector(`${complaint}[aria-pressed="true"]`);
  await until(
    sidebar,
    () => document.querySelector('#category-care')?.getAttribute('aria-selected') === 'true',
  );
  expect(await sidebar.evaluate(() => document.querySelector('.triage-hint p')?.textContent)).toBe(
    'Suggested: complaint — negative words: ‘broken’',
  );
  expect(await sidebar.evaluate(() => document.querySelector('[role="alert"]'))).toBeNull();
  await sidebar.evaluate(() => document.querySelector<HTMLElement>('#category-promo')?.click());
  await until(sidebar, () => document.querySelector('.triage-warning[role="alert"]') !== null);

  // The queue: questions and complaints first, and "Next comment" goes on to its next one.
  await page.bringToFront();
  await clickByText(sidebar, 'button', 'Queue');
  await until(sidebar, () => document.querySelectorAll('.queue-entry').length > 2);
  const queued = await sidebar.evaluate(() =>
    [...document.querySelectorAll('.queue-entry')].map((entry) => ({
      kind: entry.getAttribute('data-kind'),
      name: entry.querySelector('.queue-name')?.textContent ?? '',
    })),
  );
  const ranks = queued.map(({ kind }) => (kind === 'praise' ? 2 : kind === 'abusive' ? 1 : 0));
  expect(ranks).toEqual([...ranks].sort());
  expect(ranks[0]).toBe(0);
  const heading = () => sidebar.evaluate(() => document.querySelector('h1')?.textContent);
  await sidebar.evaluate(() => document.querySelector<HTMLElement>('.queue-entry')?.click());
  await expect.poll(heading).toBe(`To ${queued[0]!.name}`);
  await clickByText(sidebar, 'input[type="radio"]', "Let's sort it out privately");
  await clickByText(sidebar, 'button', 'Review message');
  await clickByText(sidebar, 'button', 'Send');
  await until(sidebar, () => document.querySelector('.outcome.prepared') !== null);
  await clickByText(sidebar, 'button', 'Next comment');
  await expect.poll(heading).toBe(`To ${queued[1]!.name}`);
});
