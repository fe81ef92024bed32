import { computed, signal } from '@preact/signals';
import { request } from '../shared/background-client';
import { MAX_LOG_PAGE } from '../shared/messages';
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

/** Loads the whole log, showing the newest entries as soon as their first page arrives. */
export async function loadLog(): Promise<void> {
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
    entries.value = [...all];
    if (reply.data.entries.length < (last ? MAX_LOG_PAGE : FIRST_PAGE)) break;
  }
  loaded.value = true;
}

export async function deleteEntry(id: string): Promise<void> {
  const reply = await request({ type: 'log/delete', id });
  if (!reply.ok) {
    actionError.value = reply.error.message;
    return;
  }
  actionError.value = null;
  deleted.value = reply.data.entry;
  entries.value = entries.value.filter((entry) => entry.id !== id);
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
  entries.value = [...entries.value, entry];
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
