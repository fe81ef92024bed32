import AxeBuilder from '@axe-core/playwright';
import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { seedLog } from '../fixtures/seed-log.mjs';
import {
  expect,
  openFanDetails,
  PREPARED,
  serveUnknownLayout,
  test,
  untilRecognitionNotice,
  type Page,
} from './extension-test';

/** Impact levels that fail the build; minor and moderate findings are reported, not fatal. */
const BLOCKING = new Set(['serious', 'critical']);

/** The serious findings on the page as it stands, in the light scheme and then in the dark one. */
async function blockingViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    found.push(
      ...violations
        .filter((violation) => BLOCKING.has(violation.impact ?? ''))
        .map(
          (violation) =>
            `${colorScheme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
    );
  }
  return found;
}

test.describe('in the light and the dark scheme', () => {
  test('the popup in every state has no serious accessibility violation: no comment, compose, confirm, outcome, refusal', async ({
    page,
    openPopup,
  }) => {
    const empty = await openPopup();
    await expect(empty.getByText(/^Click “Send message”/)).toBeVisible();
    expect(await blockingViolations(empty)).toEqual([]);
    await empty.close();

    await page.goto(DEMO_POSTS.en.url);
    const giulia = page.getByRole('button', { name: 'Send message to Giulia Rossi' });
    await giulia.first().click();
    const popup = await openPopup();
    await openFanDetails(popup);
    await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
    expect(await blockingViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Review message' }).click();
    await expect(popup.getByRole('dialog')).toBeVisible();
    expect(await blockingViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(popup.getByText(PREPARED)).toBeVisible();
    expect(await blockingViolations(popup)).toEqual([]);
    await popup.close();

    await giulia.last().click();
    const refused = await openPopup();
    await expect(refused.getByLabel(/^Send anyway\? Say why/)).toBeVisible();
    expect(await blockingViolations(refused)).toEqual([]);
  });

  test('the popup’s notice that comments could not be recognized, and what it sees there, have no serious accessibility violation', async ({
    page,
    openPopup,
  }) => {
    await serveUnknownLayout(page, DEMO_POSTS.en.url);
    await page.goto(DEMO_POSTS.en.url);
    const popup = await openPopup();
    await untilRecognitionNotice(popup);
    expect(await blockingViolations(popup)).toEqual([]);
    // What it sees there, and the page report built from it.
    await page.bringToFront();
    await popup.getByRole('button', { name: 'See what Page Outreach sees here' }).click();
    await expect(popup.getByRole('status')).toHaveText(/^Recognition stops at: /);
    await popup.getByRole('button', { name: 'Build a page report' }).click();
    await expect(popup.getByLabel('The page report, in full')).toBeVisible();
    expect(await blockingViolations(popup)).toEqual([]);
  });

  test('the options page has no serious accessibility violation', async ({ page, extensionId }) => {
    await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    await expect(page.locator('.template-title').first()).toBeVisible();
    await page.getByRole('button', { name: 'New template' }).click();
    expect(await blockingViolations(page)).toEqual([]);
  });

  test('the full-page log has no serious accessibility violation', async ({
    page,
    background,
    extensionId,
  }) => {
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await expect(page.getByText(/^Click “Send message”/)).toBeVisible();
    await background.evaluate(seedLog, { count: 200, fans: 50, days: 30, pages: 2, now: Date.now() });
    await page.goto(`chrome-extension://${extensionId}/src/log/index.html`);
    await expect(page.getByText('Showing 200 of 200 messages')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  });
});
