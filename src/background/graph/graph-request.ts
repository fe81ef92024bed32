/*
 * One request to the Graph API and what its answer means: Facebook's error codes mapped to what the
 * admin is told, and anything that proves nothing kept as "unknown". The calls built on it are in
 * graph-api.ts (delivery and the Page's conversations) and graph-comments.ts (the Page's comments).
 */
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
export async function graphRequest<T>(
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

/** Facebook writes `2026-11-04T20:00:00+0000`: the offset gets its colon, which every engine reads. NaN if unreadable. */
export function parseGraphTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
