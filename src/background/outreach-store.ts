import type { FanKey, FanStatus } from '../shared/fan-status';
import {
  canSettle,
  isOverridable,
  type Category,
  type EntryStatus,
  type OutreachEntry,
  type Verdict,
} from '../shared/outreach';
import type { IDBPIndex, IDBPObjectStore, StoreNames } from 'idb';
import type { GraphError } from '../shared/graph';
import type { OutreachDatabase, OutreachSchema } from './database';
import { DAY_MS } from '../shared/time';
import {
  counts,
  countStrikes,
  evaluate,
  evaluateAll,
  historyWindowMs,
  type FanStanding,
  type OutreachRequest,
  type PastContact,
} from './frequency-policy';
import { forgottenAliases, forgottenFanAliases, reclaim, type ForgottenAliases } from './forgotten-fans';
import { RequestError } from './request-error';
import { readStanding } from './fan-standing';
import type { PolicySettings } from '../shared/policy-settings';

/** Categories the Page sends on its own initiative, as opposed to answering a fan (customer care). */
const INITIATIVE_CATEGORIES: readonly Category[] = ['thanks', 'promo', 'warning'];

/** Most expired entries one maintenance run deletes. */
const EXPIRY_BATCH = 5000;

/** Newest entries the log view lists. */
export const LOG_PAGE_SIZE = 200;

export type NewEntry = Omit<
  OutreachEntry,
  'id' | 'createdAt' | 'updatedAt' | 'status' | 'commentSlot' | 'override'
>;

type OutreachStore = IDBPObjectStore<
  OutreachSchema,
  ['outreach', 'fans'],
  'outreach',
  'readonly' | 'readwrite'
>;

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
  team?: ReserveOptions['team'],
): Promise<{
  verdicts: Record<Category, Verdict>;
  strikes: number;
  doNotContact: boolean;
  lastContacts: Partial<Record<Category, number>>;
  unavailableAt: number | null;
}> {
  const aliases = await forgottenAliases(db, request);
  const tx = db.transaction(['outreach', 'fans'], 'readonly');
  const [local, localStanding] = await Promise.all([
    readHistory(tx.objectStore('outreach'), request, aliases, settings, now),
    readStanding(tx.objectStore('fans'), request, aliases),
  ]);
  await tx.done;
  const history = withTeamHistory(local, team?.contacts);
  const standing = withTeamStanding(localStanding, team?.standing);
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
  };
}

/**
 * Checks the policy and records the outreach in ONE readwrite transaction, so two tabs can never both
 * pass the check. Nothing but IndexedDB requests is awaited inside it: any other await would let the
 * transaction auto-commit between the check and the write.
 */
export interface ReserveOptions {
  /** Send despite a soft rule, for this reason (kept with the entry). */
  overrideReason?: string | undefined;
  /** The Page's messages to the fan from outside this browser (see OutreachRequest). */
  outsideContacts?: readonly number[];
  /** Facebook notes that the comment was answered privately (see OutreachRequest). */
  answeredElsewhere?: boolean;
  /** What the Page's team server holds of the fan: its contacts (by entry id) and mark. */
  team?: { contacts: ReadonlyArray<PastContact & { id: string }>; standing: FanStanding | null };
  /** The Page has a team: the entry is to be told to its server (see OutreachEntry.team). */
  forTeam?: boolean;
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

/** What the policy judges of a new entry: its fan, comment, category and the comment's age. */
export function requestOf(draft: NewEntry): OutreachRequest {
  return {
    pageId: draft.pageId,
    fanId: draft.fanId,
    commentId: draft.commentId,
    ...(draft.commentPostedAt !== undefined ? { commentPostedAt: draft.commentPostedAt } : {}),
    category: draft.category,
  };
}

export async function reserveOutreach(
  db: OutreachDatabase,
  draft: NewEntry,
  settings: PolicySettings,
  now: number,
  {
    overrideReason,
    outsideContacts = [],
    answeredElsewhere = false,
    team,
    forTeam = false,
  }: ReserveOptions = {},
): Promise<{ verdict: Verdict; entry: OutreachEntry | null }> {
  const request: OutreachRequest = {
    ...requestOf(draft),
    outsideContacts,
    ...(answeredElsewhere ? { answeredElsewhere } : {}),
  };
  const aliases = await forgottenAliases(db, request);
  const tx = db.transaction(['outreach', 'fans'], 'readwrite', { durability: 'strict' });
  const outreach = tx.objectStore('outreach');
  const [local, localStanding] = await Promise.all([
    readHistory(outreach, request, aliases, settings, now),
    readStanding(tx.objectStore('fans'), request, aliases),
  ]);
  const history = withTeamHistory(local, team?.contacts);
  const verdict = evaluate(request, history, settings, now, withTeamStanding(localStanding, team?.standing));
  // A soft rule gives way to an override with a reason; Facebook's own rules never do.
  const overridden = overrideReason !== undefined && isOverridable(verdict);
  if (!verdict.allowed && !overridden) {
    await tx.done;
    return { verdict, entry: null };
  }
  const entry: OutreachEntry = {
    ...draft,
    ...(overridden && !verdict.allowed ? { override: { rule: verdict.rule, reason: overrideReason! } } : {}),
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    status: 'reserved',
    commentSlot: draft.commentId,
    ...(forTeam ? { team: 'pending' as const } : {}),
  };
  await outreach.add(entry);
  await tx.done;
  return { verdict, entry };
}

/**
 * Records what became of a delivery, when the entry's current status allows that move (see
 * `canSettle`): news that arrives late or twice changes nothing and returns null. Not sent gives the
 * comment's slot back. `details` adds what the delivery learnt: the text as the admin edited it in
 * Facebook's message box, Facebook's message id, or why Facebook refused it.
 */
export async function settleOutreach(
  db: OutreachDatabase,
  entryId: string,
  status: Exclude<EntryStatus, 'reserved'>,
  now: number,
  details: SettleDetails = {},
): Promise<OutreachEntry | null> {
  const tx = db.transaction('outreach', 'readwrite');
  const entry = await tx.store.get(entryId);
  // Another admin's contact is theirs to settle: this browser's copy follows the team's log.
  if (!entry || entry.author !== undefined || !canSettle(entry.status, status)) {
    await tx.done;
    return null;
  }
  const updated: OutreachEntry = { ...entry, status, updatedAt: now };
  // The team's copy of the contact has to learn the new status too.
  if (entry.team) updated.team = 'pending';
  if (status === 'failed') delete updated.commentSlot;
  if (status === 'sent' && details.sentText !== undefined) updated.sentText = details.sentText;
  if (details.messageId) updated.messageId = details.messageId;
  if (details.deliveryError) updated.deliveryError = details.deliveryError;
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

export interface SettleDetails {
  sentText?: string;
  messageId?: string;
  deliveryError?: GraphError;
}

/** The team server now holds the entry as it is at `status`; a change since keeps it pending. */
export async function markTeamConfirmed(
  db: OutreachDatabase,
  entryId: string,
  status: EntryStatus,
): Promise<void> {
  const tx = db.transaction('outreach', 'readwrite');
  const entry = await tx.store.get(entryId);
  if (entry?.team === 'pending' && entry.status === status)
    await tx.store.put({ ...entry, team: 'confirmed' });
  await tx.done;
}

/** The entry was made while the team could not be asked, and the team's limits did not allow it. */
export async function markOverTeamLimit(db: OutreachDatabase, entryId: string): Promise<void> {
  const tx = db.transaction('outreach', 'readwrite');
  const entry = await tx.store.get(entryId);
  if (entry && !entry.overTeamLimit) await tx.store.put({ ...entry, overTeamLimit: true });
  await tx.done;
}

/** This browser's entries the team server has still to be told of, on one Page. */
export async function teamPending(db: OutreachDatabase, pageId: string): Promise<OutreachEntry[]> {
  const pending = await db.getAllFromIndex('outreach', 'byTeam', 'pending');
  return pending.filter((entry) => entry.pageId === pageId);
}

/** Where a page of the log ends: the next page starts just after this entry. */
export interface LogCursor {
  createdAt: number;
  id: string;
}

/**
 * The newest entries first, `limit` at a time; `before` continues after the last entry of the
 * previous page. Entries of the same millisecond come in descending id order, as the index has them.
 */
export async function listOutreach(
  db: OutreachDatabase,
  { before, limit = LOG_PAGE_SIZE }: { before?: LogCursor; limit?: number } = {},
): Promise<OutreachEntry[]> {
  return newestEntries(db.transaction('outreach').store.index('byCreatedAt'), limit, before);
}

/** The newest `limit` entries of the log, in the caller's transaction; `before` as in `listOutreach`. */
export async function newestEntries<Stores extends StoreNames<OutreachSchema>[]>(
  index: IDBPIndex<OutreachSchema, Stores, 'outreach', 'byCreatedAt', IDBTransactionMode>,
  limit: number,
  before?: LogCursor,
): Promise<OutreachEntry[]> {
  const entries: OutreachEntry[] = [];
  const range = before ? IDBKeyRange.upperBound(before.createdAt) : null;
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && entries.length < limit) {
    const entry = cursor.value;
    if (!before || entry.createdAt < before.createdAt || entry.id < before.id) entries.push(entry);
    cursor = await cursor.continue();
  }
  return entries;
}

/** One entry by id, or null when there is none. */
export async function getOutreach(db: OutreachDatabase, id: string): Promise<OutreachEntry | null> {
  return (await db.get('outreach', id)) ?? null;
}

/**
 * The Pages the log has messaged from, each with the name of its newest entry; one key step per Page,
 * not a read of the whole log.
 */
export async function pagesInLog(db: OutreachDatabase): Promise<Array<{ pageId: string; pageName: string }>> {
  const pages: Array<{ pageId: string; pageName: string }> = [];
  const index = db.transaction('outreach').store.index('byPageTime');
  let cursor = await index.openCursor(null, 'prev');
  while (cursor) {
    const { pageId, pageName } = cursor.value;
    pages.push({ pageId, pageName });
    // The Page's newest entry came first (newest last in key order); skip its others.
    cursor = await cursor.continue([pageId, -Infinity]);
  }
  return pages.reverse();
}

/** Deletes one entry (a message that was never really sent): it no longer counts. */
export async function deleteOutreach(db: OutreachDatabase, id: string): Promise<OutreachEntry | null> {
  const tx = db.transaction('outreach', 'readwrite', { durability: 'strict' });
  const entry = await tx.store.get(id);
  if (entry) await tx.store.delete(id);
  await tx.done;
  return entry ?? null;
}

/**
 * Puts a deleted entry back exactly as it was (undo). Refused when its id or its comment's single
 * private reply has been taken since.
 */
export async function restoreOutreach(db: OutreachDatabase, entry: OutreachEntry): Promise<void> {
  const tx = db.transaction('outreach', 'readwrite', { durability: 'strict' });
  try {
    await tx.store.add(entry);
    await tx.done;
  } catch (error) {
    // The failed add aborts the transaction; its rejection is this same failure.
    await tx.done.catch(() => undefined);
    if (error instanceof DOMException && error.name === 'ConstraintError') {
      throw new RequestError('invalid-request', 'errorRestoreConflict');
    }
    throw error;
  }
}

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
    return [
      {
        pageId,
        fanId,
        lastContactAt: live.length > 0 ? Math.max(...live.map((entry) => entry.createdAt)) : null,
        blockedUntil: Number.isFinite(blockedUntil) ? blockedUntil : null,
        warnings: countStrikes(live, settings, now),
        doNotContact: standing?.doNotContact ?? false,
      },
    ];
  });
}

/** How long a delivery may stay open before nobody can tell any more how it ended. */
export interface DeliveryTimeouts {
  /**
   * From the reservation, or from the claim that started its delivery: the popup delivers at once and
   * a delivery answers within seconds, so only an interruption leaves one reserved or sending.
   */
  reservedMs: number;
  /** From the text landing in Facebook's message box: the admin may take a while to press Send. */
  preparedMs: number;
}

/**
 * Turns deliveries nobody finished in time into `unknown`: they were interrupted (popup closed, worker
 * killed, tab gone) and nobody can tell whether the fan got the message. They keep their comment and
 * keep counting, so nothing is sent twice. Returns how many were marked.
 */
export async function markInterrupted(
  db: OutreachDatabase,
  now: number,
  timeouts: DeliveryTimeouts,
): Promise<number> {
  const tx = db.transaction('outreach', 'readwrite');
  const byStatus = tx.store.index('byStatus');
  const [reserved = [], sending = [], prepared = []] = await Promise.all(
    (['reserved', 'sending', 'prepared'] as const).map((status) => byStatus.getAll(status)),
  );
  // Strictly older: a reservation made in the very millisecond maintenance runs is still being made.
  // Another admin's deliveries are not this worker's to have interrupted.
  const stale = [
    ...[...reserved, ...sending].filter((entry) => entry.updatedAt < now - timeouts.reservedMs),
    ...prepared.filter((entry) => entry.updatedAt < now - timeouts.preparedMs),
  ].filter((entry) => entry.author === undefined);
  await Promise.all(stale.map((entry) => tx.store.put({ ...entry, status: 'unknown', updatedAt: now })));
  await tx.done;
  return stale.length;
}

/**
 * Deletes the entries created before `before` (retention), a bounded batch per call so one run never
 * holds a long transaction; maintenance runs again soon. Returns how many were deleted.
 */
export async function dropExpired(
  db: OutreachDatabase,
  before: number,
  batch = EXPIRY_BATCH,
): Promise<number> {
  const tx = db.transaction('outreach', 'readwrite');
  const dropped = await dropOldest(tx.store, IDBKeyRange.upperBound(before, true), batch);
  await tx.done;
  return dropped;
}

/** Deletes the `count` oldest entries within `range`, in the caller's transaction. */
async function dropOldest(
  store: IDBPObjectStore<OutreachSchema, ['outreach'], 'outreach', 'readwrite'>,
  range: IDBKeyRange | null,
  count: number,
): Promise<number> {
  const keys = await store.index('byCreatedAt').getAllKeys(range, count);
  await Promise.all(keys.map((key) => store.delete(key)));
  return keys.length;
}

/**
 * Deletes the oldest entries beyond `cap` (the log's size limit), a bounded batch per call like
 * `dropExpired`. Returns how many were deleted.
 */
export async function dropBeyondCap(
  db: OutreachDatabase,
  cap: number,
  batch = EXPIRY_BATCH,
): Promise<number> {
  const tx = db.transaction('outreach', 'readwrite');
  const excess = Math.min((await tx.store.count()) - cap, batch);
  const dropped = excess > 0 ? await dropOldest(tx.store, null, excess) : 0;
  await tx.done;
  return dropped;
}
