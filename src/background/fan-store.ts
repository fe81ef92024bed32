import type { FanRecord } from '../shared/outreach';
import type { OutreachDatabase } from './database';

/** Marks a fan "do not contact" (or lifts it); the policy reads it in the same transaction as the log. */
export async function setDoNotContact(
  db: OutreachDatabase,
  fan: Pick<FanRecord, 'pageId' | 'fanId' | 'name'>,
  doNotContact: boolean,
  now: number,
): Promise<FanRecord> {
  const tx = db.transaction('fans', 'readwrite');
  const existing = await tx.store.get([fan.pageId, fan.fanId]);
  const record: FanRecord = { ...existing, ...fan, doNotContact, updatedAt: now };
  await tx.store.put(record);
  await tx.done;
  return record;
}
