/**
 * Longest slice of work per animation frame. A 60 Hz frame is ~16 ms and the page needs most of it;
 * staying well under keeps our work out of long tasks however many comments arrive at once.
 */
export const FRAME_BUDGET_MS = 4;

export interface DomWatcherOptions {
  root: Element;
  /** Turns a node the page just added into the items worth processing (cheap, no layout reads). */
  collect: (added: Element) => Iterable<Element>;
  /** Handles one item; must be idempotent, since the page re-renders at will. */
  process: (item: Element) => void;
  /** Nodes for which this returns true are our own and are not collected again. */
  ignore: (added: Element) => boolean;
  signal: AbortSignal;
}

/**
 * The content script's one MutationObserver. Its callback only stashes what was added; the work runs
 * later in animation frames, time-sliced by FRAME_BUDGET_MS, each item at most once per batch.
 */
export function watchDom({ root, collect, process, ignore, signal }: DomWatcherOptions): void {
  const added = new Set<Element>();
  const queue = new Set<Element>();
  let frame = 0;

  const run = (): void => {
    frame = 0;
    const deadline = performance.now() + FRAME_BUDGET_MS;
    for (const node of added) {
      added.delete(node);
      if (node.isConnected) for (const item of collect(node)) queue.add(item);
    }
    for (const item of queue) {
      queue.delete(item);
      if (item.isConnected) process(item);
      if (performance.now() >= deadline) break;
    }
    if (queue.size > 0) schedule();
  };

  const schedule = (): void => {
    if (frame === 0 && !signal.aborted) frame = requestAnimationFrame(run);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && !ignore(node)) added.add(node);
      }
    }
    schedule();
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    },
    { once: true },
  );

  added.add(root);
  schedule();
}
