/**
 * One sync per team at a time: an alarm, a send's outcome and the popup may each start one, and two
 * tellers reading the same outbox would tell an item twice. Web Locks hold across every event of the
 * worker (and its restarts within a session), unlike any flag a dying worker could leave behind.
 */
const lockName = (pageId: string) => `page-outreach-team:${pageId}`;

/** Runs `work` alone for the Page's team, waiting for the sync before it. */
export function exclusively<T>(pageId: string, work: () => Promise<T>): Promise<T> {
  return navigator.locks.request(lockName(pageId), work);
}
