import { type Category, type OutreachEntry, type Verdict } from '../../shared/outreach';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { OutreachDatabase, OutreachSchema } from '../storage/schema';
import { DAY_MS } from '../../shared/time';
import {
  counts,
  countStrikes,
  evaluateAll,
  historyWindowMs,
  postRepliesToday,
  type FanStanding,
  type OutreachRequest,
  type PastContact,
} from '../policy/frequency-policy';
import { forgottenAliases, reclaim, type ForgottenAliases } from '../fans/forgotten-fans';
import { readStanding, type FanStoreLike } from '../fans/fan-standing';
import type { PolicySettings } from '../../shared/policy-settings';

type OutreachStore = IDBPObjectStore<
  OutreachSchema,
  ArrayLike<StoreNames<OutreachSchema>>,
  'outreach',
  'readonly' | 'readwrite'
>;

/** What the Page's team server holds of the fan: its contacts (by entry id) and mark. */
export interface TeamFacts {
  contacts: ReadonlyArray<PastContact & { id: string }>;
  standing: FanStanding | null;
}

/**
 * Everything the policy needs to judge a request, by indexed range reads whose cost follows the
 * policy's windows, not the log's size: the fan's contacts on that Page within the longest window, the
 * comment's (at any age: one per comment is forever), the Page's last 24 hours for its daily cap, and
 * this browser's last pace interval. A forgotten fan's tombstones are read back as theirs. An entry
 * found by more than one read is kept once: the caps count.
 */
async function readHistory(
  store: OutreachStore,
  request: Omit<OutreachRequest, 'category'>,
  aliases: ForgottenAliases,
  settings: PolicySettings,
  now: number,
): Promise<OutreachEntry[]> {
  const since = now - historyWindowMs(settings);
  const fanRange = (fanId: string) =>
    IDBKeyRange.bound([request.pageId, fanId, since], [request.pageId, fanId, Infinity], true);
  const reads = [
    store.index('byPageFanTime').getAll(fanRange(request.fanId)),
    store.index('byPageFanTime').getAll(fanRange(aliases.fanId)),
    store.index('byComment').getAll(request.commentId),
    store.index('byComment').getAll(aliases.commentId),
    store
      .index('byPageTime')
      .getAll(IDBKeyRange.bound([request.pageId, now - DAY_MS], [request.pageId, Infinity], true)),
  ];
  if (settings.paceSeconds > 0) {
    reads.push(
      store.index('byCreatedAt').getAll(IDBKeyRange.lowerBound(now - settings.paceSeconds * 1000, true)),
    );
  }
  const found = (await Promise.all(reads)).flat().map((entry) => reclaim(entry, request, aliases));
  return [...new Map(found.map((entry) => [entry.id, entry])).values()];
}

/**
 * The policy's verdict for every category of message to this fan on this comment, and the fan's
 * strikes so far, recording nothing.
 */
export async function checkOutreach(
  db: OutreachDatabase,
  request: Omit<OutreachRequest, 'category'>,
  settings: PolicySettings,
  now: number,
  team?: TeamFacts,
): Promise<{
  verdicts: Record<Category, Verdict>;
  strikes: number;
  doNotContact: boolean;
  lastContacts: Partial<Record<Category, number>>;
  unavailableAt: number | null;
  postReplies: { count: number; max: number } | null;
}> {
  const aliases = await forgottenAliases(db, request);
  const tx = db.transaction(['outreach', 'fans'], 'readonly');
  const stores = { outreach: tx.objectStore('outreach'), fans: tx.objectStore('fans') };
  const { history, standing, localStanding } = await readCase(stores, request, aliases, settings, now, team);
  await tx.done;
  const fan = history.filter((entry) => entry.pageId === request.pageId && entry.fanId === request.fanId);
  const lastContacts: Partial<Record<Category, number>> = {};
  for (const entry of fan.filter(counts)) {
    lastContacts[entry.category] = Math.max(lastContacts[entry.category] ?? 0, entry.createdAt);
  }
  return {
    verdicts: evaluateAll(request, history, settings, now, standing),
    strikes: countStrikes(fan, settings, now),
    doNotContact: standing?.doNotContact ?? false,
    lastContacts,
    unavailableAt: localStanding?.unavailableAt ?? null,
    postReplies: postRepliesToday(request, history, settings, now),
  };
}

/**
 * What the policy judges a request on, in the caller's transaction: this browser's history and the
 * fan's standing, with what the team holds of them.
 */
export async function readCase(
  stores: { outreach: OutreachStore; fans: FanStoreLike },
  request: Omit<OutreachRequest, 'category'>,
  aliases: ForgottenAliases,
  settings: PolicySettings,
  now: number,
  team: TeamFacts | undefined,
) {
  const [local, localStanding] = await Promise.all([
    readHistory(stores.outreach, request, aliases, settings, now),
    readStanding(stores.fans, request, aliases),
  ]);
  return {
    history: withTeamHistory(local, team?.contacts),
    standing: withTeamStanding(localStanding, team?.standing),
    localStanding,
  };
}

/** This browser's entries and the team's contacts, each contact once (this browser's copy first). */
function withTeamHistory<T extends { id: string }>(
  local: T[],
  team: ReadonlyArray<PastContact & { id: string }> = [],
) {
  const ours = new Set(local.map((entry) => entry.id));
  return [...local, ...team.filter((contact) => !ours.has(contact.id))];
}

/** Hard flags OR-ed: a fan marked "do not contact" here or by the team is marked. */
function withTeamStanding(
  local: FanStanding | null,
  team: FanStanding | null | undefined,
): FanStanding | null {
  if (!team?.doNotContact || local?.doNotContact) return local;
  const answered = local?.answered ? { answered: local.answered } : {};
  return { ...team, updatedAt: Math.max(team.updatedAt, local?.updatedAt ?? 0), ...answered };
}
