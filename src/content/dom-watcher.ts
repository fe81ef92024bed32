/**
 * Longest stretch of our work in one go. A 60 Hz frame is ~16 ms and the page needs most of it;
 * staying under half keeps our work out of long tasks however many comments arrive at once.
 */
export const FRAME_BUDGET_MS = 8;

/** What the page's one observer always watches: added nodes, and links re-pointed (React recycles them). */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['href'],
};

/** A DOM change decided while reading, applied later together with the others. */
export type Write = () => void;

export interface DomWatcher {
  /**
   * Calls `listener` after every batch of changes anywhere in the page, typed text included, until
   * `signal` aborts: for features that wait on one thing (a dialog opening, a box emptying) without an
   * observer of their own.
   */
  onChange(listener: () => void, signal: AbortSignal): void;
}

export interface DomWatcherOptions {
  root: Element;
  /** Turns a node the page just added into the items worth inspecting (cheap, no layout reads). */
  collect: (added: Element) => Iterable<Element>;
  /** Reads one item and returns the change it needs, if any; must not touch the DOM itself. */
  inspect: (item: Element) => Write | null;
  /** Nodes for which this returns true are our own and are not collected again. */
  ignore: (added: Element) => boolean;
  signal: AbortSignal;
}

/**
 * The content script's one MutationObserver. On a long thread every frame that changes the DOM pays
 * for restyling and laying out the whole page, so our changes ride on the page's own: the observer
 * runs right after the page's task that added the nodes, reads for up to FRAME_BUDGET_MS and applies
 * what it decided at once, before that frame renders. A burst too big for one budget is read on in
 * slices of the same budget between the page's tasks, and the rest is applied in one animation frame.
 */
export function watchDom({ root, collect, inspect, ignore, signal }: DomWatcherOptions): DomWatcher {
  const listeners = new Set<() => void>();
  const added = new Set<Element>();
  const queue = new Set<Element>();
  /** Pending changes by item: a later decision about the same item replaces the earlier one. */
  const writes = new Map<Element, Write>();
  let sliceScheduled = false;
  let frame = 0;
  const channel = new MessageChannel();

  const commit = (): void => {
    cancelAnimationFrame(frame);
    frame = 0;
    for (const write of writes.values()) write();
    writes.clear();
  };

  /** Reads until the budget is spent; true when everything pending has been read. */
  const read = (): boolean => {
    const deadline = performance.now() + FRAME_BUDGET_MS;
    for (const node of added) {
      added.delete(node);
      if (node.isConnected) for (const item of collect(node)) queue.add(item);
    }
    for (const item of queue) {
      queue.delete(item);
      const write = item.isConnected ? inspect(item) : null;
      if (write) writes.set(item, write);
      else writes.delete(item);
      if (performance.now() >= deadline) break;
    }
    return queue.size === 0;
  };

  const readSlice = (): void => {
    sliceScheduled = false;
    if (signal.aborted) return;
    if (!read()) scheduleSlice();
    else if (writes.size > 0 && frame === 0) frame = requestAnimationFrame(commit);
  };

  // A message to ourselves runs the next slice as its own task right away, unlike a clamped timeout.
  channel.port1.onmessage = readSlice;
  const scheduleSlice = (): void => {
    if (sliceScheduled || signal.aborted) return;
    sliceScheduled = true;
    channel.port2.postMessage(null);
  };

  const observer = new MutationObserver((records) => {
    for (const listener of listeners) listener();
    for (const record of records) {
      // A link React re-pointed at a comment counts as new: the article around it is in question again.
      if (record.type === 'attributes' && record.target instanceof Element) added.add(record.target);
      for (const node of record.addedNodes) {
        if (node instanceof Element && !ignore(node)) added.add(node);
      }
    }
    if (added.size === 0 || sliceScheduled) return;
    // Whatever was decided is applied now, so it renders in the same frame as the page's own change.
    const done = read();
    commit();
    if (!done) scheduleSlice();
  });
  const observe = (): void => {
    // Text typed into an existing node changes only its characters: worth watching (it is a lot on a
    // page whose times tick) only while a feature waits on the page, as a message box's outcome does.
    observer.observe(root, { ...OBSERVED, characterData: listeners.size > 0 });
  };
  observe();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      channel.port1.close();
      cancelAnimationFrame(frame);
    },
    { once: true },
  );

  added.add(root);
  scheduleSlice();
  return {
    onChange(listener, until) {
      if (until.aborted || signal.aborted) return;
      listeners.add(listener);
      if (listeners.size === 1) observe();
      until.addEventListener(
        'abort',
        () => {
          listeners.delete(listener);
          if (listeners.size === 0 && !signal.aborted) observe();
        },
        { once: true },
      );
    },
  };
}
