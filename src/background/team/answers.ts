import { couchPath, couchRequest, GATE_REQUEST_TIMEOUT_MS, type CouchAnswer } from './couch-http';
import { RequestError } from '../request';
import { clearRefusal, loadMemberships, markRemoved, noteRefusal, type Membership } from './membership';

/** What every refusal by the server's write rules starts with (see validate-doc-update.ts). */
const RULES_PREFIX = 'page-outreach:';
/** CouchDB's own words for refusing an account, in its JSON error shape. */
const COUCH_REFUSALS = ['unauthorized', 'forbidden'];

/** What the team server answered, in the terms the gate acts on. */
export type TeamAnswer<T> =
  | { kind: 'ok'; value: T; date: number | null }
  | { kind: 'conflict' }
  | { kind: 'not-found' }
  | { kind: 'unreachable' }
  | { kind: 'removed' }
  | { kind: 'refused'; reason: string };

/** The classifier's view: an account refused (`denied`) is not yet a removal. */
export type ClassifiedAnswer<T> = Exclude<TeamAnswer<T>, { kind: 'removed' }> | { kind: 'denied' };

/**
 * What an answer says, and nothing more: no side effect. A 401, or a 403 that does not name one of the
 * team's own rules, refuses the account, but may come from anything between this browser and CouchDB
 * (a proxy, a gateway, a captive portal): see interpret for what is done about it.
 */
export function classifyAnswer<T>(answer: CouchAnswer<T>): ClassifiedAnswer<T> {
  if (answer.ok) return { kind: 'ok', value: answer.body, date: answer.date };
  if (answer.status === 0 || answer.status >= 500) return { kind: 'unreachable' };
  const byRules = answer.reason.startsWith(RULES_PREFIX);
  if (answer.status === 401 || (answer.status === 403 && !byRules)) return { kind: 'denied' };
  if (answer.status === 404) return { kind: 'not-found' };
  if (answer.status === 409) return { kind: 'conflict' };
  return { kind: 'refused', reason: answer.reason };
}

/** CouchDB itself refusing an account: 401 or 403 with its JSON error and a reason. */
const isCouchRefusal = (answer: CouchAnswer<unknown>) =>
  !answer.ok &&
  (answer.status === 401 || answer.status === 403) &&
  COUCH_REFUSALS.includes(answer.error) &&
  answer.reason !== '';

/** CouchDB's session document: who these credentials log in, if anyone. */
interface Session {
  userCtx?: { name?: string | null };
}

/**
 * Whether the team server has really removed this admin, asked in two requests only CouchDB answers
 * that way: its session endpoint names no user for these credentials (or a user whose access the
 * database may still refuse), and the team's database refuses them in CouchDB's own words.
 * `unconfirmed` when either answer is missing or not CouchDB's.
 */
export async function confirmRemoval(
  membership: Membership,
): Promise<'removed' | 'accepted' | 'unconfirmed'> {
  const session = await couchRequest<Session>(
    membership,
    'GET',
    '_session',
    undefined,
    GATE_REQUEST_TIMEOUT_MS,
  );
  const sessionSpoke = session.ok ? typeof session.body?.userCtx === 'object' : isCouchRefusal(session);
  if (!sessionSpoke) return 'unconfirmed';
  const database = await couchRequest(
    membership,
    'GET',
    couchPath(membership.database, 'team'),
    undefined,
    GATE_REQUEST_TIMEOUT_MS,
  );
  if (database.ok) return 'accepted';
  return isCouchRefusal(database) ? 'removed' : 'unconfirmed';
}

/**
 * Reads an answer for the gate. An account refused is acted on only once the server confirms the
 * removal (the admin then works on local limits); until then the answer counts as the server not
 * answering, so a strict team refuses to send and what waits keeps waiting.
 */
export async function interpret<T>(membership: Membership, answer: CouchAnswer<T>): Promise<TeamAnswer<T>> {
  const classified = classifyAnswer(answer);
  if (classified.kind !== 'denied') return classified;
  const confirmed = await confirmRemoval(membership);
  if (confirmed === 'removed') {
    await markRemoved(membership.pageId);
    return { kind: 'removed' };
  }
  if (confirmed === 'accepted') await clearRefusal(membership.pageId);
  else await noteRefusal(membership.pageId);
  return { kind: 'unreachable' };
}

/**
 * Asks the server again whether it accepts this admin, after a refusal it did not confirm or a
 * removal the owner may have undone: accepted, the team reaches this browser again.
 */
export async function checkAgain(pageId: string): Promise<void> {
  const membership = (await loadMemberships()).find((joined) => joined.pageId === pageId);
  if (!membership) throw new RequestError('not-found', 'errorTeamNotFound', [pageId]);
  const answer = await confirmRemoval(membership);
  if (answer === 'accepted') await clearRefusal(pageId);
  else if (answer === 'removed') await markRemoved(pageId);
  else throw new RequestError('unavailable', 'errorTeamUnreachable');
}
