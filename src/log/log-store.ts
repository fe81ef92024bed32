import { computed, signal } from '@preact/signals';
import { request } from '../shared/background-client';
import { MAX_LOG_PAGE } from '../shared/messages';
import type { OutreachChange } from '../shared/fan-status';
import type { OutreachEntry } from '../shared/outreach';
import { filterEntries, NO_FILTER, sortEntries, type LogFilter, type LogSort } from './log-query';

/** Entries in the first request: more than a screenful, small enough to arrive at once. */
const FIRST_PAGE = 200;

/** The log page's one store: every entry, loaded newest first a page at a time, and the view's state. */
export const entries = signal<OutreachEntry[]>([]);
export const loaded = signal(false);
export const loadError = signal<string | null>(null);
export const filter = signal<LogFilter>(NO_FILTER);
export const sort = signal<LogSort>({ column: 'createdAt', descending: true });
/** The entry just deleted, while its undo is offered. */
export const deleted = signal<OutreachEntry | null>(null);
export const actionError = signal<string | null>(null);

export const shown = computed(() => sortEntries(filterEntries(entries.value, filter.value), sort.value));

/** The load under way, if any: a change that needs a full load meanwhile waits for it, never overlaps it. */
let loading: Promise<void> | null = null;
let loadAgain = false;
/**
 * Rows patched since the load under way began: its pages were read before, so each page it shows is
 * corrected by these (null: deleted), and a deleted entry never comes back with a late page.
 */
const patchedDuringLoad = new Map<string, OutreachEntry | null>();
/** The newest ask for each row: a slower, older answer about the same entry is dropped. */
const latestAsk = new Map<string, number>();
let asks = 0;

/** Loads the whole log, showing the newest entries as soon as their first page arrives. */
export function loadLog(): Promise<void> {
  if (loading) {
    loadAgain = true;
    return loading;
  }
  loading = (async () => {
    do {
      loadAgain = false;
      await loadAllPages();
    } while (loadAgain);
    loading = null;
  })();
  return loading;
}

async function loadAllPages(): Promise<void> {
  patchedDuringLoad.clear();
  const all: OutreachEntry[] = [];
  for (;;) {
    const last = all.at(-1);
    const reply = await request({
      type: 'log/list',
      // A screenful first, so the newest rows show at once; then large pages for the rest.
      limit: last ? MAX_LOG_PAGE : FIRST_PAGE,
      ...(last ? { before: { createdAt: last.createdAt, id: last.id } } : {}),
    });
    if (!reply.ok) {
      loadError.value = reply.error.message;
      return;
    }
    all.push(...reply.data.entries);
    entries.value = withPatches(all, patchedDuringLoad);
    if (reply.data.entries.length < (last ? MAX_LOG_PAGE : FIRST_PAGE)) break;
  }
  patchedDuringLoad.clear();
  loaded.value = true;
}

/** `loaded` as the rows patched meanwhile say it is now. */
function withPatches(
  loaded: readonly OutreachEntry[],
  patches: ReadonlyMap<string, OutreachEntry | null>,
): OutreachEntry[] {
  if (patches.size === 0) return [...loaded];
  const rows = loaded.filter((entry) => !patches.has(entry.id));
  for (const patch of patches.values()) if (patch) rows.push(patch);
  return rows;
}

/** Puts one row as it is now (null: gone), here and over the pages of a load under way. */
function patch(id: string, entry: OutreachEntry | null): void {
  latestAsk.set(id, ++asks);
  if (loading) patchedDuringLoad.set(id, entry);
  entries.value = withPatches(entries.value, new Map([[id, entry]]));
}

/** Follows one change: an entry's row is patched from the background; anything wider loads afresh. */
export async function applyChange(change: OutreachChange): Promise<void> {
  if (change.kind !== 'entry') return loadLog();
  const ask = ++asks;
  latestAsk.set(change.entryId, ask);
  const reply = await request({ type: 'log/get', id: change.entryId });
  if (latestAsk.get(change.entryId) !== ask) return;
  if (reply.ok) patch(change.entryId, reply.data.entry);
  else actionError.value = reply.error.message;
}

export async function deleteEntry(id: string): Promise<void> {
  const reply = await request({ type: 'log/delete', id });
  if (!reply.ok) {
    actionError.value = reply.error.message;
    return;
  }
  actionError.value = null;
  deleted.value = reply.data.entry;
  patch(id, null);
}

export async function undoDelete(): Promise<void> {
  const entry = deleted.value;
  if (!entry) return;
  const reply = await request({ type: 'log/restore', entry });
  if (!reply.ok) {
    actionError.value = reply.error.message;
    return;
  }
  deleted.value = null;
  patch(entry.id, entry);
}

/** Erases a fan the log shows (see "Forget this fan" in the popup); their history becomes tombstones. */
export async function forgetFan(pageId: string, fanId: string): Promise<number | null> {
  const reply = await request({ type: 'log/forget-fan', pageId, fanId });
  if (!reply.ok) {
    actionError.value = reply.error.message;
    return null;
  }
  actionError.value = null;
  filter.value = { ...filter.value, fan: null };
  await loadLog();
  return reply.data.tombstones;
}
