import { describe, expect, test } from 'vitest';
import { KEYS } from '../../src/background/storage/keys';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { listOutreach } from '../../src/background/outreach/log';
import { GRAPH_ERRORS } from '../../src/shared/graph';
import { GRAPH_ANSWERS, happyGraph, happyGraphBut } from '../fixtures/graph-stub.mjs';
import { PAUSE_MS } from '../../src/background/graph/graph-connection';
import { fakeBrowser } from './fake-browser';
import { useGraphStub } from './graph-stub-setup';
import { giuliaComment } from './sample-comment';
import { pickAndReserveThanks } from './pick-and-reserve';
import { facebookTab, popup } from './senders';

const GRAPH_CONNECTION_KEY = KEYS.graphConnectionRemembered.key();

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const TOKEN = 'EAAGstubPageAccessToken0123456789';
const graph = useGraphStub();

async function connect(remember = false) {
  return routeMessage({ type: 'graph/connect', token: TOKEN, remember }, popup, NOW);
}

const reserve = (comment = giuliaComment) => pickAndReserveThanks(NOW, comment);
const deliver = (entryId: string) => routeMessage({ type: 'outreach/deliver', entryId }, popup, NOW + 1);
const entries = () => withDatabase((db) => listOutreach(db));
const posts = () => graph.stub.requests.filter((request) => request.method === 'POST');
/** A pause that ends `ms` after now: the answer to the POST is timed by the clock, not by NOW. */
const endingIn = (ms: number) => ({
  asymmetricMatch: (until: unknown) =>
    typeof until === 'number' && Math.abs(until - (Date.now() + ms)) < 60_000,
});

/** Everything the content script or an export could ever see, as one string. */
async function reachableByPages(): Promise<string> {
  const backup = await routeMessage({ type: 'backup/export', part: 0, exportedAt: NOW }, popup, NOW);
  if (!backup.ok || !('parts' in backup.data) || backup.data.parts !== 1)
    throw new Error('no one-part backup');
  const templates = await routeMessage({ type: 'templates/export' }, popup, NOW);
  return JSON.stringify([await fakeBrowser.storage.local.get(null), backup, templates]);
}

describe('connecting a Page to the Graph API', () => {
  test('a working Page token connects its Page, and the reply never holds the token', async () => {
    const reply = await connect();
    expect(reply).toEqual({
      ok: true,
      data: { page: { id: '1000123', name: 'Acme Coffee', canReadConversations: true, remembered: false } },
    });
    expect(JSON.stringify(reply)).not.toContain(TOKEN);
    expect(JSON.stringify(await routeMessage({ type: 'graph/status' }, popup, NOW))).not.toContain(TOKEN);
  });

  test('the token is kept for the session only, unless the admin asks to remember it', async () => {
    await connect(false);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(TOKEN);
    expect(await withDatabase((db) => db.get('meta', GRAPH_CONNECTION_KEY))).toBeUndefined();
    await connect(true);
    expect(await withDatabase((db) => db.get('meta', GRAPH_CONNECTION_KEY))).toContain(TOKEN);
  });

  test('the token never reaches storage.local or any export, remembered or not', async () => {
    await connect(true);
    await deliver(await reserve());
    expect(await reachableByPages()).not.toContain(TOKEN);
  });

  test('a remembered connection survives the session, a session one does not', async () => {
    await connect(true);
    fakeBrowser.storage.session.clear();
    expect(await routeMessage({ type: 'graph/status' }, popup, NOW)).toMatchObject({
      data: { page: { id: '1000123', remembered: true } },
    });
  });

  test('a token Facebook refuses is not kept, and the admin is told', async () => {
    graph.stub.handler = () => GRAPH_ANSWERS.error(190, 467);
    expect(await connect()).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'Facebook did not accept this as a Page access token. Nothing was changed.',
      },
    });
    expect(await routeMessage({ type: 'graph/status' }, popup, NOW)).toEqual({
      ok: true,
      data: { page: null },
    });
  });

  test('a token that cannot handle the Page’s messages is not kept', async () => {
    graph.stub.handler = happyGraphBut('conversations', GRAPH_ANSWERS.error(200, undefined, 403));
    expect(await connect()).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^This token works for Acme Coffee but cannot handle its messages/),
      },
    });
    expect(await routeMessage({ type: 'graph/status' }, popup, NOW)).toEqual({
      ok: true,
      data: { page: null },
    });
  });

  test('disconnecting forgets the token everywhere', async () => {
    await connect(true);
    await routeMessage({ type: 'graph/disconnect' }, popup, NOW);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(TOKEN);
    expect(await withDatabase((db) => db.get('meta', GRAPH_CONNECTION_KEY))).toBeUndefined();
  });

  test('a content script can neither connect a Page nor read the connection', async () => {
    for (const message of [
      { type: 'graph/status' },
      { type: 'graph/connect', token: TOKEN, remember: true },
    ]) {
      expect(await routeMessage(message, facebookTab, NOW)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});

describe('sending through the Graph API', () => {
  test('a comment on the connected Page goes out in one well-formed request and is logged sent with its id', async () => {
    await connect();
    const entryId = await reserve();
    expect(await deliver(entryId)).toEqual({ ok: true, data: { via: 'api', status: 'sent' } });
    expect(posts()).toEqual([
      {
        method: 'POST',
        path: '/v25.0/1000123/messages',
        authorization: `Bearer ${TOKEN}`,
        body: { recipient: { comment_id: '123_456' }, message: { text: 'Hi Giulia!' } },
      },
    ]);
    expect(await entries()).toMatchObject([{ status: 'sent', messageId: 'm_stub-message-1' }]);
  });

  test('Facebook’s can_reply_privately saying no stops the send and says why', async () => {
    graph.stub.handler = happyGraphBut('can_reply_privately', {
      body: { id: '123_456', can_reply_privately: false },
    });
    await connect();
    const entryId = await reserve();
    expect(await deliver(entryId)).toEqual({
      ok: true,
      data: { via: 'api', status: 'failed', error: 'cannot-reply' },
    });
    expect(posts()).toEqual([]);
    expect(await entries()).toMatchObject([{ status: 'failed', deliveryError: 'cannot-reply' }]);
  });

  const refusals = [
    ['token-expired', GRAPH_ANSWERS.error(190, 463)],
    ['checkpoint', GRAPH_ANSWERS.error(190, 459)],
    ['permission-missing', GRAPH_ANSWERS.error(10, undefined, 403)],
    ['comment-too-old', GRAPH_ANSWERS.error(10, 2018278)],
    ['user-unavailable', GRAPH_ANSWERS.error(551)],
    ['rejected', GRAPH_ANSWERS.error(100)],
  ] as const;
  for (const [error, answer] of refusals) {
    test(`a send refused as “${error}” is logged not sent, with the reason, and frees the comment`, async () => {
      await connect();
      const entryId = await reserve();
      graph.stub.handler = (request) => (request.method === 'POST' ? answer : happyGraph(request));
      expect(await deliver(entryId)).toEqual({ ok: true, data: { via: 'api', status: 'failed', error } });
      expect(await entries()).toMatchObject([{ status: 'failed', deliveryError: error }]);
      expect(await entries()).not.toMatchObject([{ commentSlot: expect.anything() }]);
    });
  }

  test('a comment Facebook says already holds a private reply counts as sent and keeps the fan’s limits', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = (request) =>
      request.method === 'POST' ? GRAPH_ANSWERS.error(10900) : happyGraph(request);
    expect(await deliver(entryId)).toEqual({
      ok: true,
      data: { via: 'api', status: 'sent', error: 'already-answered' },
    });
    expect(await entries()).toMatchObject([
      { status: 'sent', deliveryError: 'already-answered', commentSlot: '456' },
    ]);
    const again = await routeMessage({ type: 'popup/open' }, popup, NOW + 2);
    expect(again).toMatchObject({ ok: true, data: { verdicts: { thanks: { allowed: false } } } });
  });

  test('two delivers of one entry make one request to Facebook, and the second is refused', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = (request) =>
      request.method === 'POST' ? { ...GRAPH_ANSWERS.sent, delayMs: 200 } : happyGraph(request);
    const [first, second] = await Promise.all([deliver(entryId), deliver(entryId)]);
    expect([first, second]).toContainEqual({ ok: true, data: { via: 'api', status: 'sent' } });
    expect([first, second]).toContainEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'not-found' }) }),
    );
    expect(posts()).toHaveLength(1);
    expect(await entries()).toMatchObject([{ status: 'sent' }]);
  });

  test('a person Facebook says cannot receive messages (551) is remembered for the fan, not only the entry', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = (request) =>
      request.method === 'POST' ? GRAPH_ANSWERS.error(551) : happyGraph(request);
    await deliver(entryId);
    await routeMessage(
      { type: 'target/select', comment: { ...giuliaComment, commentId: '459', graphCommentId: '123_459' } },
      facebookTab,
      NOW + 2,
    );
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW + 3)).toMatchObject({
      ok: true,
      data: { unavailableAt: expect.any(Number) },
    });
  });

  test('a comment Facebook says someone else wrote is never sent, and the admin is told', async () => {
    graph.stub.handler = happyGraphBut('fields=from', {
      body: { id: '123_456', from: { id: '9753', name: 'Marco Bianchi' } },
    });
    await connect();
    const entryId = await reserve();
    expect(await deliver(entryId)).toEqual({
      ok: true,
      data: { via: 'api', status: 'failed', error: 'wrong-recipient' },
    });
    expect(posts()).toEqual([]);
  });

  test('the author’s name matches whatever its case, spacing or invisible marks', async () => {
    graph.stub.handler = happyGraphBut('fields=from', {
      body: { id: '123_456', from: { id: '9753', name: ' giulia\u200b  ROSSI' } },
    });
    await connect();
    expect(await deliver(await reserve())).toEqual({ ok: true, data: { via: 'api', status: 'sent' } });
  });

  test('a comment whose author Facebook does not name is never sent', async () => {
    graph.stub.handler = happyGraphBut('fields=from', GRAPH_ANSWERS.error(10, undefined, 403));
    await connect();
    const entryId = await reserve();
    expect(await deliver(entryId)).toEqual({
      ok: true,
      data: { via: 'api', status: 'failed', error: 'recipient-unconfirmed' },
    });
    expect(posts()).toEqual([]);
  });

  test('every Graph error class has a test above or its own', () => {
    const covered = new Set([
      ...refusals.map(([error]) => error),
      'already-answered',
      'cannot-reply',
      'rate-limited',
      'page-blocked',
      'page-restricted',
      'wrong-recipient',
      'recipient-unconfirmed',
    ]);
    expect(GRAPH_ERRORS.filter((error) => !covered.has(error))).toEqual([]);
  });

  test('a rate limit does not count as sent, and the API rests before it is asked again', async () => {
    await connect();
    const first = await reserve();
    graph.stub.handler = (request) =>
      request.method === 'POST' ? GRAPH_ANSWERS.error(32) : happyGraph(request);
    expect(await deliver(first)).toEqual({
      ok: true,
      data: {
        via: 'api',
        status: 'failed',
        error: 'rate-limited',
        retryAt: endingIn(PAUSE_MS['rate-limited']),
      },
    });
    expect(await entries()).toMatchObject([{ status: 'failed', deliveryError: 'rate-limited' }]);

    graph.stub.handler = happyGraph;
    const second = await reserve();
    expect(await deliver(second)).toMatchObject({
      ok: true,
      data: { via: 'api', status: 'failed', error: 'rate-limited', retryAt: expect.any(Number) },
    });
    expect(posts()).toHaveLength(1);
  });

  const pauses = [
    ['page-blocked', GRAPH_ANSWERS.error(368, 1346003)],
    ['page-restricted', GRAPH_ANSWERS.error(10, 1893063)],
  ] as const;
  for (const [error, answer] of pauses) {
    test(`a Page Facebook answers “${error}” for sends nothing more through the Graph API for a day, and the popup says until when`, async () => {
      await connect();
      const first = await reserve();
      graph.stub.handler = (request) => (request.method === 'POST' ? answer : happyGraph(request));
      const reply = await deliver(first);
      expect(reply).toEqual({
        ok: true,
        data: { via: 'api', status: 'failed', error, retryAt: endingIn(PAUSE_MS[error]) },
      });
      const until = (reply as { data: { retryAt: number } }).data.retryAt;
      expect(PAUSE_MS[error]).toBeGreaterThanOrEqual(24 * 60 * 60_000);
      graph.stub.handler = happyGraph;
      await routeMessage(
        { type: 'target/select', comment: { ...giuliaComment, commentId: '457', graphCommentId: '123_457' } },
        facebookTab,
        NOW + 2,
      );
      expect(await routeMessage({ type: 'popup/open' }, popup, NOW + 3)).toMatchObject({
        ok: true,
        data: { deliveryVia: 'api', graphPause: { pageId: '1000123', reason: error, until } },
      });
      expect(posts()).toHaveLength(1);
    });
  }

  test('a rate limit on the can_reply_privately check stops the send before any message goes out', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = happyGraphBut('can_reply_privately', GRAPH_ANSWERS.error(80001));
    expect(await deliver(entryId)).toMatchObject({
      ok: true,
      data: { via: 'api', status: 'failed', error: 'rate-limited', retryAt: expect.any(Number) },
    });
    expect(posts()).toEqual([]);
  });

  test('a block answered to the author check stops the send before any message goes out', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = happyGraphBut('fields=from', GRAPH_ANSWERS.error(368));
    expect(await deliver(entryId)).toMatchObject({
      ok: true,
      data: { via: 'api', status: 'failed', error: 'page-blocked' },
    });
    expect(posts()).toEqual([]);
  });

  test('Facebook’s own time to regain access lengthens the rest after a rate limit', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = (request) =>
      request.method === 'POST'
        ? {
            ...GRAPH_ANSWERS.error(80001),
            headers: {
              'X-Business-Use-Case-Usage': JSON.stringify({
                '1000123': [{ type: 'pages', estimated_time_to_regain_access: 90 }],
              }),
            },
          }
        : happyGraph(request);
    expect(await deliver(entryId)).toMatchObject({
      data: { error: 'rate-limited', retryAt: endingIn(90 * 60_000) },
    });
  });

  test('an answer without a Graph error body leaves the message unknown, never “refused”', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = (request) =>
      request.method === 'POST' ? { status: 403, body: 'Forbidden by proxy' } : happyGraph(request);
    expect(await deliver(entryId)).toEqual({ ok: true, data: { via: 'api', status: 'unknown' } });
    expect(await entries()).toMatchObject([{ status: 'unknown', commentSlot: '456' }]);
  });

  test('a server error leaves the message unknown: it keeps its comment and is not retried', async () => {
    await connect();
    const entryId = await reserve();
    graph.stub.handler = (request) =>
      request.method === 'POST' ? GRAPH_ANSWERS.error(2, undefined, 500) : happyGraph(request);
    expect(await deliver(entryId)).toEqual({ ok: true, data: { via: 'api', status: 'unknown' } });
    expect(await entries()).toMatchObject([{ status: 'unknown', commentSlot: '456' }]);
    expect(await deliver(entryId)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(posts()).toHaveLength(1);
  });

  test('a comment the Graph API cannot name goes to Facebook’s message box instead', async () => {
    await connect();
    const { graphCommentId: _unnamed, ...comment } = giuliaComment;
    const entryId = await reserve(comment);
    fakeBrowser.tabReplies = () => ({ prepared: true });
    expect(await deliver(entryId)).toEqual({ ok: true, data: { via: 'box', prepared: true } });
    expect(graph.stub.requests.filter((request) => !request.path.startsWith('/v25.0/me'))).toEqual([]);
  });

  test('a comment on another Page with the same display name goes to Facebook’s message box', async () => {
    await connect();
    const entryId = await reserve({ ...giuliaComment, pageId: 'acmecoffee.rome', pageName: 'Acme Coffee' });
    fakeBrowser.tabReplies = () => ({ prepared: true });
    expect(await deliver(entryId)).toMatchObject({ ok: true, data: { via: 'box' } });
    expect(posts()).toEqual([]);
  });

  test('a comment on another Page goes to Facebook’s message box instead', async () => {
    await connect();
    const entryId = await reserve({ ...giuliaComment, pageId: 'otherpage', pageName: 'Other Page' });
    fakeBrowser.tabReplies = () => ({ prepared: true });
    expect(await deliver(entryId)).toMatchObject({ ok: true, data: { via: 'box' } });
    expect(posts()).toEqual([]);
  });
});

describe('messages the Page sent from outside this browser', () => {
  const TWO_DAYS_AGO = NOW - 2 * 24 * 60 * 60 * 1000;
  const sentElsewhere = (times: number[]) => (request: { path: string; method: string }) =>
    request.path.includes('/conversations?platform=messenger')
      ? GRAPH_ANSWERS.conversation(times)
      : happyGraph(request as Parameters<typeof happyGraph>[0]);

  test('a message another admin sent to the fan two days ago holds the weekly limit for the whole team', async () => {
    await connect();
    graph.stub.handler = sentElsewhere([TWO_DAYS_AGO]);
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    await routeMessage({ type: 'popup/open' }, popup, NOW);
    const refined = await routeMessage({ type: 'popup/refine' }, popup, NOW);
    expect(refined).toMatchObject({
      ok: true,
      data: {
        checked: {
          commentId: '456',
          verdicts: {
            thanks: { allowed: false, rule: 'fan-window', lastContactAt: TWO_DAYS_AGO },
            care: { allowed: true },
          },
        },
      },
    });
    expect(graph.stub.requests.map((request) => request.path)).toContain(
      '/v25.0/1000123/conversations?platform=messenger&user_id=2468&fields=messages.limit(50)%7Bcreated_time%2Cfrom%7D',
    );
  });

  test('the popup paints from this browser’s log first: opening it asks nothing of Facebook’s conversations', async () => {
    await connect();
    graph.stub.handler = sentElsewhere([TWO_DAYS_AGO]);
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    const opened = await routeMessage({ type: 'popup/open' }, popup, NOW);
    expect(opened).toMatchObject({
      ok: true,
      data: { refining: true, verdicts: { thanks: { allowed: true } } },
    });
    expect(graph.stub.requests.filter((request) => request.path.includes('conversations?platform'))).toEqual(
      [],
    );
  });

  test('the same outside message also stops a send, not only the popup’s verdict', async () => {
    await connect();
    graph.stub.handler = sentElsewhere([TWO_DAYS_AGO]);
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    const reply = await routeMessage(
      {
        type: 'outreach/reserve',
        commentId: '456',
        category: 'thanks',
        templateId: 'default-thanks-1-en',
        text: 'Hi',
      },
      popup,
      NOW,
    );
    expect(reply).toMatchObject({ ok: true, data: { entry: null, verdict: { rule: 'fan-window' } } });
  });

  test('when Facebook does not answer, the verdict rests on this browser’s log alone', async () => {
    await connect();
    graph.stub.handler = happyGraphBut(
      '/conversations?platform=messenger',
      GRAPH_ANSWERS.error(2, undefined, 500),
    );
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW)).toMatchObject({
      data: { verdicts: { thanks: { allowed: true } } },
    });
  });

  test('without a connected Page nothing is asked of Facebook', async () => {
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    await routeMessage({ type: 'popup/open' }, popup, NOW);
    expect(graph.stub.requests).toEqual([]);
  });
});
