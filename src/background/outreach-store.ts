import type { FanKey, FanStatus } from '../shared/fan-status';
import {
  HARD_RULES,
  type Category,
  type DeliveryOutcome,
  type OutreachEntry,
  type Verdict,
} from '../shared/outreach';
import type { IDBPObjectStore } from 'idb';
import type { OutreachDatabase, OutreachSchema } from './database';
import { DAY_MS } from '../shared/time';
import { counts, countStrikes, evaluate, evaluateAll, type OutreachRequest } from './frequency-policy';
import type { PolicySettings } from '../shared/policy-settings';

/** Categories the Page sends on its own initiative, as opposed to answering a fan (customer care). */
const INITIATIVE_CATEGORIES: readonly Category[] = ['thanks', 'promo', 'warning'];

/** Newest entries the log view lists. */
export const LOG_PAGE_SIZE = 200;

export type NewEntry = Omit<
  OutreachEntry,
  'id' | 'createdAt' | 'updatedAt' | 'status' | 'commentSlot' | 'override'
>;

type OutreachStore = IDBPObjectStore<OutreachSchema, ['outreach'], 'outreach', 'readonly' | 'readwrite'>;

/**
 * Everything the policy needs to judge a request, by indexed lookups whose cost does not grow with the
 * log: the fan's entries on that Page, the comment's, and everything recorded in the last 24 hours
 * (for the Page's daily cap). An entry found by more than one lookup is kept once: the caps count.
 */
async function readHistory(
  store: OutreachStore,
  request: Omit<OutreachRequest, 'category'>,
  now: number,
): Promise<OutreachEntry[]> {
  const [fanEntries, commentEntries, recent] = await Promise.all([
    store.index('byPageFan').getAll([request.pageId, request.fanId]),
    store.index('byComment').getAll(request.commentId),
    store.index('byCreatedAt').getAll(IDBKeyRange.lowerBound(now - DAY_MS, true)),
  ]);
  return [
    ...new Map([...fanEntries, ...commentEntries, ...recent].map((entry) => [entry.id, entry])).values(),
  ];
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
): Promise<{ verdicts: Record<Category, Verdict>; strikes: number; doNotContact: boolean }> {
  const tx = db.transaction(['outreach', 'fans'], 'readonly');
  const [history, standing] = await Promise.all([
    readHistory(tx.objectStore('outreach'), request, now),
    tx.objectStore('fans').get([request.pageId, request.fanId]),
  ]);
  await tx.done;
  const fan = history.filter((entry) => entry.pageId === request.pageId && entry.fanId === request.fanId);
  return {
    verdicts: evaluateAll(request, history, settings, now, standing ?? null),
    strikes: countStrikes(fan, settings, now),
    doNotContact: standing?.doNotContact ?? false,
  };
}

/**
 * Checks the policy and records the outreach in ONE readwrite transaction, so two tabs can never both
 * pass the check. Nothing but IndexedDB requests is awaited inside it: any other await would let the
 * transaction auto-commit between the check and the write.
 */
export async function reserveOutreach(
  db: OutreachDatabase,
  draft: NewEntry,
  settings: PolicySettings,
  now: number,
  overrideReason?: string,
): Promise<{ verdict: Verdict; entry: OutreachEntry | null }> {
  const tx = db.transaction(['outreach', 'fans'], 'readwrite', { durability: 'strict' });
  const outreach = tx.objectStore('outreach');
  const request: OutreachRequest = {
    pageId: draft.pageId,
    fanId: draft.fanId,
    commentId: draft.commentId,
    category: draft.category,
  };
  const [history, standing] = await Promise.all([
    readHistory(outreach, request, now),
    tx.objectStore('fans').get([draft.pageId, draft.fanId]),
  ]);
  const verdict = evaluate(request, history, settings, now, standing ?? null);
  // A soft rule gives way to an override with a reason; Facebook's own rules never do.
  const overridden = !verdict.allowed && overrideReason !== undefined && !HARD_RULES.includes(verdict.rule);
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
  };
  await outreach.add(entry);
  await tx.done;
  return { verdict, entry };
}

/** Records what delivery reported for a reserved entry; a failure gives the comment's slot back. */
export async function confirmOutreach(
  db: OutreachDatabase,
  entryId: string,
  outcome: DeliveryOutcome,
  now: number,
): Promise<OutreachEntry | null> {
  const tx = db.transaction('outreach', 'readwrite');
  const entry = await tx.store.get(entryId);
  if (!entry || entry.status !== 'reserved') {
    await tx.done;
    return null;
  }
  const updated: OutreachEntry = { ...entry, status: outcome, updatedAt: now };
  if (outcome === 'failed') delete updated.commentSlot;
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

/** The newest entries first. */
export async function listOutreach(db: OutreachDatabase, limit = LOG_PAGE_SIZE): Promise<OutreachEntry[]> {
  const entries: OutreachEntry[] = [];
  let cursor = await db.transaction('outreach').store.index('byCreatedAt').openCursor(null, 'prev');
  while (cursor && entries.length < limit) {
    entries.push(cursor.value);
    cursor = await cursor.continue();
  }
  return entries;
}

/** Each fan's standing with its Page, for the status shown beside the actions, in one transaction. */
export async function fanStatuses(
  db: OutreachDatabase,
  fans: readonly FanKey[],
  settings: PolicySettings,
  now: number,
): Promise<FanStatus[]> {
  const tx = db.transaction(['outreach', 'fans']);
  const index = tx.objectStore('outreach').index('byPageFan');
  const [histories, standings] = await Promise.all([
    Promise.all(fans.map(({ pageId, fanId }) => index.getAll([pageId, fanId]))),
    Promise.all(fans.map(({ pageId, fanId }) => tx.objectStore('fans').get([pageId, fanId]))),
  ]);
  return fans.map(({ pageId, fanId }, position) => {
    const live = histories[position]!.filter(counts);
    // A comment id no entry has: only the per-fan rules answer. Customer care is left out: the status
    // says when the Page may next reach out on its own initiative.
    const standing = standings[position] ?? null;
    const verdicts = evaluateAll({ pageId, fanId, commentId: '' }, live, settings, now, standing);
    const initiative = INITIATIVE_CATEGORIES.map((category) => verdicts[category]);
    const blockedUntil = initiative.some((verdict) => verdict.allowed)
      ? null
      : Math.min(...initiative.map((verdict) => (verdict.allowed ? now : (verdict.eligibleAt ?? Infinity))));
    return {
      pageId,
      fanId,
      lastContactAt: live.length > 0 ? Math.max(...live.map((entry) => entry.createdAt)) : null,
      blockedUntil: Number.isFinite(blockedUntil) ? blockedUntil : null,
      warnings: countStrikes(live, settings, now),
      doNotContact: standing?.doNotContact ?? false,
    };
  });
}

/**
 * Turns reservations that were never confirmed within `timeoutMs` into `unknown`: their delivery was
 * interrupted (popup closed, worker killed) and nobody can tell whether the fan got the message. They
 * keep their comment and keep counting, so nothing is sent twice. Returns how many were marked.
 */
export async function markInterrupted(db: OutreachDatabase, now: number, timeoutMs: number): Promise<number> {
  const tx = db.transaction('outreach', 'readwrite');
  const reserved = await tx.store.index('byStatus').getAll('reserved');
  const stale = reserved.filter((entry) => entry.createdAt <= now - timeoutMs);
  await Promise.all(stale.map((entry) => tx.store.put({ ...entry, status: 'unknown', updatedAt: now })));
  await tx.done;
  return stale.length;
}
