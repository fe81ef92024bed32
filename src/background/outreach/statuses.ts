import type { FanKey } from '../../shared/fan-status';
import type { FanStatus } from '../../shared/messages';
import { type Category, type OutreachEntry } from '../../shared/outreach';
import type { IDBPIndex } from 'idb';
import type { OutreachDatabase, OutreachSchema } from '../storage/schema';
import { counts, countStrikes, evaluateAll, historyWindowMs } from '../policy/frequency-policy';
import { forgottenFanAliases, reclaim } from '../fans/forgotten-fans';
import { readStanding } from '../fans/fan-standing';
import { describeFanStatus } from './status-text';
import type { PolicySettings } from '../../shared/policy-settings';

/** Categories the Page sends on its own initiative, as opposed to answering a fan (customer care). */
const INITIATIVE_CATEGORIES: readonly Category[] = ['thanks', 'promo', 'warning'];

/**
 * A Page's history window holding at most this many entries is read at once for a batch of statuses:
 * one read instead of two per fan, and a Page rarely has more within the window than a batch has fans.
 */
const WHOLE_WINDOW_MAX = 2000;

type ByPageTime = IDBPIndex<OutreachSchema, ['outreach', 'fans'], 'outreach', 'byPageTime', 'readonly'>;

/** Each asked-about Page's entries since `since`, by fan, for the Pages whose window is small enough. */
async function pageWindows(
  index: ByPageTime,
  requests: readonly FanKey[],
  since: number,
  wholeWindowMax: number,
): Promise<Map<string, Map<string, OutreachEntry[]>>> {
  const windows = new Map<string, Map<string, OutreachEntry[]>>();
  for (const pageId of new Set(requests.map((request) => request.pageId))) {
    // One entry over the limit says the window is too big, at a bounded cost whatever the log holds.
    const entries = await index.getAll(
      IDBKeyRange.bound([pageId, since], [pageId, Infinity], true),
      wholeWindowMax + 1,
    );
    if (entries.length > wholeWindowMax) continue;
    const byFan = new Map<string, OutreachEntry[]>();
    for (const entry of entries) {
      const history = byFan.get(entry.fanId);
      if (history) history.push(entry);
      else byFan.set(entry.fanId, [entry]);
    }
    windows.set(pageId, byFan);
  }
  return windows;
}

/**
 * The standing with its Page of each of `fans` the Page has anything to show about (contacts within
 * the history window, warnings, a mark), for the status beside the actions, in one transaction. Most
 * fans were never contacted: they are left out, and cost no policy evaluation.
 */
export async function fanStatuses(
  db: OutreachDatabase,
  fans: readonly FanKey[],
  settings: PolicySettings,
  now: number,
  wholeWindowMax = WHOLE_WINDOW_MAX,
): Promise<FanStatus[]> {
  // A comment id no entry has: only the per-fan rules answer.
  const requests = fans.map(({ pageId, fanId }) => ({ pageId, fanId, commentId: '' }));
  const aliases = await forgottenFanAliases(db, requests);
  const since = now - historyWindowMs(settings);
  const tx = db.transaction(['outreach', 'fans']);
  const index = tx.objectStore('outreach').index('byPageFanTime');
  const windows = await pageWindows(
    tx.objectStore('outreach').index('byPageTime'),
    requests,
    since,
    wholeWindowMax,
  );
  const fanHistory = async (pageId: string, fanId: string) =>
    windows.get(pageId)?.get(fanId) ??
    (windows.has(pageId)
      ? []
      : index.getAll(IDBKeyRange.bound([pageId, fanId, since], [pageId, fanId, Infinity], true)));
  const [histories, standings] = await Promise.all([
    Promise.all(
      requests.map(async (request, position) => {
        const [own, forgotten] = await Promise.all([
          fanHistory(request.pageId, request.fanId),
          fanHistory(request.pageId, aliases[position]!.fanId),
        ]);
        return [...own, ...forgotten.map((entry) => reclaim(entry, request, aliases[position]!))];
      }),
    ),
    Promise.all(
      requests.map((request, position) => readStanding(tx.objectStore('fans'), request, aliases[position]!)),
    ),
  ]);
  return requests.flatMap((request, position): FanStatus[] => {
    const { pageId, fanId } = request;
    const live = histories[position]!.filter(counts);
    const standing = standings[position] ?? null;
    if (live.length === 0 && !standing?.doNotContact && !standing?.answered) return [];
    // Customer care is left out: the status says when the Page may next reach out on its own initiative.
    const verdicts = evaluateAll(request, live, settings, now, standing);
    const initiative = INITIATIVE_CATEGORIES.map((category) => verdicts[category]);
    const blockedUntil = initiative.some((verdict) => verdict.allowed)
      ? null
      : Math.min(...initiative.map((verdict) => (verdict.allowed ? now : (verdict.eligibleAt ?? Infinity))));
    const status = {
      pageId,
      fanId,
      lastContactAt: live.length > 0 ? Math.max(...live.map((entry) => entry.createdAt)) : null,
      blockedUntil: Number.isFinite(blockedUntil) ? blockedUntil : null,
      warnings: countStrikes(live, settings, now),
      doNotContact: standing?.doNotContact ?? false,
    };
    return [{ ...status, text: describeFanStatus(status, now) }];
  });
}
