// @ts-check
/**
 * `npm run screenshots`: regenerates the README's screenshots from the built Chrome extension — the
 * demo post, the popup (composing and confirming), the options page and the full-page log, in the
 * light and the dark scheme — so they always show the current UI.
 *
 *   npm run build:chrome && node scripts/screenshots.mjs
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionId, launchWithExtension } from './browser.mjs';
import { DEMO_POSTS, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { seedLog } from '../tests/fixtures/seed-log.mjs';

const OUT = resolve('docs/screenshots');
const POPUP = { width: 420, height: 820 };
const PAGE = { width: 1100, height: 900 };
/** A plausible month of a busy Page, for the log and its summary. */
const LOG_SEED = { count: 600, fans: 240, days: 56, pages: 2, ageOffsetMs: 60 * 60_000 };

mkdirSync(OUT, { recursive: true });
const context = await launchWithExtension();
try {
  await routeFacebook(context);
  const id = await extensionId(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = context.pages()[0] ?? (await context.newPage());
  const extensionPage = (/** @type {string} */ path) => `chrome-extension://${id}/src/${path}/index.html`;

  await page.goto(extensionPage('popup'));
  await page.getByText(/^Click “Send message”/).waitFor();
  await worker.evaluate(seedLog, { ...LOG_SEED, now: Date.now() });

  await page.setViewportSize({ width: 900, height: 760 });
  await page.goto(DEMO_POSTS.en.url);
  const action = page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first();
  await action.waitFor();
  await page.screenshot({ path: resolve(OUT, 'demo-post.png') });
  await action.click();
  await page
    .locator('[aria-busy="true"]')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);

  for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme });
    await popup.setViewportSize(POPUP);
    await popup.goto(extensionPage('popup'));
    await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
    await popup.screenshot({ path: resolve(OUT, `popup-compose-${colorScheme}.png`) });
    await popup.getByRole('button', { name: 'Review message' }).click();
    await popup.getByRole('dialog').waitFor();
    await popup.screenshot({ path: resolve(OUT, `popup-confirm-${colorScheme}.png`) });
    await popup.close();

    for (const [name, path] of /** @type {const} */ ([
      ['options', 'options'],
      ['log', 'log'],
    ])) {
      const tab = await context.newPage();
      await tab.emulateMedia({ colorScheme });
      await tab.setViewportSize(PAGE);
      await tab.goto(extensionPage(path));
      await tab
        .locator(name === 'log' ? '.log-row' : '.template-title')
        .first()
        .waitFor();
      await tab.screenshot({ path: resolve(OUT, `${name}-${colorScheme}.png`), fullPage: name === 'log' });
      await tab.close();
    }
  }
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await context.close();
}
