import { request } from '../shared/background-client';
import { MAX_SIGHTING_BATCH } from '../shared/limits';
import { sightingOf, type InspectedComment } from './facebook/comments';
import { byPostOf } from '../shared/post-sightings';

/** Told at the latest this long after a comment appears, on a page that is never idle. */
const IDLE_TIMEOUT_MS = 2000;
/** Comment ids remembered as told; past this many (a very long session), the memory starts over. */
const MAX_TOLD = 20_000;

export interface Sightings {
  /** Tells the background of this fan comment once, in idle time, batched with others. */
  note(comment: InspectedComment): void;
}

/** When the page is idle (browsers without idle callbacks: soon). */
function whenIdle(work: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(work, 0);
}

/**
 * "Did they come back?" needs every fan comment the admin sees. Comments are queued as their actions
 * appear, and their posts and timestamps read only in idle time, at most MAX_SIGHTING_BATCH to a
 * message (grouped by post), so a burst of comments costs the page nothing while it renders.
 */
export function startSightings(signal: AbortSignal): Sightings {
  const queue: InspectedComment[] = [];
  const told = new Set<string>();
  let waiting = false;

  const flush = (deadline?: IdleDeadline): void => {
    waiting = false;
    if (signal.aborted) return;
    const batch = [];
    while (queue.length > 0 && batch.length < MAX_SIGHTING_BATCH && (deadline?.timeRemaining() ?? 1) > 0) {
      const comment = queue.shift()!;
      // A comment React removed meanwhile was still seen; its node still holds what was read.
      batch.push(sightingOf(comment));
    }
    if (batch.length > 0)
      request({ type: 'sightings/record', posts: byPostOf(batch) }).catch((error: unknown) =>
        console.warn('Page Outreach: could not keep comments seen', error),
      );
    schedule();
  };

  const schedule = (): void => {
    if (waiting || queue.length === 0 || signal.aborted) return;
    waiting = true;
    whenIdle(flush);
  };

  return {
    note(comment) {
      const id = comment.comment.commentId;
      if (told.has(id)) return;
      if (told.size >= MAX_TOLD) told.clear();
      told.add(id);
      queue.push(comment);
      schedule();
    },
  };
}
