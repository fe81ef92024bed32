import type { GraphError } from '../../shared/graph';
import { MINUTE_MS } from '../../shared/time';

/** The Graph API version every request uses: Meta keeps each one about two years. */
export const GRAPH_API_VERSION = 'v25.0';
export const GRAPH_ORIGIN = 'https://graph.facebook.com';
/**
 * Longest wait for one Graph request: well under the ~30 s after which the browser may stop a worker
 * that looks idle, so a request ends (as "unknown" when it must) before the worker could be killed.
 */
export const GRAPH_TIMEOUT_MS = 20_000;

/** Graph error codes (see shared/docs/meta-messaging-rules.md, "Errors"). */
const TOKEN_INVALID = 190;
/** The token is fine, but its user must pass a security checkpoint on facebook.com first. */
const CHECKPOINT = { code: 190, subcode: 459 };
const PERMISSION_CODES = new Set([3, 10]);
const PERMISSION_RANGE = { from: 200, to: 299 };
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
/** Business Use Case rate limits, one code per kind of call (80001 for Pages). */
const BUSINESS_RATE_LIMITS = { from: 80000, to: 80014 };
/** "Deemed abusive or otherwise disallowed": Facebook blocks the Page from this action for a while. */
const BLOCKED = 368;
const ALREADY_REPLIED = 10900;
const CANNOT_REPLY = 10903;
const USER_UNAVAILABLE = 551;
const NO_MATCHING_USER = { code: 100, subcode: 2018001 };
const OUTSIDE_WINDOW = { code: 10, subcode: 2018278 };
const PAGE_RESTRICTED = { code: 10, subcode: 1893063 };
/** Graph's own "try again later" codes: the request may or may not have been carried out. */
const TRANSIENT_CODES = new Set([1, 2]);
const HTTP_TOO_MANY_REQUESTS = 429;
const HTTP_SERVER_ERROR = 500;

export interface GraphCall {
  token: string;
  /** Where the Graph API is: GRAPH_ORIGIN, or a local stub in test builds. */
  baseUrl: string;
  timeoutMs?: number;
}

/** What one Graph request came to: done, refused by Facebook (nothing happened), or unknowable. */
export type GraphOutcome<T> =
  { kind: 'ok'; data: T } | Refusal | { kind: 'unknown'; cause: 'timeout' | 'network' | 'server' };

export interface Refusal {
  kind: 'refused';
  error: GraphError;
  /** How long Facebook says the Page must wait, where it says so (rate limits). */
  retryAfterMs?: number;
}

interface GraphErrorBody {
  error?: { code?: unknown; error_subcode?: unknown };
}

const within = (code: number, range: { from: number; to: number }) => code >= range.from && code <= range.to;

/**
 * Maps a Graph error response to what the admin is told; null when the outcome cannot be known. Only
 * a Graph error body with a numeric code proves that Facebook refused: a proxy's page or a bare 4xx
 * says nothing about whether the request was carried out.
 */
export function classifyGraphError(status: number, body: unknown): GraphError | null {
  const error = (body as GraphErrorBody | null)?.error;
  const code = typeof error?.code === 'number' ? error.code : null;
  const subcode = typeof error?.error_subcode === 'number' ? error.error_subcode : null;
  if (code === null) return status === HTTP_TOO_MANY_REQUESTS ? 'rate-limited' : null;
  const is = (pair: { code: number; subcode: number }) => code === pair.code && subcode === pair.subcode;
  if (is(CHECKPOINT)) return 'checkpoint';
  if (code === TOKEN_INVALID) return 'token-expired';
  if (is(PAGE_RESTRICTED)) return 'page-restricted';
  if (code === BLOCKED) return 'page-blocked';
  if (is(OUTSIDE_WINDOW)) return 'comment-too-old';
  if (code === ALREADY_REPLIED) return 'already-answered';
  if (code === CANNOT_REPLY) return 'cannot-reply';
  if (code === USER_UNAVAILABLE || is(NO_MATCHING_USER)) return 'user-unavailable';
  if (status === HTTP_TOO_MANY_REQUESTS || RATE_LIMIT_CODES.has(code) || within(code, BUSINESS_RATE_LIMITS))
    return 'rate-limited';
  if (PERMISSION_CODES.has(code) || within(code, PERMISSION_RANGE)) return 'permission-missing';
  if (status >= HTTP_SERVER_ERROR || TRANSIENT_CODES.has(code)) return null;
  return 'rejected';
}

/**
 * How long Facebook says the Page must wait: the longest `estimated_time_to_regain_access` (minutes)
 * in its `X-Business-Use-Case-Usage` header, `{"<id>": [{"type": "pages", …}]}`. Undefined when the
 * header is absent or unreadable.
 */
export function regainAccessMs(header: string | null): number | undefined {
  if (!header) return undefined;
  try {
    const usage = JSON.parse(header) as Record<string, Array<{ estimated_time_to_regain_access?: unknown }>>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => entry.estimated_time_to_regain_access)
      .filter((value): value is number => typeof value === 'number' && value > 0);
    return minutes.length > 0 ? Math.max(...minutes) * MINUTE_MS : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One Graph request. The token travels in the Authorization header, never in the URL, so it cannot
 * end up in logs or error messages that quote addresses.
 */
async function graphRequest<T>(
  path: string,
  { token, baseUrl, timeoutMs = GRAPH_TIMEOUT_MS }: GraphCall,
  body?: unknown,
): Promise<GraphOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/${GRAPH_API_VERSION}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    return {
      kind: 'unknown',
      cause: error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'network',
    };
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError')
      return { kind: 'unknown', cause: 'timeout' };
  }
  if (response.ok)
    return parsed === null ? { kind: 'unknown', cause: 'server' } : { kind: 'ok', data: parsed as T };
  const error = classifyGraphError(response.status, parsed);
  if (!error) return { kind: 'unknown', cause: 'server' };
  const retryAfterMs = regainAccessMs(response.headers.get('X-Business-Use-Case-Usage'));
  return { kind: 'refused', error, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The Page a token belongs to: its id, name and, where it has one, its vanity (`username`). */
export async function readTokenPage(call: GraphCall): Promise<GraphOutcome<GraphPage>> {
  const outcome = await graphRequest<{ id?: unknown; name?: unknown; username?: unknown }>(
    '/me?fields=id,name,username',
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const { id, name, username } = outcome.data;
  if (!isText(id) || !isText(name)) return { kind: 'refused', error: 'rejected' };
  return { kind: 'ok', data: { id, name, ...(isText(username) ? { username } : {}) } };
}

export interface GraphPage {
  id: string;
  name: string;
  /** The Page's vanity, as in `facebook.com/<username>`: how the page names it in its links. */
  username?: string;
}

/** Whether the token can read the Page's conversations (Messenger access, `pages_messaging`). */
export async function canReadConversations(call: GraphCall): Promise<GraphOutcome<boolean>> {
  const outcome = await graphRequest('/me/conversations?fields=id&limit=1', call);
  if (outcome.kind === 'refused' && outcome.error === 'permission-missing')
    return { kind: 'ok', data: false };
  return outcome.kind === 'ok' ? { kind: 'ok', data: true } : outcome;
}

/** Facebook's own `can_reply_privately` for a comment, where the token may read it. */
export async function canReplyPrivately(
  call: GraphCall,
  graphCommentId: string,
): Promise<GraphOutcome<boolean>> {
  const outcome = await graphRequest<{ can_reply_privately?: unknown }>(
    `/${encodeURIComponent(graphCommentId)}?fields=can_reply_privately`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const flag = outcome.data.can_reply_privately;
  return typeof flag === 'boolean' ? { kind: 'ok', data: flag } : { kind: 'unknown', cause: 'server' };
}

/** Sends a private reply to a comment (Private Replies): one request, never repeated by this function. */
export async function sendPrivateReply(
  call: GraphCall,
  pageId: string,
  graphCommentId: string,
  text: string,
): Promise<GraphOutcome<{ messageId: string }>> {
  const outcome = await graphRequest<{ message_id?: unknown }>(
    `/${encodeURIComponent(pageId)}/messages`,
    call,
    {
      recipient: { comment_id: graphCommentId },
      message: { text },
    },
  );
  if (outcome.kind !== 'ok') return outcome;
  const messageId = outcome.data.message_id;
  // Facebook said yes without a message id: sent, surely, but the log cannot point at it.
  return { kind: 'ok', data: { messageId: isText(messageId) ? messageId : '' } };
}

/** Who wrote a comment, as the Page sees them: the id its conversations use, and their name. */
export async function commentAuthor(
  call: GraphCall,
  graphCommentId: string,
): Promise<GraphOutcome<{ id: string; name: string }>> {
  const outcome = await graphRequest<{ from?: { id?: unknown; name?: unknown } }>(
    `/${encodeURIComponent(graphCommentId)}?fields=from`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const { id, name } = outcome.data.from ?? {};
  return isText(id)
    ? { kind: 'ok', data: { id, name: isText(name) ? name : '' } }
    : { kind: 'unknown', cause: 'server' };
}

interface ConversationsBody {
  data?: Array<{ messages?: { data?: Array<{ created_time?: unknown; from?: { id?: unknown } }> } }>;
}

/** When the Page itself wrote to this person, newest `limit` messages of their conversation. */
export async function pageMessageTimes(
  call: GraphCall,
  pageId: string,
  userId: string,
  limit: number,
): Promise<GraphOutcome<number[]>> {
  const fields = `messages.limit(${limit}){created_time,from}`;
  const outcome = await graphRequest<ConversationsBody>(
    `/${encodeURIComponent(pageId)}/conversations?platform=messenger&user_id=${encodeURIComponent(userId)}&fields=${encodeURIComponent(fields)}`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const messages = (outcome.data.data ?? []).flatMap((conversation) => conversation.messages?.data ?? []);
  const times = messages
    .filter((message) => message.from?.id === pageId && typeof message.created_time === 'string')
    .map((message) => Date.parse(message.created_time as string))
    .filter((time) => Number.isFinite(time));
  return { kind: 'ok', data: times };
}
