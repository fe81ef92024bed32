import type { FanRecord } from '../shared/outreach';
import type { OutreachDatabase } from './database';

type FanIdentity = Pick<FanRecord, 'pageId' | 'fanId' | 'name' | 'profileUrl'>;

/**
 * Reads, changes and writes one fan's record in one transaction, creating it (not marked, standing
 * dated `now`) if the Page had none; the name and profile are refreshed from the latest comment.
 */
async function updateFan(
  db: OutreachDatabase,
  fan: FanIdentity,
  now: number,
  change: (record: FanRecord) => FanRecord,
): Promise<FanRecord> {
  const tx = db.transaction('fans', 'readwrite');
  const existing = await tx.store.get([fan.pageId, fan.fanId]);
  const record = change({ doNotContact: false, updatedAt: now, ...existing, ...fan });
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** Marks a fan "do not contact" (or lifts it); the policy reads it in the same transaction as the log. */
export function setDoNotContact(db: OutreachDatabase, fan: FanIdentity, doNotContact: boolean, now: number) {
  return updateFan(db, fan, now, (record) => ({ ...record, doNotContact, updatedAt: now }));
}

/** Saves the admins' notes about a fan (empty text removes them); the fan's standing is unchanged. */
export function setFanNotes(db: OutreachDatabase, fan: FanIdentity, notes: string, now: number) {
  return updateFan(db, fan, now, ({ notes: _previous, ...record }) =>
    notes ? { ...record, notes } : record,
  );
}

/** The admins' notes about a fan, or '' when there are none. */
export async function fanNotes(
  db: OutreachDatabase,
  fan: Pick<FanRecord, 'pageId' | 'fanId'>,
): Promise<string> {
  return (await db.get('fans', [fan.pageId, fan.fanId]))?.notes ?? '';
}
