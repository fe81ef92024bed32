import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import {
  GRAPH_ANSWERS,
  graphWithComments,
  happyGraph,
  happyGraphBut,
  startGraphStub,
} from '../fixtures/graph-stub.mjs';
import {
  categoryVerdict,
  type ExtensionGlobals,
  type Page,
  test,
  storedEntries,
  type Worker,
  expect,
} from './extension-test';

const TOKEN = 'EAAGe2eStubPageAccessTokenZX81';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

// The test build: the same extension, whose Graph API address the tests may point at their stub.
test.use({ extensionPath: 'dist/chrome-test' });

let stub: Awaited<ReturnType<typeof startGraphStub>>;
/** Everything the extension's pages and worker print, from the start of each test. */
let logged: string[];
/** Every test starts with the stub answering and a Page connected (remembered) on the options page. */
test.beforeEach(async ({ background, context, extensionId }) => {
  logged = [];
  context.on('console', (message) => logged.push(message.text()));
  background.on('console', (message) => logged.push(message.text()));
  stub = await startGraphStub();
  await background.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
    };
    await chrome.storage.local.set({ 'test:graphBaseUrl': url });
  }, stub.url);
  await connectOnOptionsPage(await context.newPage(), extensionId);
});
test.afterEach(() => stub.close());

const posts = () => stub.requests.filter((request) => request.method === 'POST');

async function connectOnOptionsPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const section = page.getByRole('region', { name: 'Send through the Graph API' });
  await section.getByLabel('Page access token').fill(TOKEN);
  await section.getByLabel('Remember on this computer').check();
  await section.getByRole('button', { name: 'Connect' }).click();
  await expect(section.getByText(/^Connected: Acme Coffee \(Page id 1000123\)/)).toBeVisible();
}

async function sendThanksToGiulia(page: Page, openPopup: () => Promise<Page>): Promise<Page> {
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  await popup.getByRole('button', { name: 'Review message' }).click();
  await expect(popup.getByText('Send posts it at once through the Graph API, as Acme Coffee.')).toBeVisible();
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  return popup;
}

/**
 * Giulia's thank-you, which Facebook refuses with `answer` (the popup then says `said`), then the
 * popup opened again on her first or last comment.
 */
async function reopenAfterRefusal(
  page: Page,
  openPopup: () => Promise<Page>,
  answer: ReturnType<typeof GRAPH_ANSWERS.error>,
  said: string,
  comment: 'first' | 'last',
): Promise<Page> {
  stub.handler = (request) => (request.method === 'POST' ? answer : happyGraph(request));
  const first = await sendThanksToGiulia(page, openPopup);
  await expect(first.getByText(said)).toBeVisible();
  await first.close();
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' })[comment]().click();
  return openPopup();
}

test('a Page connected on the options page gets its comment answered in one well-formed Graph request', async ({
  page,
  openPopup,
  background,
}) => {
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect(popup.getByText('Sent to Giulia Rossi through the Graph API.')).toBeVisible();

  const [entry] = await storedEntries(background);
  expect(posts()).toEqual([
    {
      method: 'POST',
      path: '/v25.0/1000123/messages',
      authorization: `Bearer ${TOKEN}`,
      body: { recipient: { comment_id: '123_456' }, message: { text: entry!.text } },
    },
  ]);
  expect(entry).toMatchObject({ status: 'sent', messageId: 'm_stub-message-1' });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Log' }).click();
  await expect(popup.locator('tbody td').nth(4)).toHaveText('Sent');
});

/** Each way Facebook can answer a send: what the popup says and what the log keeps. */
const ANSWERS = [
  ['token-expired', GRAPH_ANSWERS.error(190, 463), "Not sent: the Page's access token has expired"],
  ['permission-missing', GRAPH_ANSWERS.error(10, undefined, 403), 'Not sent: the token lacks a permission'],
  ['comment-too-old', GRAPH_ANSWERS.error(10, 2018278), 'Not sent: Facebook says the comment is too old'],
  ['user-unavailable', GRAPH_ANSWERS.error(551), 'Not sent: this person cannot receive messages'],
  ['rate-limited', GRAPH_ANSWERS.error(32), 'Not sent: Facebook asked the Page to slow down'],
  [
    'page-restricted',
    GRAPH_ANSWERS.error(10, 1893063),
    'Not sent: Facebook has temporarily restricted the Page',
  ],
  ['page-blocked', GRAPH_ANSWERS.error(368), 'Not sent: Facebook has blocked the Page from sending'],
  ['checkpoint', GRAPH_ANSWERS.error(190, 459), 'Not sent: Facebook asks the account behind'],
  ['rejected', GRAPH_ANSWERS.error(100), 'Not sent: Facebook refused the message'],
] as const;

for (const [error, answer, said] of ANSWERS) {
  test(`a send Facebook refuses as “${error}” ends not sent, saying why`, async ({
    page,
    openPopup,
    background,
  }) => {
    stub.handler = (request) => (request.method === 'POST' ? answer : happyGraph(request));
    const popup = await sendThanksToGiulia(page, openPopup);
    await expect(popup.getByText(said)).toBeVisible();
    expect(await storedEntries(background)).toMatchObject([{ status: 'failed', deliveryError: error }]);
    await popup.getByRole('button', { name: 'Log' }).click();
    await expect(popup.locator('tbody td').nth(4)).toHaveText('Not sent');
  });
}

test('a comment Facebook says already has a private reply is logged sent, and the popup says nothing new went out', async ({
  page,
  openPopup,
  background,
}) => {
  stub.handler = (request) => (request.method === 'POST' ? GRAPH_ANSWERS.error(10900) : happyGraph(request));
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect(popup.getByText('already has a private reply, so nothing new was sent')).toBeVisible();
  expect(await storedEntries(background)).toMatchObject([
    { status: 'sent', deliveryError: 'already-answered' },
  ]);
  await popup.getByRole('button', { name: 'Log' }).click();
  await expect(popup.locator('tbody td').nth(4)).toHaveText('Sent');
});

test('after Facebook blocks the Page (368) the next send is stopped before review, with the reason and until when', async ({
  page,
  openPopup,
}) => {
  // Not sent, so the comment is free again: only the pause stands in the way.
  const popup = await reopenAfterRefusal(
    page,
    openPopup,
    GRAPH_ANSWERS.error(368),
    'Not sent: Facebook has blocked the Page from sending',
    'first',
  );
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  await expect(
    popup.getByText(/^Facebook's last answer for this Page: Facebook has blocked the Page .* until /),
  ).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Review message' })).toBeDisabled();
  expect(posts()).toHaveLength(1);
});

test('a fan Facebook says cannot receive messages is named so in the popup from then on', async ({
  page,
  openPopup,
}) => {
  const popup = await reopenAfterRefusal(
    page,
    openPopup,
    GRAPH_ANSWERS.error(551),
    'Not sent: this person cannot receive messages',
    'last',
  );
  await expect(
    popup
      .getByRole('note')
      .filter({ hasText: 'Facebook said Giulia Rossi cannot receive messages from this Page' }),
  ).toBeVisible();
});

test('a message the Page sent the fan from elsewhere two days ago shows in the popup’s verdict once Facebook answers', async ({
  page,
  openPopup,
}) => {
  const twoDaysAgo = Date.now() - 2 * 24 * 60 * 60_000;
  stub.handler = happyGraphBut('/conversations?platform=messenger', GRAPH_ANSWERS.conversation([twoDaysAgo]));
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  await expect(await categoryVerdict(popup, 'Thanks')).toHaveText(
    /^Giulia Rossi was messaged 2 days ago; next message possible on/,
  );
});

test('Facebook’s can_reply_privately saying no stops the send before it is made', async ({
  page,
  openPopup,
  background,
}) => {
  stub.handler = (request) =>
    request.path.includes('can_reply_privately')
      ? { body: { can_reply_privately: false } }
      : happyGraph(request);
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect(
    popup.getByText('Not sent: Facebook does not allow a private reply to this comment.'),
  ).toBeVisible();
  expect(posts()).toEqual([]);
  expect(await storedEntries(background)).toMatchObject([
    { status: 'failed', deliveryError: 'cannot-reply' },
  ]);
});

test('a server error leaves the message unknown, and the popup says to check the inbox', async ({
  page,
  openPopup,
  background,
}) => {
  stub.handler = (request) =>
    request.method === 'POST' ? GRAPH_ANSWERS.error(2, undefined, 500) : happyGraph(request);
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect(
    popup.getByText(/^Facebook did not answer in time, so the message may or may not have gone/),
  ).toBeVisible();
  expect(await storedEntries(background)).toMatchObject([{ status: 'unknown' }]);
});

test('a slow answer from Facebook still ends sent', async ({ page, openPopup, background }) => {
  stub.handler = (request) =>
    request.method === 'POST' ? { ...GRAPH_ANSWERS.sent, delayMs: 2500 } : happyGraph(request);
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect(popup.getByText('Sent to Giulia Rossi through the Graph API.')).toBeVisible();
  expect(await storedEntries(background)).toMatchObject([{ status: 'sent' }]);
});

test('a worker killed while Facebook is answering leaves exactly one request and an unknown entry', async ({
  context,
  page,
  openPopup,
}) => {
  stub.handler = (request) =>
    request.method === 'POST' ? { ...GRAPH_ANSWERS.sent, delayMs: 4000 } : happyGraph(request);
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect.poll(() => posts().length).toBe(1);
  const cdp = await context.newCDPSession(popup);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker');
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });

  // A fresh worker settles what the killed one left in flight, and never asks Facebook again.
  await expect(async () => {
    await popup.reload();
    await popup.getByRole('button', { name: 'Log' }).click();
    await expect(popup.locator('tbody td').nth(4)).toHaveText('Unknown — check the inbox', { timeout: 500 });
  }).toPass();
  expect(posts()).toHaveLength(1);
});

test('the token never reaches storage.local, an export, the console or the facebook.com page', async ({
  page,
  openPopup,
}) => {
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect(popup.getByText('Sent to Giulia Rossi through the Graph API.')).toBeVisible();

  const reachable = await popup.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals & {
      chrome: { storage: { local: { get: (key: null) => Promise<unknown> } } };
    };
    return JSON.stringify([
      await chrome.storage.local.get(null),
      await chrome.runtime.sendMessage({ type: 'backup/export', part: 0, exportedAt: Date.now() }),
      await chrome.runtime.sendMessage({ type: 'templates/export' }),
      await chrome.runtime.sendMessage({ type: 'graph/status' }),
    ]);
  });
  expect(reachable).toContain('Acme Coffee');
  expect(reachable).toContain('"parts":1');
  expect(reachable).not.toContain(TOKEN);
  expect(await page.content()).not.toContain(TOKEN);
  expect(logged.join('\n')).not.toContain(TOKEN);
});

test('the Discretion view reads every post’s comments through the Graph API and counts who came back there', async ({
  page,
  openPopup,
  background,
}) => {
  const popup = await sendThanksToGiulia(page, openPopup);
  await expect(popup.getByText('Sent to Giulia Rossi through the Graph API.')).toBeVisible();
  const sentAt = Date.now();
  // Giulia's comment (456) and four others' on one post; Giulia and one other again two days later.
  const others = ['9002', '9003', '9004', '9005'];
  stub.handler = graphWithComments([
    {
      id: '1000123_2',
      at: sentAt + 2 * DAY_MS,
      comments: ['9001', '9002'].map((fromId, index) => ({
        id: `2_${700 + index}`,
        fromId,
        at: sentAt + 2 * DAY_MS,
      })),
    },
    {
      id: '1000123_1',
      at: sentAt - 3 * HOUR_MS,
      comments: [
        { id: '123_456', fromId: '9001', at: sentAt - 2 * HOUR_MS },
        ...others.map((fromId) => ({ id: `123_${fromId}`, fromId, at: sentAt - 2 * HOUR_MS })),
      ],
    },
  ]);
  // The 14 days after the message have passed.
  await background.evaluate((ahead) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + ahead;
  }, 15 * DAY_MS);

  await popup.getByRole('button', { name: 'Discretion' }).click();
  await popup.getByRole('button', { name: 'Read all posts’ comments' }).click();
  await expect(
    popup.getByText(/^Read through the Graph API on .*: 2 posts, 7 comments \(7 new\)\.$/),
  ).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'all posts, through the Graph API' })).toBeChecked();
  // Giulia came back; of the four who commented beside her and got nothing, one did.
  await expect(popup.getByText('Thanks: 100 % came back (no message: 25 %)')).toBeVisible();
  await expect(popup.getByText(/read through the Graph API since .*: comments, 7; posts, 2\./)).toBeVisible();

  await popup.getByRole('radio', { name: 'posts opened in this browser' }).check();
  await expect(popup.getByText(/Based on what this browser saw since/)).toBeVisible();
});

export type { Worker };
