import { formatDateTime } from './format';
import { t } from './i18n';
import type { TeamView } from './team';

/** "Last synced 14:02; 2 waiting to be told.", as the options page and the popup say it. */
export function teamSyncText({ lastSyncedAt, pending }: Pick<TeamView, 'lastSyncedAt' | 'pending'>): string {
  return lastSyncedAt === null
    ? t('teamNeverSynced', String(pending))
    : t('teamSyncState', [formatDateTime(lastSyncedAt), String(pending)]);
}
