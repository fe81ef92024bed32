import { formatDateTime } from './format';
import { tCount } from './i18n';
import type { TeamView } from './team';

/**
 * A team sync runs every minute: none completed for this long means something keeps failing (the
 * server away, a write it refuses), and the admin is told so rather than left to notice.
 */
export const SYNC_STALLED_AFTER_MS = 5 * 60_000;

type SyncView = Pick<TeamView, 'lastSyncedAt' | 'pending'>;

export const syncStalled = ({ lastSyncedAt }: SyncView, now: number) =>
  lastSyncedAt !== null && now - lastSyncedAt > SYNC_STALLED_AFTER_MS;

/** "Last synced 14:02; 2 waiting to be told.", as the options page and the popup say it. */
export function teamSyncText(view: SyncView, now: number): string {
  const { lastSyncedAt, pending } = view;
  if (lastSyncedAt === null) return tCount('teamNeverSynced', pending);
  const substitutions = [formatDateTime(lastSyncedAt), String(pending)];
  return tCount(syncStalled(view, now) ? 'teamSyncStalled' : 'teamSyncState', pending, substitutions);
}
