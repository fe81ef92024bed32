import type { FanRecord } from '../../shared/outreach';
import type { OutreachDatabase } from '../storage/schema';
import { forgottenFanAliases, type ForgottenAliases } from './forgotten-fans';
import { withReplies } from './private-replies';

/**
 * A fan's standing (do not contact, notes) as the one answer every read and write uses. A forgotten
 * fan's mark lives under their alias; when they comment again and the admin saves a note, a record
 * under their real id appears beside it. Both are the same fan: merged, a hard flag set on either
 * holds and private replies seen under either count, so nothing done to the new record can lift what
 * the old one said.
 */
export function mergeStanding(
  real: FanRecord | undefined,
  forgotten: FanRecord | undefined,
): FanRecord | null {
  if (!real || !forgotten) return real ?? forgotten ?? null;
  const answered = withReplies(real.answered, forgotten.answered ?? []);
  return {
    ...real,
    doNotContact: real.doNotContact || forgotten.doNotContact,
    updatedAt: Math.max(real.updatedAt, forgotten.updatedAt),
    ...(answered.length > 0 ? { answered } : {}),
  };
}

/** The stores a standing is read from: the fans store in any transaction that holds it. */
export interface FanStoreLike {
  get(key: [string, string]): Promise<FanRecord | undefined>;
}

/**
 * The fan's merged standing, read in the caller's transaction (the aliases hashed before it). A
 * private reply seen under the asked-about comment before the fan was forgotten is read back as that
 * comment's.
 */
export async function readStanding(
  store: FanStoreLike,
  fan: { pageId: string; fanId: string; commentId?: string },
  aliases: ForgottenAliases,
): Promise<FanRecord | null> {
  const [real, forgotten] = await Promise.all([
    store.get([fan.pageId, fan.fanId]),
    store.get([fan.pageId, aliases.fanId]),
  ]);
  const reclaimed = forgotten?.answered && {
    ...forgotten,
    answered: forgotten.answered.map((reply) =>
      fan.commentId !== undefined && reply.commentId === aliases.commentId
        ? { ...reply, commentId: fan.commentId }
        : reply,
    ),
  };
  return mergeStanding(real, reclaimed ?? forgotten);
}

/** Who a fan is, as their latest comment names them. */
export type FanIdentity = Pick<FanRecord, 'pageId' | 'fanId' | 'name' | 'profileUrl'>;

/**
 * Reads, changes and writes one fan's standing in one transaction, starting from the merged record
 * (a new one, not marked, dated `now`, if the Page had none); the name and profile come from the
 * latest comment. A mark lifted on purpose is lifted under the alias too.
 */
export async function updateStanding(
  db: OutreachDatabase,
  fan: FanIdentity,
  now: number,
  change: (record: FanRecord) => FanRecord,
): Promise<FanRecord> {
  const [aliases] = await forgottenFanAliases(db, [fan]);
  const tx = db.transaction('fans', 'readwrite');
  const [real, forgotten] = await Promise.all([
    tx.store.get([fan.pageId, fan.fanId]),
    tx.store.get([fan.pageId, aliases!.fanId]),
  ]);
  const merged = mergeStanding(real, forgotten);
  const record = change({ doNotContact: false, updatedAt: now, ...merged, ...fan });
  const writes = [tx.store.put(record)];
  if (forgotten?.doNotContact && !record.doNotContact) {
    writes.push(tx.store.put({ ...forgotten, doNotContact: false, updatedAt: now }));
  }
  await Promise.all(writes);
  await tx.done;
  return record;
}
