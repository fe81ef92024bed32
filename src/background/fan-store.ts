import type { FanRecord } from '../shared/outreach';
import type { OutreachDatabase } from './database';

/** Marks a fan "do not contact" (or lifts it); the policy reads it in the same transaction as the log. */
export async function setDoNotContact(
  db: OutreachDatabase,
  fan: Pick<FanRecord, 'pageId' | 'fanId' | 'name' | 'profileUrl'>,
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

/** Saves the admins' notes about a fan (empty text removes them); the fan's standing is unchanged. */
export async function setFanNotes(
  db: OutreachDatabase,
  fan: Pick<FanRecord, 'pageId' | 'fanId' | 'name' | 'profileUrl'>,
  notes: string,
  now: number,
): Promise<FanRecord> {
  const tx = db.transaction('fans', 'readwrite');
  const existing = await tx.store.get([fan.pageId, fan.fanId]);
  const record: FanRecord = { doNotContact: false, updatedAt: now, ...existing, ...fan };
  if (notes) record.notes = notes;
  else delete record.notes;
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** The admins' notes about a fan, or '' when there are none. */
export async function fanNotes(
  db: OutreachDatabase,
  fan: Pick<FanRecord, 'pageId' | 'fanId'>,
): Promise<string> {
  return (await db.get('fans', [fan.pageId, fan.fanId]))?.notes ?? '';
}
