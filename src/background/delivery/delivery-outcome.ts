import type { EntryStatus, OutreachEntry } from '../../shared/outreach';
import { announceEntryChange } from '../outreach/change-feed';
import { withDatabase } from '../storage/database';
import { settleOutreach, type SettleDetails } from '../outreach/settle';
import type { TeamPort } from '../team-port';

/**
 * Records what became of a delivery (clipboard, Facebook's box or the Graph API) and tells every tab
 * that the fan's status changed; on a team's Page, tells the team. Null when the entry is gone or
 * already settled further.
 */
export async function recordDeliveryOutcome(
  team: TeamPort,
  entryId: string,
  status: Exclude<EntryStatus, 'reserved'>,
  now: number,
  details: SettleDetails = {},
): Promise<OutreachEntry | null> {
  const entry = await withDatabase((db) => settleOutreach(db, entryId, status, now, details));
  if (entry) await announceEntryChange(entry, now);
  // The team hears of an outcome at once, not at the next alarm: its log and limits follow. (A claim
  // for delivery is followed by its outcome within moments.)
  if (entry?.team && entry.status !== 'sending') await team.sync(entry.pageId, now);
  return entry;
}
