import type { FanRecord } from '../shared/outreach';
import type { OutreachDatabase } from './database';
import { updateStanding } from './fan-standing';

type FanIdentity = Pick<FanRecord, 'pageId' | 'fanId' | 'name' | 'profileUrl'>;

/** Marks a fan "do not contact" (or lifts it); the policy reads it in the same transaction as the log. */
export function setDoNotContact(db: OutreachDatabase, fan: FanIdentity, doNotContact: boolean, now: number) {
  return updateStanding(db, fan, now, (record) => ({ ...record, doNotContact, updatedAt: now }));
}

/** Saves the admins' notes about a fan (empty text removes them); the fan's standing is unchanged. */
export function setFanNotes(db: OutreachDatabase, fan: FanIdentity, notes: string, now: number) {
  return updateStanding(db, fan, now, ({ notes: _previous, ...record }) =>
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
