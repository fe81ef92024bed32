import { FATIGUE_THRESHOLDS } from '../../shared/discretion';
import { DAY_MS } from '../../shared/time';
import { counts } from '../policy/frequency-policy';
import type { OutreachDatabase } from '../storage/schema';

/**
 * How many distinct fans of the Page got exactly `text` (as sent, after placeholders and edits) within
 * each fatigue window: what the compose view compares with FATIGUE_THRESHOLDS.
 */
export async function sameTextSent(
  db: OutreachDatabase,
  pageId: string,
  text: string,
  now: number,
): Promise<Array<{ days: number; fans: number }>> {
  const longest = Math.max(...FATIGUE_THRESHOLDS.map(({ days }) => days));
  const range = IDBKeyRange.bound([pageId, now - longest * DAY_MS], [pageId, Infinity]);
  const wanted = text.trim();
  const same = (await db.getAllFromIndex('outreach', 'byPageTime', range)).filter(
    (entry) => counts(entry) && (entry.sentText ?? entry.text).trim() === wanted,
  );
  return FATIGUE_THRESHOLDS.map(({ days }) => ({
    days,
    fans: new Set(same.filter((entry) => entry.createdAt > now - days * DAY_MS).map((entry) => entry.fanId))
      .size,
  }));
}
