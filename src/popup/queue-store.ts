import { signal } from '@preact/signals';
import browser from 'webextension-polyfill';
import { request } from '../shared/background-client';
import type { QueueEntry } from '../shared/messages';

/**
 * The side panel's queue of a busy thread: the comments the tab in view shows that need an answer, in
 * the order to work through them. Picking one makes it the compose view's target; after a send,
 * "Next comment" goes on to the next one here rather than the next on the page.
 */
export interface Queue {
  tabId: number;
  entries: QueueEntry[];
}

export const queue = signal<Queue | null>(null);
export const queueError = signal<string | null>(null);
/** While the tab in front is read again: the list shown may be older than it. */
export const queueReading = signal(false);

export async function loadQueue(): Promise<void> {
  queueReading.value = true;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return void (queue.value = { tabId: -1, entries: [] });
    const reply = await request({ type: 'queue/list', tabId: tab.id });
    if (!reply.ok) return void (queueError.value = reply.error.message);
    queueError.value = null;
    queue.value = { tabId: tab.id, entries: reply.data.entries };
  } finally {
    queueReading.value = false;
  }
}

export async function pickFromQueue(commentId: string): Promise<boolean> {
  const current = queue.value;
  if (!current) return false;
  const reply = await request({ type: 'queue/pick', tabId: current.tabId, commentId });
  return reply.ok && reply.data.picked;
}

/**
 * The queue's comment after `commentId`, once that one is answered (it leaves the queue); undefined
 * when `commentId` is not in the queue, null when it was the last.
 */
export function takeNext(commentId: string): QueueEntry | null | undefined {
  const current = queue.value;
  const at = current?.entries.findIndex((entry) => entry.commentId === commentId) ?? -1;
  if (!current || at < 0) return undefined;
  const entries = current.entries.filter((entry) => entry.commentId !== commentId);
  queue.value = { ...current, entries };
  return entries[at] ?? null;
}
