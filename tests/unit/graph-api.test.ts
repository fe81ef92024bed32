import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  canReadConversations,
  canReplyPrivately,
  readTokenPage,
  sendPrivateReply,
} from '../../src/background/graph/graph-api';
import { classifyGraphError, regainAccessMs, type GraphCall } from '../../src/background/graph/graph-request';
import { GRAPH_ANSWERS, happyGraph, startGraphStub } from '../fixtures/graph-stub.mjs';

const TOKEN = 'EAAB-stub-page-token';
let stub: Awaited<ReturnType<typeof startGraphStub>>;
let call: GraphCall;

beforeEach(async () => {
  stub = await startGraphStub();
  call = { token: TOKEN, baseUrl: stub.url };
});
afterEach(() => stub.close());

describe('Graph API client against a local stub', () => {
  test('a private reply is one well-formed request, answered with the message id', async () => {
    expect(await sendPrivateReply(call, '1000123', '123_456', 'Hi Giulia!')).toEqual({
      kind: 'ok',
      data: { messageId: 'm_stub-message-1' },
    });
    expect(stub.requests).toEqual([
      {
        method: 'POST',
        path: '/v25.0/1000123/messages',
        authorization: `Bearer ${TOKEN}`,
        body: { recipient: { comment_id: '123_456' }, message: { text: 'Hi Giulia!' } },
      },
    ]);
  });

  test('the token goes in the Authorization header, never in an address', async () => {
    await readTokenPage(call);
    expect(stub.requests[0]!.path).toBe('/v25.0/me?fields=id,name,username');
    expect(stub.requests[0]!.path).not.toContain(TOKEN);
  });

  test('a token’s Page is its id, name and vanity', async () => {
    expect(await readTokenPage(call)).toEqual({
      kind: 'ok',
      data: { id: '1000123', name: 'Acme Coffee', username: 'acmecoffee' },
    });
  });

  test('a rate limit carries the time Facebook says the Page must wait', async () => {
    stub.handler = () => ({
      ...GRAPH_ANSWERS.error(80001),
      headers: {
        'X-Business-Use-Case-Usage': JSON.stringify({
          '1000123': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 42 }],
        }),
      },
    });
    expect(await canReplyPrivately(call, '123_456')).toEqual({
      kind: 'refused',
      error: 'rate-limited',
      retryAfterMs: 42 * 60_000,
    });
  });

  test('a token that may not read conversations says so, rather than failing', async () => {
    stub.handler = (request) =>
      request.path.startsWith('/v25.0/me/conversations')
        ? GRAPH_ANSWERS.error(200, undefined, 403)
        : happyGraph(request);
    expect(await canReadConversations(call)).toEqual({ kind: 'ok', data: false });
  });

  test('Facebook’s can_reply_privately flag is read per comment', async () => {
    stub.handler = () => ({ body: { id: '123_456', can_reply_privately: false } });
    expect(await canReplyPrivately(call, '123_456')).toEqual({ kind: 'ok', data: false });
    expect(stub.requests[0]!.path).toBe('/v25.0/123_456?fields=can_reply_privately');
  });

  test('a slow answer within the time limit still counts', async () => {
    stub.handler = () => ({ ...GRAPH_ANSWERS.sent, delayMs: 300 });
    expect(await sendPrivateReply({ ...call, timeoutMs: 5000 }, '1', '123_456', 'Hi')).toMatchObject({
      kind: 'ok',
    });
  });

  test('no answer within the time limit is unknown, after exactly one request', async () => {
    stub.handler = () => ({ ...GRAPH_ANSWERS.sent, delayMs: 2000 });
    expect(await sendPrivateReply({ ...call, timeoutMs: 200 }, '1', '123_456', 'Hi')).toEqual({
      kind: 'unknown',
      cause: 'timeout',
    });
    expect(stub.requests).toHaveLength(1);
  });

  test('a server error is unknown: Facebook may have sent it', async () => {
    stub.handler = () => GRAPH_ANSWERS.error(2, undefined, 500);
    expect(await sendPrivateReply(call, '1', '123_456', 'Hi')).toEqual({ kind: 'unknown', cause: 'server' });
  });

  test('an unreachable Graph API is unknown', async () => {
    await stub.close();
    expect(await sendPrivateReply(call, '1', '123_456', 'Hi')).toEqual({ kind: 'unknown', cause: 'network' });
  });
});

describe('Graph errors as the admin is told them', () => {
  const cases = [
    ['an expired token', 190, 463, 400, 'token-expired'],
    ['a missing permission', 10, undefined, 403, 'permission-missing'],
    ['a permission error in the 200 range', 230, undefined, 403, 'permission-missing'],
    ['a comment outside the allowed window', 10, 2018278, 400, 'comment-too-old'],
    ['a comment already answered', 10900, undefined, 400, 'already-answered'],
    ['a comment that cannot be answered', 10903, undefined, 400, 'cannot-reply'],
    ['a fan who is not available', 551, undefined, 400, 'user-unavailable'],
    ['no matching user', 100, 2018001, 400, 'user-unavailable'],
    ['the Page’s rate limit', 32, undefined, 400, 'rate-limited'],
    ['too many requests', undefined, undefined, 429, 'rate-limited'],
    ['a Page restricted from sending', 10, 1893063, 400, 'page-restricted'],
    ['a Page blocked for abuse', 368, undefined, 400, 'page-blocked'],
    ['a Page blocked for content reported as abusive', 368, 1346003, 400, 'page-blocked'],
    ['a token whose user must pass a checkpoint', 190, 459, 400, 'checkpoint'],
    ['the first Business Use Case rate limit', 80001, undefined, 400, 'rate-limited'],
    ['the last Business Use Case rate limit', 80014, undefined, 400, 'rate-limited'],
    ['any other refusal', 100, undefined, 400, 'rejected'],
  ] as const;
  for (const [what, code, subcode, status, expected] of cases) {
    test(`${what} is “${expected}”`, () => {
      const body = { error: { code, ...(subcode ? { error_subcode: subcode } : {}) } };
      expect(classifyGraphError(status, body)).toBe(expected);
    });
  }

  test('a temporary Graph failure cannot be classified: its outcome is unknown', () => {
    expect(classifyGraphError(400, { error: { code: 2 } })).toBeNull();
    expect(classifyGraphError(503, null)).toBeNull();
  });

  test('a 4xx without a Graph error body proves nothing was refused: its outcome is unknown', () => {
    expect(classifyGraphError(408, null)).toBeNull();
    expect(classifyGraphError(403, '<html>Proxy says no</html>')).toBeNull();
    expect(classifyGraphError(409, { error: { message: 'no code' } })).toBeNull();
  });

  test('an unreadable usage header gives no waiting time', () => {
    expect(regainAccessMs(null)).toBeUndefined();
    expect(regainAccessMs('not json')).toBeUndefined();
    expect(regainAccessMs('{"1":[{"type":"pages","estimated_time_to_regain_access":0}]}')).toBeUndefined();
  });
});
