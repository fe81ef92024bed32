// @ts-check
/**
 * `npm run screenshots`: regenerates the README's screenshots from the built Chrome extension — the
 * demo post; the popup (composing, confirming) at the toolbar's 480 × 600 and the side panel, in
 * English and Italian; the options page and the full-page log; each in the light and the dark scheme —
 * so they always show the current UI.
 *
 *   npm run build:chrome && node scripts/screenshots.mjs
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionId, launchWithExtension } from './browser.mjs';
import { DEMO_POSTS, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { seedLog } from '../tests/fixtures/seed-log.mjs';

const OUT = resolve('docs/screenshots');
/** The toolbar popup as Chrome shows it at most tall, and a side panel beside a page. */
const POPUP = { width: 480, height: 600 };
const SIDE_PANEL = { width: 400, height: 760 };
const PAGE = { width: 1100, height: 900 };
/** A plausible month of a busy Page, for the log and its summary. */
const LOG_SEED = { count: 600, fans: 240, days: 56, pages: 2, ageOffsetMs: 60 * 60_000 };
const SCHEMES = /** @type {const} */ (['light', 'dark']);

mkdirSync(OUT, { recursive: true });
for (const language of /** @type {const} */ (['en', 'it'])) {
  const context = await launchWithExtension({ language });
  try {
    await routeFacebook(context);
    const id = await extensionId(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const extensionPage = (/** @type {string} */ path) => `chrome-extension://${id}/src/${path}`;
    const shot = (/** @type {string} */ name) => resolve(OUT, `${name}.png`);

    await page.setViewportSize({ width: 900, height: 760 });
    await page.goto(DEMO_POSTS[language].url);
    const action = page.locator('button[data-page-outreach="send-message"]').first();
    await action.waitFor();
    if (language === 'en') await page.screenshot({ path: shot('demo-post') });
    await action.click();
    await page
      .locator('[aria-busy="true"]')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);

    for (const colorScheme of SCHEMES) {
      const popup = await context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.setViewportSize(POPUP);
      await popup.goto(extensionPage('popup/index.html'));
      await popup.locator('input[name="template"]').first().check();
      await popup.screenshot({ path: shot(`popup-compose-${colorScheme}-${language}`) });
      await popup.locator('form.compose button.send').click();
      await popup.getByRole('dialog').waitFor();
      await popup.screenshot({ path: shot(`popup-confirm-${colorScheme}-${language}`) });
      await popup.close();

      const panel = await context.newPage();
      await panel.emulateMedia({ colorScheme });
      await panel.setViewportSize(SIDE_PANEL);
      await panel.goto(extensionPage('popup/panel.html'));
      await panel.locator('input[name="template"]').nth(1).check();
      await panel.screenshot({ path: shot(`side-panel-${colorScheme}-${language}`) });
      await panel.close();
    }

    if (language !== 'en') continue;
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(seedLog, { ...LOG_SEED, now: Date.now() });
    for (const colorScheme of SCHEMES) {
      for (const [name, path] of /** @type {const} */ ([
        ['options', 'options/index.html'],
        ['log', 'log/index.html'],
      ])) {
        const tab = await context.newPage();
        await tab.emulateMedia({ colorScheme });
        await tab.setViewportSize(PAGE);
        await tab.goto(extensionPage(path));
        await tab
          .locator(name === 'log' ? '.log-row' : '.template-title')
          .first()
          .waitFor();
        await tab.screenshot({ path: shot(`${name}-${colorScheme}`), fullPage: name === 'log' });
        await tab.close();
      }
    }
  } finally {
    await context.close();
  }
}
console.log(`Screenshots written to ${OUT}`);
