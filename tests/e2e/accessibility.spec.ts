import AxeBuilder from '@axe-core/playwright';
import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { seedLog } from '../fixtures/seed-log.mjs';
import { expect, test, type Page } from './extension-test';

/** Impact levels that fail the build; minor and moderate findings are reported, not fatal. */
const BLOCKING = new Set(['serious', 'critical']);

async function blockingViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.beforeEach(async ({ context }) => {
      for (const tab of context.pages()) await tab.emulateMedia({ colorScheme });
      context.on('page', (tab) => void tab.emulateMedia({ colorScheme }));
    });

    test('the popup, while composing and confirming, has no serious accessibility violation', async ({
      page,
      openPopup,
    }) => {
      await page.goto(DEMO_POSTS.en.url);
      await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
      const popup = await openPopup();
      await popup.emulateMedia({ colorScheme });
      await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
      expect(await blockingViolations(popup)).toEqual([]);
      await popup.getByRole('button', { name: 'Review message' }).click();
      await expect(popup.getByRole('dialog')).toBeVisible();
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
}
