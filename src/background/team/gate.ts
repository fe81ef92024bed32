import { settlesTo, type OutreachEntry } from '../../shared/outreach';
import { DAY_MS } from '../../shared/time';
import type { FanStanding, PastContact } from '../policy/frequency-policy';
import { couchPath, couchRequest, GATE_REQUEST_TIMEOUT_MS } from './couch-http';
import { TEAM_SCHEMA } from './design-document';
import {
  emptyFanDocument,
  FanLeafSchema,
  MAX_FAN_LEAVES,
  mergeFanDocuments,
  mergeServerLeaf,
  unliftedMarks,
} from './fan-document';
import type { DoNotContactMark, FanDocument, MarkLift, TeamContact } from '../storage/schema';
import type { Membership } from './membership';
import { interpret, type TeamAnswer } from './answers';
import { noteBadDocument } from './bad-documents';

/** One leaf of a fan's document as the server stores it. */
export interface StoredFanDocument extends FanDocument {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: 'fan';
  schema: number;
  fanKey: string;
}

/**
 * A fan's document as read: `view`, every leaf merged, is what the team holds and what verdicts see;
 * `winner`, the leaf CouchDB shows, is what a write goes over; `losers`, other live leaves, are a
 * conflict to settle. `serverNow`: the server's clock when it answered.
 */
export interface FanRead {
  view: FanDocument;
  winner: StoredFanDocument;
  losers: StoredFanDocument[];
  serverNow: number;
}

/**
 * Contacts younger than this stay in a fan's document: the server's rules let a writer prune them
 * only once no rule window can reach them (730 days, the longest a setting allows), and a day more
 * spares a clock a little behind.
 */
const MIN_KEPT_MS = 731 * DAY_MS;

const newFanDocument = (fanKey: string): StoredFanDocument => ({
  _id: `fan:${fanKey}`,
  type: 'fan',
  schema: TEAM_SCHEMA,
  fanKey,
  ...emptyFanDocument(),
});

/**
 * The fan's document on the team server, fresh, with all its leaves; a fan the team never contacted
 * has an empty one. A leaf that is not a fan document the rules could have let in (bad shape, bounds,
 * another fan's) is reported, and the read counts as unanswered: dropping it could lift a limit.
 */
export async function readFanDocument(
  membership: Membership,
  fanKey: string,
  now: number,
): Promise<TeamAnswer<FanRead>> {
  const path = `${couchPath(membership.database, `fan:${fanKey}`)}?open_revs=all`;
  const answer = await interpret(
    membership,
    await couchRequest<unknown>(membership, 'GET', path, undefined, GATE_REQUEST_TIMEOUT_MS),
  );
  if (answer.kind === 'not-found') return { kind: 'ok', value: fresh(fanKey, now), date: null };
  if (answer.kind !== 'ok') return answer;
  const serverNow = answer.date ?? now;
  const leaves = leavesOf(answer.value, fanKey);
  if (!leaves) {
    await noteBadDocument(membership.pageId, `fan:${fanKey}`, now);
    return { kind: 'unreachable' };
  }
  if (leaves.length === 0) return { kind: 'ok', value: fresh(fanKey, serverNow), date: answer.date };
  const [winner, ...others] = [...leaves].sort(byCouchWinner);
  const view = leaves.reduce((merged, leaf) => mergeServerLeaf(merged, leaf, serverNow), emptyFanDocument());
  const losers = others.filter((leaf) => !leaf._deleted);
  return { kind: 'ok', value: { view, winner: winner!, losers, serverNow }, date: answer.date };
}

const fresh = (fanKey: string, serverNow: number): FanRead => ({
  view: emptyFanDocument(),
  winner: newFanDocument(fanKey),
  losers: [],
  serverNow,
});

/** The leaves of an `open_revs=all` answer, each checked; null when any is not a fan document's. */
function leavesOf(body: unknown, fanKey: string): StoredFanDocument[] | null {
  if (!Array.isArray(body) || body.length > MAX_FAN_LEAVES) return null;
  const leaves: StoredFanDocument[] = [];
  for (const item of body as Array<{ ok?: unknown }>) {
    if (item?.ok === undefined) continue;
    const leaf = FanLeafSchema.safeParse(item.ok);
    if (!leaf.success || leaf.data.fanKey !== fanKey || leaf.data._id !== `fan:${fanKey}`) return null;
    leaves.push(leaf.data);
  }
  return leaves;
}

/** CouchDB's choice of the leaf it shows: a live one first, then the longest history, then the rev. */
function byCouchWinner(a: StoredFanDocument, b: StoredFanDocument): number {
  const alive = Number(a._deleted === true) - Number(b._deleted === true);
  if (alive !== 0) return alive;
  const depth = parseInt(b._rev ?? '0', 10) - parseInt(a._rev ?? '0', 10);
  if (depth !== 0) return depth;
  const [ra, rb] = [a._rev ?? '', b._rev ?? ''];
  return ra < rb ? 1 : ra > rb ? -1 : 0;
}

/**
 * Writes the fan's document over the revision it was read at: `conflict` when someone wrote since.
 * A write CouchDB only accepted (202, not yet on a quorum) is not taken as done: it is read back.
 * A write the rules refuse is given up on as a conflict would be: read again and decided again.
 */
async function writeFanDocument(
  membership: Membership,
  doc: StoredFanDocument,
): Promise<TeamAnswer<{ rev: string }>> {
  const path = couchPath(membership.database, doc._id);
  const written = await couchRequest<{ rev: string }>(membership, 'PUT', path, doc, GATE_REQUEST_TIMEOUT_MS);
  if (written.ok && written.status !== 201) return { kind: 'conflict' };
  const answer = await interpret(membership, written);
  return answer.kind === 'refused' ? { kind: 'conflict' } : answer;
}

/**
 * A conflict settled: each losing leaf is deleted with its body kept whole (the rules allow no other
 * delete), so every reader still merges what it held, and CouchDB shows one document again.
 */
async function settleConflict(membership: Membership, losers: StoredFanDocument[]): Promise<void> {
  for (const loser of losers) {
    const path = couchPath(membership.database, loser._id);
    await couchRequest(membership, 'PUT', path, { ...loser, _deleted: true }, GATE_REQUEST_TIMEOUT_MS);
  }
}

/** Writes of a fan's document tried, each over a fresh read, before the change waits for the next sync. */
const MAX_WRITE_ATTEMPTS = 3;

/** This admin's own part of a fan's document that a change puts there: only they may write it. */
export interface OwnItems {
  contacts?: TeamContact[];
  marks?: DoNotContactMark[];
  lifts?: MarkLift[];
}

/** How a change to a fan's document ended: written, not needed, or not taken (and why). */
export type FanDocumentChange =
  | { kind: 'written'; read: FanRead }
  | { kind: 'unchanged'; read: FanRead }
  /** Other admins kept writing: every attempt met a newer revision (`read`, the latest read). */
  | { kind: 'contended'; read: FanRead }
  | { kind: Exclude<TeamAnswer<unknown>['kind'], 'ok'> };

/**
 * The one compare-and-set gate of a fan's document: `change` decides, on the team's view of the fan,
 * what this admin adds, and that goes over the revision read. When another admin wrote in between, it
 * reads what they wrote and asks `change` again, so the change is decided again on the team's latest
 * state; a `change` that returns null writes nothing (nothing is left to add, or it no longer stands).
 * `read`: the document as the caller already read it, saving the first request.
 */
export async function changeFanDocument(
  membership: Membership,
  fanKey: string,
  change: (read: FanRead) => OwnItems | null,
  now: number,
  read?: FanRead,
): Promise<FanDocumentChange> {
  let current = read;
  if (!current) {
    const first = await readFanDocument(membership, fanKey, now);
    if (first.kind !== 'ok') return { kind: first.kind };
    current = first.value;
  }
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
    const own = change(current);
    const doc = own && withOwnItems(current, own, membership.user);
    if (!doc) return { kind: 'unchanged', read: current };
    const written = await writeFanDocument(membership, doc);
    if (written.kind === 'ok') {
      await settleConflict(membership, current.losers);
      const winner = { ...doc, _rev: written.value.rev };
      const view = mergeFanDocuments(current.view, doc, 0);
      return { kind: 'written', read: { ...current, winner, view, losers: [] } };
    }
    if (written.kind !== 'conflict') return { kind: written.kind };
    const fresh = await readFanDocument(membership, fanKey, now);
    if (fresh.kind !== 'ok') return { kind: fresh.kind };
    current = fresh.value;
  }
  return { kind: 'contended', read: current };
}

/**
 * The winning leaf with this admin's items put in: new ones, theirs that only a losing leaf held, and
 * their contacts moved forward; nobody else's are touched (the rules refuse that), and contacts too old
 * for any rule are pruned. Null when the leaf holds them all already.
 */
function withOwnItems(read: FanRead, own: OwnItems, me: string): StoredFanDocument | null {
  const { winner, view } = read;
  const mine = <T extends { by: string }>(items: T[] = []) => items.filter((item) => item.by === me);
  const recent = new Map(winner.recent.map((contact) => [contact.c, contact]));
  for (const contact of [...mine(view.recent), ...mine(own.contacts)]) {
    const kept = recent.get(contact.c);
    if (!kept) recent.set(contact.c, contact);
    else if (kept.by === me && settlesTo(kept.st, contact.st))
      recent.set(contact.c, { ...kept, st: contact.st });
  }
  const added = <T extends { id: string; by: string }>(held: T[], items: T[]) => {
    const ids = new Set(held.map((item) => item.id));
    return [...held, ...items.filter((item) => !ids.has(item.id) && ids.add(item.id))];
  };
  const horizon = read.serverNow - MIN_KEPT_MS;
  const doc: StoredFanDocument = {
    ...winner,
    recent: [...recent.values()].filter((contact) => contact.at >= horizon),
    marks: added(winner.marks, [...mine(view.marks), ...mine(own.marks)]),
    lifts: added(winner.lifts, [...mine(view.lifts), ...mine(own.lifts)]),
  };
  return JSON.stringify(doc) === JSON.stringify(winner) ? null : doc;
}

/** A comment as asked about: its id, and its key on the team server (commentKeyUnder). */
export interface AskedComment {
  id: string;
  key: string;
}

/**
 * The team's contacts with the fan as the policy counts them, each under the entry id it was made as.
 * The team holds comments by key: the one asked about reads as its id again, so one private reply per
 * comment holds across the team.
 */
export function teamHistory(
  doc: FanDocument,
  fan: { pageId: string; fanId: string },
  me: string,
  asked?: AskedComment,
): Array<PastContact & { id: string }> {
  return doc.recent.map((contact) => ({
    id: contact.c,
    pageId: fan.pageId,
    fanId: fan.fanId,
    commentId: asked && contact.comment === asked.key ? asked.id : contact.comment,
    category: contact.cat,
    createdAt: contact.at,
    status: contact.st,
    ...(contact.by !== me ? { author: contact.by } : {}),
  }));
}

/** The team's "do not contact" standing of the fan: marked while any mark is left unlifted. */
export function teamStanding(doc: FanDocument, me: string): FanStanding | null {
  const marks = unliftedMarks(doc);
  if (marks.length === 0) return null;
  const latest = marks.reduce((a, b) => (b.at > a.at ? b : a));
  return {
    doNotContact: true,
    updatedAt: latest.at,
    ...(latest.by !== me ? { markedBy: latest.by } : {}),
  };
}

/**
 * This browser's entry as the fan's document keeps it: its comment by key (`commentKey`), dated no
 * later than the server's clock (the rules refuse a later time, and a clock running ahead must not keep
 * a contact counting longer).
 */
export function contactOf(
  entry: OutreachEntry,
  me: string,
  serverNow: number,
  commentKey: string,
): TeamContact {
  return {
    c: entry.id,
    comment: commentKey,
    cat: entry.category,
    at: Math.min(entry.createdAt, serverNow),
    by: me,
    st: entry.status,
  };
}
