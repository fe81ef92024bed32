/**
 * Requests to the team's CouchDB over its documented HTTP API, with Basic auth. Each request has a
 * time limit well under the 30 s Chrome allows a worker's fetch, so a server that hangs is an answer
 * ("unreachable") and never a worker killed midway.
 */

/** Longest wait for one answer from the team server (set-up, sync). */
export const COUCH_REQUEST_TIMEOUT_MS = 10_000;
/**
 * Longest wait for one answer while the admin waits on a send or the popup's verdicts: a server that
 * hangs must not hold a send for long, and "unknown" is then decided on this browser's data.
 */
export const GATE_REQUEST_TIMEOUT_MS = 4000;

export interface CouchAccount {
  server: string;
  user: string;
  password: string;
  /** A team member's account lives in its team's namespace (see accountName); a server admin's does not. */
  database?: string;
}

/**
 * A team member's account name on the server: the team's database, then their name on the team. Each
 * team thus has its own users, and setting up one team never touches another's, even a same-named
 * admin's. The database name holds no '/', so the name splits back one way only.
 */
export const accountName = (database: string, user: string) => `${database}/${user}`;

/** What the server said: a status and its JSON, or `unreachable` when nothing came back in time. */
export type CouchAnswer<T> =
  | { ok: true; status: number; body: T; date: number | null }
  | { ok: false; status: number; error: string; reason: string }
  | { ok: false; status: 0; error: 'unreachable'; reason: string };

function basicAuth({ user, password, database }: CouchAccount): string {
  const login = database === undefined ? user : accountName(database, user);
  const bytes = new TextEncoder().encode(`${login}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** `segments` are encoded one by one, so a document id with ':' or '/' stays one path segment. */
export function couchPath(...segments: string[]): string {
  return segments
    .map((segment) => (segment.startsWith('_') ? segment : encodeURIComponent(segment)))
    .join('/');
}

export async function couchRequest<T>(
  account: CouchAccount,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  timeoutMs = COUCH_REQUEST_TIMEOUT_MS,
): Promise<CouchAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(`${account.server}/${path}`, {
      method,
      headers: {
        Authorization: basicAuth(account),
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      // A redirect could take the credentials elsewhere, or to plain http: it is an error.
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, status: 0, error: 'unreachable', reason: String(error) };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // An answer that is not JSON is no CouchDB's: its status alone tells what happened.
  }
  if (!response.ok) {
    const { error = 'unknown', reason = '' } = (json ?? {}) as { error?: string; reason?: string };
    return { ok: false, status: response.status, error: String(error), reason: String(reason) };
  }
  const date = Date.parse(response.headers.get('Date') ?? '');
  return { ok: true, status: response.status, body: json as T, date: Number.isNaN(date) ? null : date };
}
