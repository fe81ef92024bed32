import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { DEFAULT_TEMPLATES } from '../../src/shared/templates';
import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import {
  chooseBackupToRestore,
  expect,
  sendActions,
  storedSightings,
  test,
  type Page,
} from './extension-test';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = { pageId: 'acmecoffee', pageName: 'Acme Coffee' };
const OLD_POST = 'https://www.facebook.com/acmecoffee/posts/pfbid0OlderPost';
/** The messages went out this long before the test runs; the demo post's comments are hours old. */
const MESSAGES_AGO_MS = 10 * DAY_MS;
/** The background's clock is then moved on, so the 14 days after the messages have all passed. */
const CLOCK_AHEAD_MS = 5 * DAY_MS;

/** A salted key, as the extension makes it (fans/forgotten-fans.ts): 16 bytes of SHA-256, base64url. */
function saltedKey(salt: string, ...parts: string[]): string {
  return createHash('sha256')
    .update([salt, ...parts].join('\u0000'))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/**
 * A backup from a browser that, ten days ago on an older post, thanked Giulia and Luca and sent promos
 * to Marco and to a fan who is not on the demo post, while Sara and two others commented and got
 * nothing. On the demo post, Giulia, Luca, Marco and Sara comment again.
 */
function backupWithMessages(now: number, extra: object[] = []): Buffer {
  const salt = randomBytes(32).toString('base64');
  const sentAt = now - MESSAGES_AGO_MS;
  const commentedAt = sentAt - 2 * 60 * 60 * 1000;
  const messaged: Array<[string, 'thanks' | 'promo']> = [
    ['giulia.rossi.77', 'thanks'],
    ['luca.verdi', 'thanks'],
    ['100012345678901', 'promo'],
    ['promo.fan.elsewhere', 'promo'],
  ];
  const fans = [...messaged.map(([fanId]) => fanId), 'sara.neri.5', 'quiet.fan.1', 'quiet.fan.2'];
  const outreach = messaged.map(([fanId, category], index) => ({
    id: `00000000-0000-4000-8000-00000000000${index}`,
    ...PAGE,
    fanId,
    fanName: fanId,
    fanUrl: `https://www.facebook.com/${fanId}`,
    commentId: String(9000 + index),
    postUrl: OLD_POST,
    commentExcerpt: '',
    commentPostedAt: commentedAt,
    category,
    templateId: `default-${category}-1-en`,
    templateTitle: '',
    text: 'Hi',
    createdAt: sentAt,
    updatedAt: sentAt,
    status: 'sent',
  }));
  const sightings = fans.map((fanId, index) => ({
    pageId: PAGE.pageId,
    fanKey: saltedKey(salt, PAGE.pageId, fanId),
    commentKey: saltedKey(salt, String(9000 + index)),
    postKey: new URL(OLD_POST).pathname,
    at: commentedAt,
    timeFrom: 'facebook',
    source: 'page',
  }));
  const backup = {
    format: 'page-outreach/backup',
    version: 1,
    schemaVersion: 13,
    exportedAt: new Date(now).toISOString(),
    outreach: [...outreach, ...extra],
    fans: [],
    templates: DEFAULT_TEMPLATES,
    settings: DEFAULT_POLICY_SETTINGS,
    placeholders: {},
    sightings,
    fanSalt: salt,
  };
  return Buffer.from(JSON.stringify(backup));
}

async function restore(options: Page, backup: Buffer): Promise<void> {
  await chooseBackupToRestore(options, backup);
  await expect(options.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
}

test('a restored log, then a post where some of its fans comment again: the Discretion view counts who came back, per kind', async ({
  page,
  context,
  extensionId,
  background,
  openPopup,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await restore(options, backupWithMessages(Date.now()));

  await page.goto(DEMO_POSTS.en.url);
  await expect(sendActions(page)).toHaveCount(6);
  // The backup's seven comments, and the demo post's.
  await expect.poll(async () => (await storedSightings(background)).length).toBe(7 + 6);
  await background.evaluate((ahead) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + ahead;
  }, CLOCK_AHEAD_MS);

  const popup = await openPopup();
  await popup.getByRole('button', { name: 'Discretion' }).click();
  await expect(popup.getByRole('heading', { name: 'Did they come back?' })).toBeVisible();
  // Each messaged fan is matched with Sara and the two quiet fans, of whom Sara came back: 33 %.
  await expect(popup.getByText('Thanks: 100 % came back (no message: 33 %)')).toBeVisible();
  await expect(popup.getByText('Promo: 50 % came back (no message: 33 %)')).toBeVisible();
  await expect(
    popup.getByText('2 fans messaged (95 % interval 34 %–100 %), against 3 who got nothing.'),
  ).toHaveCount(1);
  await expect(popup.getByText(/Not enough data yet: 2 of the 30 fans/)).toHaveCount(2);
  await expect(popup.getByText(/comments, 13 \(13 with Facebook’s time\); posts opened, 2\./)).toBeVisible();
  // The promo'd fan who is not on the demo post went quiet.
  await expect(
    popup.getByRole('listitem').filter({ hasText: 'promo.fan.elsewhere — Promo on' }),
  ).toBeVisible();

  // The compose view says it in one line for the kind of message chosen.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const compose = await openPopup();
  await expect(
    compose.getByText('Thanks: 100 % came back (no message: 33 %) (14 days, 2 fans)'),
  ).toBeVisible();
});

const SAME_TEXT = 'Thanks for your comment, see you soon!';

test('the same words sent to five fans this week: the compose view nudges the admin to make them this fan’s own', async ({
  page,
  context,
  extensionId,
  openPopup,
}) => {
  const now = Date.now();
  const sameText = Array.from({ length: 5 }, (_, index) => ({
    id: `00000000-0000-4000-8000-00000000010${index}`,
    ...PAGE,
    fanId: `earlier.fan.${index}`,
    fanName: `Earlier Fan ${index}`,
    fanUrl: `https://www.facebook.com/earlier.fan.${index}`,
    commentId: String(9100 + index),
    postUrl: OLD_POST,
    commentExcerpt: '',
    category: 'thanks',
    templateId: 'default-thanks-1-en',
    templateTitle: '',
    text: SAME_TEXT,
    createdAt: now - DAY_MS - index,
    updatedAt: now - DAY_MS - index,
    status: 'sent',
  }));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await restore(options, backupWithMessages(now, sameText));

  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Marco Bianchi' }).click();
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'Customer care' }).click();
  await popup.getByRole('radio', { name: "Let's sort it out privately" }).check();
  const nudge = popup.getByRole('note').filter({ hasText: 'This exact text already went to' });
  await expect(nudge).toHaveCount(0);
  await popup.getByRole('button', { name: 'Edit this message' }).click();
  await popup.getByLabel('Message to Marco Bianchi (the template stays as it is)').fill(SAME_TEXT);
  await expect(nudge).toHaveText(
    'This exact text already went to 5 fans in the last 7 days. Fans compare notes: make it this fan’s own, for example by quoting their comment ({comment_excerpt}).',
  );
});
