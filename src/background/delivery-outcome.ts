import type { EntryStatus, OutreachEntry } from '../shared/outreach';
import { announceEntryChange } from './change-feed';
import { withDatabase } from './database';
import { settleOutreach, type SettleDetails } from './outreach-store';

/**
 * Records what became of a delivery (clipboard, Facebook's box or the Graph API) and tells every tab
 * that the fan's status changed. Null when the entry is gone or already settled further.
 */
export async function recordDeliveryOutcome(
  entryId: string,
  status: Exclude<EntryStatus, 'reserved'>,
  now: number,
  details: SettleDetails = {},
): Promise<OutreachEntry | null> {
  const entry = await withDatabase((db) => settleOutreach(db, entryId, status, now, details));
  if (entry) await announceEntryChange(entry, now);
  return entry;
}
