import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEMO_POSTS, fixtureResponse } from '../fixtures/facebook-routes.mjs';
import type { Worker } from '@playwright/test';
import {
  expect,
  type ExtensionGlobals,
  pendingComment,
  PREPARED,
  sendActions,
  serveUnknownLayout,
  test,
} from './extension-test';

/** The content script's size budget, gzip: it loads on every facebook.com page. */
const CONTENT_SCRIPT_BUDGET_BYTES = 13 * 1024;

const HOSTILE_NAME = '<img src=x onerror=alert(1)> "><svg onload=alert(2)> \u202Eevil\u202C 👩‍👩‍👧‍👦';
const HOSTILE_TEXT = `<script>alert(3)</script> "><svg onload=alert(4)> ${'A'.repeat(100 * 1024)}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

test('hostile names and comment text stay literal text everywhere, with no dialog and no CSP violation', async ({
  context,
  page,
  openPopup,
  background,
}) => {
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Facebook renders names and comments as text: the payloads reach the page escaped, as characters.
  const page_ = fixtureResponse(DEMO_POSTS.en.url);
  const body = page_.body
    .replaceAll('Marco Bianchi', escapeHtml(HOSTILE_NAME))
    .replace(/Is it available in the Milan shop\?[^<]*/, escapeHtml(HOSTILE_TEXT));
  await page.route(DEMO_POSTS.en.url, (route) => route.fulfill({ ...page_, body }));
  await page.goto(DEMO_POSTS.en.url);
  const action = page.getByRole('button', { name: `Send message to ${HOSTILE_NAME}` });
  await expect(action).toHaveCount(1);
  await action.click();
  await expect.poll(() => pendingComment(background)).toMatchObject({ authorName: HOSTILE_NAME });

  const popup = await openPopup();
  const violations: string[] = [];
  await popup.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
  await popup.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation: (d: string) => void }).reportViolation(
        event.violatedDirective,
      ),
    ),
  );
  await expect(popup.getByRole('link', { name: HOSTILE_NAME })).toHaveText(HOSTILE_NAME);
  await expect(popup.locator('.comment')).toHaveText(
    /^<script>alert\(3\)<\/script> "><svg onload=alert\(4\)> A+…$/,
  );
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  await expect(popup.locator('output')).toHaveText(/^Hi <img, thank you for your comment!/);
  await popup.getByRole('button', { name: 'Review message' }).click();
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(popup.getByText(PREPARED)).toBeVisible();
  await popup.getByRole('button', { name: 'Log' }).click();
  await expect(popup.locator('tbody td').first()).toHaveText(HOSTILE_NAME);

  expect(await popup.locator('img, script:not([src]), svg').count()).toBe(0);
  expect(await page.locator('[data-page-outreach] img, [data-page-outreach] svg').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
});

test('the action is reachable with the keyboard and Enter picks the comment', async ({
  page,
  background,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  await expect(sendActions(page)).toHaveCount(6);
  const marco = page.getByRole('article', { name: /^Comment by Marco Bianchi/ });
  await marco.getByRole('button', { name: 'Message', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send message to Marco Bianchi' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => pendingComment(background)).toMatchObject({ authorName: 'Marco Bianchi' });
});

test('the action takes its colour from Facebook’s row, so it follows the light and dark themes', async ({
  page,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  await expect(sendActions(page)).toHaveCount(6);
  const colours = async () =>
    page.getByRole('article', { name: /^Comment by Marco Bianchi/ }).evaluate((comment) => {
      const reply = [...comment.querySelectorAll('[role="button"]')].find(
        (b) => b.textContent?.trim() === 'Reply',
      )!;
      const action = comment.querySelector('button[data-page-outreach="send-message"]')!;
      return { reply: getComputedStyle(reply).color, action: getComputedStyle(action).color };
    });
  const light = await colours();
  expect(light.action).toBe(light.reply);
  // Facebook's dark theme recolours the row's text; the action follows.
  await page.addStyleTag({ content: '.actions-b2 { color: rgb(176, 179, 184) !important; }' });
  const dark = await colours();
  expect(dark).toEqual({ reply: 'rgb(176, 179, 184)', action: 'rgb(176, 179, 184)' });
});

test('when Facebook’s markup no longer matches, the popup says the comments could not be recognized', async ({
  page,
  openPopup,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await serveUnknownLayout(page, DEMO_POSTS.en.url);
  await page.goto(DEMO_POSTS.en.url);
  await expect
    .poll(() => warnings, { timeout: 10_000 })
    .toContainEqual(expect.stringContaining('signal "permalink"'));
  await expect(sendActions(page)).toHaveCount(0);

  const popup = await openPopup();
  await expect(popup.getByRole('status')).toHaveText(/^Comments on this page could not be recognized\./);
});

test('a page that reads fine shows no such notice', async ({ page, openPopup, background }) => {
  await page.goto(DEMO_POSTS.en.url);
  await expect(sendActions(page)).toHaveCount(6);
  // The content script has judged the page (after its quiet time) and found it well.
  await expect.poll(() => pageHealthReports(background)).toEqual([{ failedSignal: null }]);
  const popup = await openPopup();
  await expect(popup.getByText(/^Click “Send message”/)).toBeVisible();
  await expect(popup.getByText(/could not be recognized/)).toHaveCount(0);
});

test(`the content script stays within ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} kB gzip`, () => {
  const bundle = readFileSync('dist/chrome/src/content/index.js');
  expect(gzipSync(bundle, { level: 9 }).length).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
});

test('an event the page dispatches cannot switch the content script off', async ({ page, background }) => {
  await page.goto(DEMO_POSTS.en.url);
  // What an older build listened for to stop itself: any page script could send it.
  await page.evaluate(() => document.dispatchEvent(new CustomEvent('page-outreach:takeover')));
  await page.getByRole('button', { name: 'Send message to Marco Bianchi' }).click();
  await expect.poll(() => pendingComment(background)).toMatchObject({ authorName: 'Marco Bianchi' });
});

test('after the extension is reloaded, the old copy’s actions say to reload the page', async ({
  page,
  background,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const actions = sendActions(page);
  await expect(actions.first()).toBeVisible();
  const count = await actions.count();
  // The tab keeps the copy it had: Chrome gives open tabs no new one.
  await background
    .evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
    )
    .catch(() => undefined);
  // Facebook changes its page all the time; any change lets the old copy notice.
  await page.evaluate(() => document.body.append(document.createElement('div')));
  const stale = page.getByRole('button', { name: 'Page Outreach was updated: reload the page' });
  await expect(stale).toHaveCount(count);
  await expect(stale.first()).toBeDisabled();
});

/** The page-health judgements the background holds, one per tab, without their times. */
function pageHealthReports(background: Worker): Promise<unknown[]> {
  return background.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    const stored = await chrome.storage.session.get(null);
    return Object.entries(stored)
      .filter(([key]) => key.startsWith('pageHealth:'))
      .map(([, value]) => ({ failedSignal: (value as { failedSignal: unknown }).failedSignal }));
  });
}
