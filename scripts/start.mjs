// @ts-check
/**
 * `npm start`: opens Chromium with the built extension on the bundled demo Page post, served at its real
 * facebook.com URL so the content script runs exactly as in production. With no display it walks the
 * main flow once headless, saves screenshots and exits.
 *
 *   node scripts/start.mjs [--lang en|it] [--react] [--headless]
 *
 * `--react` opens the React test bed's post instead (React 19 and the Lexical editor, as on
 * facebook.com; tests/fixtures/react-bed), built by `npm run build:react-bed`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionId, launchWithExtension } from './browser.mjs';
import { DEMO_POSTS, reactPostUrl, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { option } from './bench-tools.mjs';

const ARTIFACTS = resolve('artifacts');
const POPUP_VIEWPORT = { width: 420, height: 760 };

const args = process.argv.slice(2);
const language = option('--lang', 'en') === 'it' ? 'it' : 'en';
const demoUrl = args.includes('--react') ? reactPostUrl(language) : DEMO_POSTS[language].url;
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.includes('--headless') || !hasDisplay;

const context = await launchWithExtension({ headless, language, demoWindow: !headless });
await routeFacebook(context);
const id = await extensionId(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);

if (!headless) {
  console.log(`Demo Page post open at ${demoUrl}`);
  console.log(
    [
      'Click "Send message" beside a comment: Page Outreach opens in the side panel on the right.',
      'Pick a template, Review, Send: the text goes into Facebook’s chat at the bottom right of the',
      'page, where you press Enter. "Next comment" in the panel moves on. Close the window to quit.',
    ].join('\n'),
  );
  await new Promise((done) => context.on('close', done));
  process.exit(0);
}

mkdirSync(ARTIFACTS, { recursive: true });
const shots = {
  post: resolve(ARTIFACTS, 'demo-post.png'),
  compose: resolve(ARTIFACTS, 'popup-compose.png'),
  messageBox: resolve(ARTIFACTS, 'facebook-message-box.png'),
  log: resolve(ARTIFACTS, 'popup-log.png'),
};
const actions = page.locator('button[data-page-outreach="send-message"]');
await actions.first().waitFor();
await page.screenshot({ path: shots.post, fullPage: true });

// The main flow, as an admin would walk it: pick a comment, a Thanks template, review, send, press
// Facebook's own Send in the message box the extension filled, read the log.
await actions.first().click();
const popup = await context.newPage();
await popup.setViewportSize(POPUP_VIEWPORT);
await popup.goto(`chrome-extension://${id}/src/popup/index.html`);
await popup.locator('input[type="radio"]').first().check();
await popup.screenshot({ path: shots.compose, fullPage: true });
await popup.locator('button.send').click();
await popup.locator('.confirm .send').click();
await popup.locator('.outcome').waitFor();
const messageBox = page.locator('[role="dialog"]').filter({ has: page.locator('[contenteditable="true"]') });
await page.screenshot({ path: shots.messageBox });
// Enter in Facebook's box is the admin's Send, in the hand-written chat tab as in Lexical's.
await messageBox.locator('[contenteditable="true"]').press('Enter');
await messageBox.locator('[role="row"]').first().waitFor();
await popup.locator('.tab').nth(1).click();
await popup.locator('tbody tr').first().waitFor();
await popup.screenshot({ path: shots.log, fullPage: true });
await context.close();

console.log(`No display found, so the demo ran headless and walked the main flow once.`);
for (const [name, path] of Object.entries(shots)) console.log(`  ${name}: ${path}`);
