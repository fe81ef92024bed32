import type { OutreachEntry } from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { DAY_MS } from '../../shared/time';
import { historyWindowMs, type FanStanding, type PastContact } from '../policy/frequency-policy';
import { couchPath, couchRequest, GATE_REQUEST_TIMEOUT_MS } from './couch-http';
import { TEAM_SCHEMA } from './design-document';
import { mergeFanDocuments } from './fan-document';
import type { FanDocument, TeamContact } from '../storage/schema';
import type { Membership } from './membership';
import { interpret, type TeamAnswer } from './answers';

/** A fan's document as the server stores it. */
export interface StoredFanDocument extends FanDocument {
  _id: string;
  _rev?: string;
  type: 'fan';
  schema: number;
  fanKey: string;
}

/**
 * Contacts of others younger than this stay in a fan's document: the server's rules let a writer prune
 * them only after 90 days (the longest rule window), and a day more spares a clock a little ahead.
 */
const MIN_KEPT_MS = 91 * DAY_MS;

const emptyFanDocument = (fanKey: string): StoredFanDocument => ({
  _id: `fan:${fanKey}`,
  type: 'fan',
  schema: TEAM_SCHEMA,
  fanKey,
  recent: [],
  dnc: null,
});

/** The fan's document on the team server, fresh; a fan the team never contacted has an empty one. */
export async function readFanDocument(
  membership: Membership,
  fanKey: string,
): Promise<TeamAnswer<StoredFanDocument>> {
  const path = couchPath(membership.database, `fan:${fanKey}`);
  const answer = await interpret(
    membership,
    await couchRequest<StoredFanDocument>(membership, 'GET', path, undefined, GATE_REQUEST_TIMEOUT_MS),
  );
  if (answer.kind === 'not-found') return { kind: 'ok', value: emptyFanDocument(fanKey), date: null };
  return answer;
}

/**
 * Writes the fan's document over the revision it was read at: `conflict` when someone wrote since.
 * CouchDB answers a stale revision with 409; the test server runs the rules first and may refuse it
 * (403) for leaving out what the other admin wrote. Either way the writer reads again and decides
 * again, and a write the rules really refuse fails the same way each time, so it is given up on.
 */
export async function writeFanDocument(
  membership: Membership,
  doc: StoredFanDocument,
): Promise<TeamAnswer<{ rev: string }>> {
  const path = couchPath(membership.database, doc._id);
  const answer = await interpret(
    membership,
    await couchRequest<{ rev: string }>(membership, 'PUT', path, doc, GATE_REQUEST_TIMEOUT_MS),
  );
  return answer.kind === 'refused' ? { kind: 'conflict' } : answer;
}

/** Writes of a fan's document tried, each over a fresh read, before the change waits for the next sync. */
const MAX_WRITE_ATTEMPTS = 3;

/** How a change to a fan's document ended: written, not needed, or not taken (and why). */
export type FanDocumentChange =
  | { kind: 'written'; doc: StoredFanDocument }
  | { kind: 'unchanged'; doc: StoredFanDocument }
  /** Other admins kept writing: every attempt met a newer revision (`doc`, the latest read). */
  | { kind: 'contended'; doc: StoredFanDocument }
  | { kind: Exclude<TeamAnswer<unknown>['kind'], 'ok'> };

/**
 * The one compare-and-set gate of a fan's document: applies `change` to the document as the server
 * holds it and writes it over that revision. When another admin wrote in between, it reads what they
 * wrote and applies `change` to that, so the change is decided again on the team's latest state; a
 * `change` that returns null writes nothing (a later decision stands, or nothing is left to add).
 * `read`: the document as the caller already read it, saving the first request.
 */
export async function changeFanDocument(
  membership: Membership,
  fanKey: string,
  change: (doc: StoredFanDocument) => StoredFanDocument | null,
  read?: StoredFanDocument,
): Promise<FanDocumentChange> {
  let doc = read;
  if (!doc) {
    const first = await readFanDocument(membership, fanKey);
    if (first.kind !== 'ok') return { kind: first.kind };
    doc = first.value;
  }
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
    const changed = change(doc);
    if (!changed) return { kind: 'unchanged', doc };
    const written = await writeFanDocument(membership, changed);
    if (written.kind === 'ok') return { kind: 'written', doc: { ...changed, _rev: written.value.rev } };
    if (written.kind !== 'conflict') return { kind: written.kind };
    const fresh = await readFanDocument(membership, fanKey);
    if (fresh.kind !== 'ok') return { kind: fresh.kind };
    doc = fresh.value;
  }
  return { kind: 'contended', doc };
}

/** The team's contacts with the fan as the policy counts them, each under the entry id it was made as. */
export function teamHistory(
  doc: FanDocument,
  fan: { pageId: string; fanId: string },
  me: string,
): Array<PastContact & { id: string }> {
  return doc.recent.map((contact) => ({
    id: contact.c,
    pageId: fan.pageId,
    fanId: fan.fanId,
    commentId: contact.comment,
    category: contact.cat,
    createdAt: contact.at,
    status: contact.st,
    ...(contact.by !== me ? { author: contact.by } : {}),
  }));
}

/** The team's "do not contact" mark, as the policy reads a fan's standing. */
export function teamStanding(doc: FanDocument, me: string): FanStanding | null {
  if (!doc.dnc?.on) return null;
  return {
    doNotContact: true,
    updatedAt: doc.dnc.at,
    ...(doc.dnc.by !== me ? { markedBy: doc.dnc.by } : {}),
  };
}

/** This browser's entry as the fan's document keeps it. */
export function contactOf(entry: OutreachEntry, me: string): TeamContact {
  return {
    c: entry.id,
    comment: entry.commentId,
    cat: entry.category,
    at: entry.createdAt,
    by: me,
    st: entry.status,
  };
}

/** The document with these contacts merged in, pruned of what no rule of the team looks at any more. */
export function withContacts(
  doc: StoredFanDocument,
  contacts: TeamContact[],
  policy: PolicySettings,
  now: number,
): StoredFanDocument {
  const horizon = now - Math.max(MIN_KEPT_MS, historyWindowMs(policy) + DAY_MS);
  const merged = mergeFanDocuments(doc, { recent: contacts, dnc: null }, horizon);
  return { ...doc, ...merged };
}
