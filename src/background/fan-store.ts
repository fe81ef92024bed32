import type { FanRecord } from '../shared/outreach';
import type { OutreachDatabase } from './database';
import { updateStanding, type FanIdentity } from './fan-standing';

/** Marks a fan "do not contact" (or lifts it); the policy reads it in the same transaction as the log. */
export function setDoNotContact(db: OutreachDatabase, fan: FanIdentity, doNotContact: boolean, now: number) {
  return updateStanding(db, fan, now, (record) => ({ ...record, doNotContact, updatedAt: now }));
}

/** Saves the admins' notes about a fan (empty text removes them); the fan's standing is unchanged. */
export function setFanNotes(db: OutreachDatabase, fan: FanIdentity, notes: string, now: number) {
  return updateStanding(db, fan, now, ({ notes: _previous, ...record }) =>
    notes ? { ...record, notes, notesAt: now } : { ...record, notesAt: now },
  );
}

/** Remembers that Facebook said the fan cannot receive the Page's messages, so the popup says so. */
export function markUnavailable(db: OutreachDatabase, fan: FanIdentity, now: number) {
  return updateStanding(db, fan, now, (record) => ({ ...record, unavailableAt: now }));
}

/** The admins' notes about a fan, or '' when there are none. */
export async function fanNotes(
  db: OutreachDatabase,
  fan: Pick<FanRecord, 'pageId' | 'fanId'>,
): Promise<string> {
  return (await db.get('fans', [fan.pageId, fan.fanId]))?.notes ?? '';
}
