import type { EntryStatus, OutreachEntry } from '../shared/outreach';
import { announceEntryChange } from './change-feed';
import { withDatabase } from './database';
import { settleOutreach, type SettleDetails } from './outreach-store';
import { syncPage } from './team/team-sync';

/**
 * Records what became of a delivery (clipboard, Facebook's box or the Graph API) and tells every tab
 * that the fan's status changed; on a team's Page, tells the team. Null when the entry is gone or
 * already settled further.
 */
export async function recordDeliveryOutcome(
  entryId: string,
  status: Exclude<EntryStatus, 'reserved'>,
  now: number,
  details: SettleDetails = {},
): Promise<OutreachEntry | null> {
  const entry = await withDatabase((db) => settleOutreach(db, entryId, status, now, details));
  if (entry) await announceEntryChange(entry, now);
  // The team hears of an outcome at once, not at the next alarm: its log and limits follow. (A claim
  // for delivery is followed by its outcome within moments.)
  if (entry?.team && entry.status !== 'sending') await syncPage(entry.pageId, now);
  return entry;
}
