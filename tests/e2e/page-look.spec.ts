import { DEMO_POSTS, reactPostUrl } from '../fixtures/facebook-routes.mjs';
import { expectOneActionPerFanComment } from './react-bed';
import {
  expect,
  sendActions,
  serveUnknownLayout,
  test,
  untilRecognitionNotice,
  type Page,
} from './extension-test';

/** Tall enough that the whole demo post and a small React thread are in view. */
const TALL = { width: 1100, height: 12_000 };

/** What the page shows, counted plainly: articles in view (hidden copies aside) and our actions. */
function shownOnPage(page: Page) {
  return page.evaluate(() => {
    const inView = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
    };
    const articles = [...document.querySelectorAll('[role="article"]')].filter(
      (article) => !article.closest('[hidden]') && inView(article),
    );
    return {
      articles: articles.length,
      actions: document.querySelectorAll('button[data-page-outreach="send-message"]').length,
    };
  });
}

/** The popup's "What it sees" view, looking at `page` (the tab in front, as when the popup opens over it). */
async function lookAt(page: Page, openPopup: () => Promise<Page>): Promise<Page> {
  const popup = await openPopup();
  await page.bringToFront();
  await popup.getByRole('button', { name: 'What it sees' }).click();
  await expect(popup.getByRole('heading', { name: 'What Page Outreach sees here' })).toBeVisible();
  return popup;
}

interface DomNode {
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The outlines drawn on the page, as (standing, colour), read through the browser's own DOM inspection:
 * they are in a closed shadow root the page cannot enter.
 */
async function outlinesOn(page: Page): Promise<Array<[string, string]>> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const attribute = (node: DomNode, name: string) => {
    const at = node.attributes?.indexOf(name) ?? -1;
    return at >= 0 && at % 2 === 0 ? node.attributes![at + 1] : undefined;
  };
  const found: Array<[string, string]> = [];
  const visit = (node: DomNode, inLayer: boolean): void => {
    const title = attribute(node, 'title');
    const colour = /outline: [^;]*?(rgb\([^)]*\))/.exec(attribute(node, 'style') ?? '')?.[1];
    if (inLayer && title && colour) found.push([title, colour]);
    const layer = inLayer || attribute(node, 'data-page-outreach') === 'outlines';
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) visit(child, layer);
  };
  visit(root, false);
  return found;
}

const GREEN = 'rgb(30, 123, 52)';
const GREY = 'rgb(101, 103, 107)';

/** A count the view shows, by its label. */
const countOf = (popup: Page, label: string) =>
  popup
    .locator('.census div')
    .filter({ has: popup.getByText(label, { exact: true }) })
    .locator('dd');

test('on the hand-written post, what it sees matches the page, and the outlines go on and off', async ({
  page,
  openPopup,
}) => {
  await page.setViewportSize(TALL);
  await page.goto(DEMO_POSTS.en.url);
  await expect(sendActions(page)).toHaveCount(6);
  const shown = await shownOnPage(page);
  const popup = await lookAt(page, openPopup);
  await expect(countOf(popup, 'Articles (posts and comments)')).toHaveText(String(shown.articles));
  await expect(countOf(popup, 'Fans’ comments recognized')).toHaveText('6');
  await expect(countOf(popup, '…with “Send message”')).toHaveText(String(shown.actions));
  await expect(popup.getByText('Every signal is found.')).toBeVisible();

  const outlines = page.locator('[data-page-outreach="outlines"]');
  await popup.getByRole('checkbox', { name: /^Outline the articles/ }).check();
  await expect(outlines).toHaveCount(1);
  // All is well: six fans' comments in green; the post and the Page's reply in grey, none in red.
  const drawn = await outlinesOn(page);
  expect(drawn.filter(([standing]) => standing === 'recognized')).toEqual(
    Array(6).fill(['recognized', GREEN]),
  );
  expect(drawn).toContainEqual(['post', GREY]);
  expect(drawn.filter(([, colour]) => colour !== GREEN && colour !== GREY)).toEqual([]);
  await popup.getByRole('checkbox', { name: /^Outline the articles/ }).uncheck();
  await expect(outlines).toHaveCount(0);
});

test('what it sees names the host it read, www.facebook.com or web.facebook.com', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url.replace('https://www.', 'https://web.'));
  await expect(sendActions(page)).toHaveCount(6);
  const popup = await lookAt(page, openPopup);
  await expect(
    popup.getByText(/^Counted on web\.facebook\.com, in the part of the page in view/),
  ).toBeVisible();
  await expect(countOf(popup, 'Fans’ comments recognized')).not.toHaveText('0');
});

test('on the React bed, what it sees matches the page once every comment has arrived', async ({
  page,
  openPopup,
}) => {
  await page.setViewportSize(TALL);
  await page.goto(reactPostUrl('en', { comments: 30, page: 30 }));
  await expectOneActionPerFanComment(page, 20);
  const shown = await shownOnPage(page);
  const popup = await lookAt(page, openPopup);
  await expect(countOf(popup, 'Articles (posts and comments)')).toHaveText(String(shown.articles));
  await expect(countOf(popup, 'Fans’ comments recognized')).toHaveText(String(shown.actions));
  await expect(countOf(popup, '…with “Send message”')).toHaveText(String(shown.actions));
});

test('on a layout it does not know, it names the signal that fails', async ({ page, openPopup }) => {
  await serveUnknownLayout(page, DEMO_POSTS.en.url);
  await page.goto(DEMO_POSTS.en.url);
  const popup = await lookAt(page, openPopup);
  await expect(countOf(popup, 'Fans’ comments recognized')).toHaveText('0');
  await expect(popup.getByRole('status')).toHaveText(
    'Recognition stops at: no article holds a link to its own comment.',
  );
});

test('a page report is shown in full, holds nobody’s name or words, and is saved only when asked', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  await expect(sendActions(page)).toHaveCount(6);
  const popup = await lookAt(page, openPopup);
  await popup.getByRole('button', { name: 'Build a page report' }).click();
  const shown = popup.getByLabel('The page report, in full');
  await expect(shown).toHaveValue(/"format": "page-outreach\/page-report"/);
  const text = await shown.inputValue();
  for (const personal of ['Giulia', 'Rossi', 'hazelnut', 'acmecoffee', 'pfbid02AbCdEf', 'giulia.rossi.77']) {
    expect(text).not.toContain(personal);
  }
  expect(JSON.parse(text).header.census).toMatchObject({ recognized: expect.any(Number), actions: 6 });
  // The project has no public tracker yet (package.json names none), so the screen says so, not "an issue".
  await expect(popup.getByText('names no tracker for reports')).toBeVisible();
  const saved = popup.waitForEvent('download');
  await popup.getByRole('button', { name: 'Save the report' }).click();
  expect((await saved).suggestedFilename()).toMatch(/^page-outreach-report-\d+\.json$/);
});

test('the notice that comments could not be recognized leads to what it sees', async ({
  page,
  openPopup,
}) => {
  await serveUnknownLayout(page, DEMO_POSTS.en.url);
  await page.goto(DEMO_POSTS.en.url);
  const popup = await openPopup();
  await untilRecognitionNotice(popup);
  await page.bringToFront();
  await popup.getByRole('button', { name: 'See what Page Outreach sees here' }).click();
  await expect(popup.getByRole('status')).toHaveText(/^Recognition stops at: /);
});
