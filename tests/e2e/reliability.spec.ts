import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { extensionId, launchWithExtension } from '../../scripts/browser.mjs';
import { DEMO_POSTS, generatedPostUrl, routeFacebook } from '../fixtures/facebook-routes.mjs';
import {
  HEAVY_TEST_TIMEOUT_MS,
  pendingComment,
  sendActions,
  test as extensionTest,
  type ExtensionGlobals,
  type Page,
  sendTemplate,
} from './extension-test';

const TABS = 4;
const REQUESTS_PER_TAB = 25;
const DIFFERENT_FANS = 100;

/** The request the popup sends when the admin presses Send on Marco Bianchi's comment. */
const RESERVE_FOR_MARCO = {
  type: 'outreach/reserve',
  commentId: '457',
  category: 'care',
  templateId: 'default-care-2-en',
  text: 'Hi Marco, let us help you.',
} as const;

function send(popup: Page, message: unknown) {
  return popup.evaluate(
    (request) => (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage(request),
    message,
  ) as Promise<{ ok: boolean; data: { entry: { status: string } | null; verdict: { rule?: string } } }>;
}

/** Kills the extension's service worker the way Chrome does when it is idle or crashes. */
async function killWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker');
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  await cdp.detach();
}

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
          ({ count, message }) =>
            Promise.all(
              Array.from({ length: count }, () =>
                (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage(message),
              ),
            ),
          { count: REQUESTS_PER_TAB, message: RESERVE_FOR_MARCO },
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

extensionTest(
  'a worker killed between reservation and delivery leaves one entry, marked unknown, and nothing is sent twice',
  async ({ page, openPopup }) => {
    await page.goto(DEMO_POSTS.en.url);
    await page.getByRole('button', { name: 'Send message to Marco Bianchi' }).click();
    const popup = await openPopup();
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('To Marco Bianchi');
    expect((await send(popup, RESERVE_FOR_MARCO)).data.entry).toMatchObject({ status: 'reserved' });

    await killWorker(popup);

    // The admin tries again: the fresh worker refuses, because the comment may already be answered.
    expect((await send(popup, RESERVE_FOR_MARCO)).data).toMatchObject({
      entry: null,
      verdict: { rule: 'one-per-comment' },
    });
    await expect(async () => {
      await popup.reload();
      await popup.getByRole('button', { name: 'Log' }).click();
      await expect(popup.locator('tbody tr')).toHaveCount(1, { timeout: 500 });
      await expect(popup.locator('tbody td').nth(4)).toHaveText('Unknown — check the inbox', {
        timeout: 500,
      });
    }).toPass();
  },
);

extensionTest(
  `${DIFFERENT_FANS} send requests for ${DIFFERENT_FANS} different fans record ${DIFFERENT_FANS} entries`,
  async ({ page, openPopup, background }) => {
    extensionTest.setTimeout(HEAVY_TEST_TIMEOUT_MS);
    const popup = await openPopup();
    // A Page with room for them all: the daily cap raised and no pace between sends.
    const { data } = (await send(popup, { type: 'settings/get' })) as unknown as {
      data: { settings: Record<string, unknown> };
    };
    await send(popup, {
      type: 'settings/set',
      settings: { ...data.settings, pageDailyMax: 1000, paceSeconds: 0 },
    });
    await page.goto(generatedPostUrl(DIFFERENT_FANS));
    await expect(sendActions(page)).toHaveCount(DIFFERENT_FANS);

    // The admin works in the Facebook tab; the popup's requests do not need it in front.
    await page.bringToFront();
    const fans = new Set<string>();
    for (let index = 0; index < DIFFERENT_FANS; index += 1) {
      // A trusted click as any other, without waiting for the action to hold still over two frames:
      // that it can be clicked is every other test's business; here it is what 100 picks record.
      await sendActions(page).nth(index).click({ force: true });
      let picked: { commentId: string; authorId: string } | null = null;
      await expect
        .poll(
          async () => {
            picked = (await pendingComment(background)) as typeof picked;
            return picked && !fans.has(picked.authorId);
          },
          { intervals: [10] },
        )
        .toBe(true);
      fans.add(picked!.authorId);
      const reply = await send(popup, { ...RESERVE_FOR_MARCO, commentId: picked!.commentId });
      expect(reply.data.entry).toMatchObject({ status: 'reserved' });
    }
    await popup.getByRole('button', { name: 'Log' }).click();
    await expect(popup.locator('tbody tr')).toHaveCount(DIFFERENT_FANS);
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
    await sendTemplate(popup, 'Friendly warning', 'Pre-ban warning');
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
