import type { OutreachDatabase } from '../../src/background/storage/schema';
import { settleOutreach, type SettleDetails } from '../../src/background/outreach/settle';
import type { EntryStatus } from '../../src/shared/outreach';

/** Settles a reserved entry as a delivery does: claimed first (`sending`), then its outcome. */
export async function deliverAndSettle(
  db: OutreachDatabase,
  entryId: string,
  status: Exclude<EntryStatus, 'reserved' | 'sending'>,
  now: number,
  details: SettleDetails = {},
) {
  await settleOutreach(db, entryId, 'sending', now);
  return settleOutreach(db, entryId, status, now, details);
}
