import { DEMO_POSTS, reactPostUrl } from '../fixtures/facebook-routes.mjs';
import { expectOneActionPerFanComment } from './react-bed';
import {
  categoryVerdict,
  expect,
  fanStatusTexts,
  openFanDetails,
  sendActions,
  sendTemplate,
  showCategory,
  test,
  type Page,
} from './extension-test';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Comments on the long thread, all shown at once: many screens tall. */
const LONG_THREAD = 150;

test('after a send, every open tab shows the fan’s new status beside their actions without reloading', async ({
  context,
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const otherTab = await context.newPage();
  await otherTab.goto(DEMO_POSTS.en.url);
  await expect(sendActions(otherTab)).toHaveCount(6);
  const statusesOf = (tab: typeof page, fan: string) => () => fanStatusTexts(tab, fan);
  await expect.poll(statusesOf(otherTab, 'Giulia Rossi')).toEqual([]);

  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  await sendTemplate(popup, 'Thank you for commenting');

  const nextDay = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' }).format(
    Date.now() + WEEK_MS,
  );
  for (const tab of [otherTab, page]) {
    // Both of Giulia's comments carry her status; other fans' do not.
    await expect
      .poll(statusesOf(tab, 'Giulia Rossi'))
      .toEqual([
        `messaged just now · limit reached until ${nextDay}`,
        `messaged just now · limit reached until ${nextDay}`,
      ]);
    expect(await fanStatusTexts(tab, 'Marco Bianchi')).toEqual([]);
  }
});

test('a fan warned before shows the warning count as soon as the post loads', async ({ page, openPopup }) => {
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Sara Neri' }).click();
  const popup = await openPopup();
  await sendTemplate(popup, 'Friendly warning', 'Pre-ban warning');

  await page.reload();
  await expect
    .poll(() => fanStatusTexts(page, 'Sara Neri'))
    .toEqual([expect.stringMatching(/^messaged just now · limit reached until .* · 1 warning$/)]);
});

test('marking a fan "do not contact" leaves only customer care and shows beside their action at once', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Sara Neri' }).click();
  const popup = await openPopup();
  await openFanDetails(popup);
  await popup.getByRole('checkbox', { name: 'Do not contact this fan (customer care only)' }).check();

  for (const category of ['Thanks', 'Promo', 'Pre-ban warning']) {
    await expect(await categoryVerdict(popup, category)).toHaveText(
      'Sara Neri is marked “do not contact”: only customer care is possible.',
    );
  }
  await expect(await categoryVerdict(popup, 'Customer care')).toHaveText('Sara Neri can be messaged now.');
  // Facebook's rule-like limits cannot be overridden: no reason box, no "Send anyway".
  await showCategory(popup, 'Pre-ban warning');
  await popup.getByRole('radio', { name: 'Friendly warning' }).check();
  await expect(popup.getByRole('button', { name: 'Review message' })).toBeDisabled();
  await expect(popup.getByRole('button', { name: 'Send anyway' })).toHaveCount(0);

  const sara = () => fanStatusTexts(page, 'Sara Neri');
  await expect.poll(sara).toEqual(['do not contact']);

  await popup.getByRole('checkbox', { name: 'Do not contact this fan (customer care only)' }).uncheck();
  await expect.poll(sara).toEqual([]);
  await expect(popup.getByRole('button', { name: 'Review message' })).toBeEnabled();
});

test('restoring a backup refreshes every fan’s status in open tabs without reloading', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const popup = await openPopup();
  const send = (message: object) =>
    popup.evaluate(
      (body) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome.runtime.sendMessage(body),
      message,
    );
  // A backup from before Giulia was messaged.
  // A small log: the backup's text comes in one part.
  const before = (await send({ type: 'backup/export', part: 0, exportedAt: Date.now() })) as {
    data: { text: string; parts: number };
  };
  expect(before.data.parts).toBe(1);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const compose = await openPopup();
  await sendTemplate(compose, 'Thank you for commenting');
  const giulia = () => fanStatusTexts(page, 'Giulia Rossi');
  await expect.poll(async () => (await giulia()).length).toBe(2);

  const uploadId = crypto.randomUUID();
  await send({ type: 'backup/upload', uploadId, part: 0, text: before.data.text });
  expect(await send({ type: 'backup/restore', uploadId, parts: 1, mode: 'replace' })).toMatchObject({
    ok: true,
  });
  await expect.poll(giulia).toEqual([]);
});

/** Everything a script of the page can learn of the status box in each of our slots, by fan. */
function statusBoxesAsThePageSeesThem(): [string, unknown][] {
  // Not in TypeScript's DOM types, yet every browser has it: it searches what the page draws.
  const found = (window as unknown as { find(text: string): boolean }).find('do not contact');
  getSelection()?.selectAllChildren(document.body);
  const selected = getSelection()?.toString() ?? '';
  return [...document.querySelectorAll('[data-page-outreach="slot"]')].map((slot) => {
    const boxes = slot.querySelectorAll('[data-page-outreach="status"]');
    const box = boxes[0] as HTMLElement;
    const { width, height } = box.getBoundingClientRect();
    let attachable = true;
    try {
      box.attachShadow({ mode: 'open' });
    } catch {
      attachable = false;
    }
    const seen = {
      boxes: boxes.length,
      width,
      height,
      scroll: [box.scrollWidth, box.scrollHeight, box.offsetWidth, box.offsetHeight],
      text: box.textContent,
      shadow: box.shadowRoot,
      attachable,
      found,
      selected: selected.includes('do not contact'),
    };
    return [slot.getAttribute('data-fan')!, seen];
  });
}

test('every comment’s status box looks the same to facebook.com’s scripts, whatever the fan’s standing', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  // Giulia's status is longer than its box; Sara's short; the other fans have none.
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  await sendTemplate(await openPopup(), 'Thank you for commenting');
  await page.getByRole('button', { name: 'Send message to Sara Neri' }).click();
  const popup = await openPopup();
  await openFanDetails(popup);
  await popup.getByRole('checkbox', { name: 'Do not contact this fan (customer care only)' }).check();
  await expect.poll(() => fanStatusTexts(page, 'Sara Neri')).toEqual(['do not contact']);
  expect(await fanStatusTexts(page, 'Giulia Rossi')).toEqual([
    expect.stringMatching(/^messaged just now · limit reached until /),
    expect.stringMatching(/^messaged just now · limit reached until /),
  ]);
  // The page even tries to let the text size the box.
  await page.addStyleTag({
    content:
      '[data-page-outreach="status"] { display: inline !important; contain: none !important; width: auto !important; }',
  });
  await page.evaluate(() => {
    for (const box of document.querySelectorAll<HTMLElement>('[data-page-outreach="status"]'))
      box.style.setProperty('inline-size', 'max-content', 'important');
  });

  const seen = await page.evaluate(statusBoxesAsThePageSeesThem);
  expect(seen).toHaveLength(6);
  const first = seen[0]![1];
  expect(first).toMatchObject({
    boxes: 1,
    text: '',
    shadow: null,
    attachable: false,
    found: false,
    selected: false,
  });
  expect((first as { width: number }).width).toBeGreaterThan(0);
  // Sara's box and every fan's with nothing to show are the same to the page.
  for (const [, box] of seen) expect(box).toEqual(first);
});

const actionOf = (page: Page, commentId: string) =>
  page.locator(`button[data-page-outreach="send-message"][data-comment-id="${commentId}"]`);

/** Does the action of comment `commentId` have its status box yet? (The page can see that much.) */
async function hasStatusBox(page: Page, commentId: string): Promise<boolean> {
  await expect(actionOf(page, commentId)).toHaveCount(1);
  return (
    (await actionOf(page, commentId).locator('xpath=..').locator('[data-page-outreach="status"]').count()) > 0
  );
}

test('on a long thread a fan’s status is drawn when their comment comes near the viewport, not before', async ({
  page,
  openPopup,
}) => {
  const thread = reactPostUrl('en', { comments: LONG_THREAD, page: LONG_THREAD });
  await page.goto(thread);
  // The whole thread first: until then "the last action" is a different one from moment to moment.
  await expectOneActionPerFanComment(page);
  const commentId = (await sendActions(page).last().getAttribute('data-comment-id'))!;
  const fan = (await actionOf(page, commentId).getAttribute('aria-label'))!.replace(/^Send message to /, '');
  await actionOf(page, commentId).click();
  const popup = await openPopup();
  await openFanDetails(popup);
  await popup.getByRole('checkbox', { name: 'Do not contact this fan (customer care only)' }).check();
  await expect.poll(() => fanStatusTexts(page, fan)).toEqual(['do not contact']);

  // Loaded afresh, at the top (a new visit: a reload would restore where the page was scrolled to): the
  // first comments have their boxes, the last one has none yet.
  await page.goto('about:blank');
  await page.goto(thread);
  const first = await sendActions(page).first().getAttribute('data-comment-id');
  await expect.poll(() => hasStatusBox(page, first!)).toBe(true);
  expect(await hasStatusBox(page, commentId)).toBe(false);

  await actionOf(page, commentId).scrollIntoViewIfNeeded();
  await expect.poll(() => fanStatusTexts(page, fan)).toEqual(['do not contact']);
});
