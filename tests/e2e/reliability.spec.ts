import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { extensionId, launchWithExtension } from '../../scripts/browser.mjs';
import { DEMO_POSTS, routeFacebook } from '../fixtures/facebook-routes.mjs';
import { test as extensionTest, type ExtensionGlobals } from './extension-test';

const TABS = 4;
const REQUESTS_PER_TAB = 25;

extensionTest(
  `of ${TABS * REQUESTS_PER_TAB} simultaneous send requests from ${TABS} tabs for one fan exactly one is recorded`,
  async ({ page, openPopup }) => {
    await page.goto(DEMO_POSTS.en.url);
    await page.getByRole('button', { name: 'Send message to Marco Bianchi' }).click();
    const popups = await Promise.all(Array.from({ length: TABS }, () => openPopup()));
    await Promise.all(
      popups.map((popup) => expect(popup.getByRole('heading', { level: 1 })).toHaveText('To Marco Bianchi')),
    );

    const replies = await Promise.all(
      popups.map((popup) =>
        popup.evaluate(
          (count) =>
            Promise.all(
              Array.from({ length: count }, () =>
                (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({
                  type: 'outreach/reserve',
                  commentId: '457',
                  category: 'care',
                  templateId: 'default-care-2-en',
                  text: 'Hi Marco, let us help you.',
                }),
              ),
            ),
          REQUESTS_PER_TAB,
        ),
      ),
    );
    const recorded = replies
      .flat()
      .filter((reply) => (reply as { data: { entry: unknown } }).data.entry !== null);
    expect(recorded).toHaveLength(1);
    await popups[0]!.getByRole('button', { name: 'Log' }).click();
    await expect(popups[0]!.locator('tbody tr')).toHaveCount(1);
  },
);

base('the log survives closing and reopening the browser on the same profile', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'page-outreach-restart-'));
  const sendOnce = async () => {
    const context = await launchWithExtension({ userDataDir });
    await routeFacebook(context);
    const id = await extensionId(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(DEMO_POSTS.en.url);
    await page.getByRole('button', { name: 'Send message to Sara Neri' }).click();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/src/popup/index.html`);
    await popup.getByRole('radio', { name: 'Friendly warning' }).check();
    await popup.getByRole('button', { name: 'Send' }).click();
    await expect(popup.getByText(/^Message copied/)).toBeVisible();
    await popup.getByRole('button', { name: 'Log' }).click();
    await expect(popup.locator('tbody tr')).toHaveCount(1);
    const rows = await popup.locator('tbody tr').allTextContents();
    await context.close();
    return rows;
  };
  const before = await sendOnce();
  expect(before).toHaveLength(1);

  const context = await launchWithExtension({ userDataDir });
  try {
    const id = await extensionId(context);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/src/popup/index.html`);
    await popup.getByRole('button', { name: 'Log' }).click();
    await expect(popup.locator('tbody tr')).toHaveCount(1);
    expect(await popup.locator('tbody tr').allTextContents()).toEqual(before);
  } finally {
    await context.close();
  }
});
