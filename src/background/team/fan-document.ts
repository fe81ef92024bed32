import { z } from 'zod';
import { CategorySchema, ENTRY_STATUSES, type EntryStatus } from '../../shared/outreach';
import type { DoNotContactMark, FanDocument, TeamContact } from '../storage/schema';
import { TEAM_SCHEMA } from './design-document';

/**
 * A fan's document on the team server (`fan:<fanKey>`) is read whole, with every conflicting leaf,
 * and each leaf is checked like any input: the server and every teammate are untrusted. The server's
 * rules hold the same bounds (validate-doc-update.ts, which a test holds to these).
 */
export const MAX_FAN_CONTACTS = 200;
export const MAX_FAN_MARKS = 100;
/** Leaves of one fan's document taken: only the server's admin or a cluster makes more than one. */
export const MAX_FAN_LEAVES = 16;
/** How far ahead of the server's clock a teammate's may run; a later time is brought back to it. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Longest id, key or user name in a team's documents, as the rules hold them (MAX_ID there). */
export const MAX_TEAM_ID = 200;

const Name = z.string().min(1).max(MAX_TEAM_ID);
const Time = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const TeamContactSchema = z.strictObject({
  c: Name,
  comment: z.string().max(MAX_TEAM_ID),
  cat: CategorySchema,
  at: Time,
  by: Name,
  st: z.enum(ENTRY_STATUSES),
});
const MarkSchema = z.strictObject({ id: Name, by: Name, at: Time });
const LiftSchema = z.strictObject({
  id: Name,
  by: Name,
  at: Time,
  of: z.array(Name).min(1).max(MAX_FAN_MARKS),
});

/** One leaf of a fan's document as the server hands it. */
export const FanLeafSchema = z.object({
  _id: z.string().max(MAX_TEAM_ID),
  _rev: z.string().max(MAX_TEAM_ID),
  _deleted: z.boolean().optional(),
  type: z.literal('fan'),
  schema: z.literal(TEAM_SCHEMA),
  fanKey: Name,
  recent: z.array(TeamContactSchema).max(MAX_FAN_CONTACTS),
  marks: z.array(MarkSchema).max(MAX_FAN_MARKS),
  lifts: z.array(LiftSchema).max(MAX_FAN_MARKS),
});

/**
 * How far along its life each status is. A merge keeps the furthest: news only moves forward, and of
 * two contradictory outcomes the one that counts against the limits wins (fail safe).
 */
const STATUS_RANK: Record<EntryStatus, number> = {
  reserved: 0,
  sending: 1,
  prepared: 2,
  unknown: 3,
  failed: 4,
  copied: 5,
  sent: 6,
};

export const emptyFanDocument = (): FanDocument => ({ recent: [], marks: [], lifts: [] });

/**
 * Two copies of one fan's document merged into one: every contact of either since `horizon` (the
 * longest rule window), each at its furthest status, and every mark and lift of either. "Do not
 * contact" is an add-wins set: a lift names the marks it lifts, so a mark it did not see stays, and
 * no clock decides. The merge is commutative, associative and idempotent, so leaves and copies
 * meeting in any order agree.
 */
export function mergeFanDocuments(a: FanDocument, b: FanDocument, horizon: number): FanDocument {
  const recent = union([...a.recent, ...b.recent], (contact) => contact.c, furthest).filter(
    (contact) => contact.at >= horizon,
  );
  return {
    recent: recent.sort((x, y) => x.at - y.at || compare(x.c, y.c)),
    marks: union([...a.marks, ...b.marks], (mark) => mark.id, either),
    lifts: union([...a.lifts, ...b.lifts], (lift) => lift.id, either),
  };
}

/** The marks no lift names: while one is left, the team holds the fan as "do not contact". */
export function unliftedMarks(doc: FanDocument): DoNotContactMark[] {
  const lifted = new Set(doc.lifts.flatMap((lift) => lift.of));
  return doc.marks.filter((mark) => !lifted.has(mark.id));
}

/** The document with every time after `latest` brought back to it: no teammate's clock runs ahead. */
function clampedTo(doc: FanDocument, latest: number): FanDocument {
  const clamp = <T extends { at: number }>(item: T): T => (item.at > latest ? { ...item, at: latest } : item);
  return { recent: doc.recent.map(clamp), marks: doc.marks.map(clamp), lifts: doc.lifts.map(clamp) };
}

/**
 * A leaf the server sent, merged into what is held: its times past the server's clock (plus the skew
 * allowed) are brought back first, whether it comes from a read of the fan or from the changes feed.
 */
export function mergeServerLeaf(held: FanDocument, leaf: FanDocument, serverNow: number): FanDocument {
  return mergeFanDocuments(held, clampedTo(leaf, serverNow + CLOCK_SKEW_MS), 0);
}

/** A new mark or lift's id: random, so that no lift can name a mark before it is made. */
export const decisionId = () => crypto.randomUUID();

function union<T>(items: T[], key: (item: T) => string, pick: (x: T, y: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const kept = byKey.get(key(item));
    byKey.set(key(item), kept ? pick(kept, item) : item);
  }
  return [...byKey.values()].sort((x, y) => compare(key(x), key(y)));
}

function furthest(x: TeamContact, y: TeamContact): TeamContact {
  const rank = STATUS_RANK[x.st] - STATUS_RANK[y.st];
  if (rank !== 0) return rank > 0 ? x : y;
  return either(x, y);
}

/** Copies of one item should not differ; should they, pick one the same way everywhere. */
function either<T>(x: T, y: T): T {
  return compare(JSON.stringify(x), JSON.stringify(y)) >= 0 ? x : y;
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * A fan's key on the team server: a hash of their Facebook id under the team's salt, so that ids never
 * appear in document ids (which CouchDB keeps forever) and a forgotten fan's limits can still hold.
 */
export function fanKeyUnder(salt: string, fanId: string): Promise<string> {
  return saltedHash(salt, fanId);
}

/**
 * A comment's key on the team server, as fans' documents and stripped contacts hold it: with the
 * Page's Graph token a comment id names its author, so what outlives a forget holds none.
 */
export function commentKeyUnder(salt: string, commentId: string): Promise<string> {
  return saltedHash(salt, 'comment', commentId);
}

async function saltedHash(salt: string, ...parts: string[]): Promise<string> {
  const data = new TextEncoder().encode([salt, ...parts].join('\u0000'));
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
