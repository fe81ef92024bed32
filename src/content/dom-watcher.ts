/**
 * Longest stretch of our work in one go. A 60 Hz frame is ~16 ms and the page needs most of it;
 * staying under half keeps our work out of long tasks however many comments arrive at once.
 */
export const FRAME_BUDGET_MS = 8;
/**
 * How many nodes or items are read between looks at the clock: one look costs about as much as reading
 * a small comment, and this many stay far within the budget.
 */
const CLOCK_EVERY = 16;

/** What the page's one observer always watches: added nodes, and links re-pointed (React recycles them). */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['href'],
};

/** A DOM change decided while reading, applied later together with the others. */
export type Write = () => void;

/** A feature that looks at what the page adds and decides what to change in it. */
export interface Inspector {
  /** Turns a node the page just added (or a link it re-pointed) into the items worth inspecting; cheap. */
  collect(added: Element): Iterable<Element>;
  /** Reads one item and returns the change it needs, if any; must not touch the DOM itself. */
  inspect(item: Element): Write | null;
}

export interface DomWatcher {
  /** Has `inspector` look at the whole page once, then at everything the page adds, until `signal` aborts. */
  inspect(inspector: Inspector, signal: AbortSignal): void;
  /** Calls `listener` after every batch of nodes the page adds, until `signal` aborts. */
  onAdded(listener: () => void, signal: AbortSignal): void;
  /**
   * Calls `listener` after every batch of changes anywhere in the page, typed text included, until
   * `signal` aborts: for features that wait on one thing (a dialog opening, a box emptying).
   */
  onChange(listener: () => void, signal: AbortSignal): void;
}

export interface DomWatcherOptions {
  root: Element;
  /** Nodes for which this returns true are our own and are not collected again. */
  ignore: (added: Element) => boolean;
  signal: AbortSignal;
}

/** One inspector's work in progress: nodes to collect from, items to inspect, changes to apply. */
interface Pending {
  inspector: Inspector;
  added: Set<Element>;
  queue: Set<Element>;
  /** By item: a later decision about the same item replaces the earlier one. */
  writes: Map<Element, Write>;
}

function until(signal: AbortSignal, remove: () => void): void {
  signal.addEventListener('abort', remove, { once: true });
}

/**
 * The content script's one MutationObserver, which features register on. On a long thread every frame
 * that changes the DOM pays for restyling and laying out the whole page, so our changes ride on the
 * page's own: the observer runs right after the page's task that added the nodes, reads for up to
 * FRAME_BUDGET_MS and applies what it decided at once, before that frame renders. A burst too big for
 * one budget is read on in slices of the same budget between the page's tasks, and the rest is applied
 * in one animation frame.
 */
export function watchDom({ root, ignore, signal }: DomWatcherOptions): DomWatcher {
  const pending = new Set<Pending>();
  const addedListeners = new Set<() => void>();
  const changeListeners = new Set<() => void>();
  let sliceScheduled = false;
  let frame = 0;
  const channel = new MessageChannel();

  /** Takes in what the page changed, and tells the features that listen. */
  const note = (records: MutationRecord[]): void => {
    if (records.length === 0) return;
    for (const listener of changeListeners) listener();
    const changed: Element[] = [];
    let addedAny = false;
    // Index loops: thousands of records come per second, and iterators cost more in this world.
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      // A link React re-pointed at a comment counts as new: the article around it is in question again.
      if (record.type === 'attributes' && record.target instanceof Element) changed.push(record.target);
      const nodes = record.addedNodes;
      for (let nodeIndex = 0; nodeIndex < nodes.length; nodeIndex += 1) {
        const node = nodes[nodeIndex]!;
        if (!(node instanceof Element) || ignore(node)) continue;
        addedAny = true;
        changed.push(node);
      }
    }
    for (const { added } of pending) for (const node of changed) added.add(node);
    if (addedAny) for (const listener of addedListeners) listener();
  };

  const commit = (): void => {
    cancelAnimationFrame(frame);
    frame = 0;
    // Anything the page changed and was not yet told is taken in first, so what follows is only ours.
    note(observer.takeRecords());
    for (const { writes } of pending) {
      for (const write of writes.values()) write();
      writes.clear();
    }
    // Our own changes are nothing to inspect: dropped here, they cost no callback and no filtering.
    observer.takeRecords();
    if (hasAdded()) scheduleSlice();
  };

  /** Reads until the budget is spent; true when everything pending has been read. */
  const read = (): boolean => {
    const deadline = performance.now() + FRAME_BUDGET_MS;
    let untilClock = CLOCK_EVERY;
    const spent = (): boolean => {
      if (--untilClock > 0) return false;
      untilClock = CLOCK_EVERY;
      return performance.now() >= deadline;
    };
    for (const { inspector, added, queue, writes } of pending) {
      for (const node of added) {
        added.delete(node);
        if (node.isConnected) for (const item of inspector.collect(node)) queue.add(item);
        if (spent()) return false;
      }
      for (const item of queue) {
        queue.delete(item);
        const write = item.isConnected ? inspector.inspect(item) : null;
        if (write) writes.set(item, write);
        else writes.delete(item);
        if (spent()) return false;
      }
    }
    return true;
  };

  const hasWrites = (): boolean => [...pending].some(({ writes }) => writes.size > 0);

  const readSlice = (): void => {
    sliceScheduled = false;
    if (signal.aborted) return;
    if (!read()) scheduleSlice();
    else if (hasWrites() && frame === 0) frame = requestAnimationFrame(commit);
  };

  // A message to ourselves runs the next slice as its own task right away, unlike a clamped timeout.
  channel.port1.onmessage = readSlice;
  const scheduleSlice = (): void => {
    if (sliceScheduled || signal.aborted) return;
    sliceScheduled = true;
    channel.port2.postMessage(null);
  };

  const observer = new MutationObserver((records) => {
    note(records);
    if (!hasAdded() || sliceScheduled) return;
    // Whatever was decided is applied now, so it renders in the same frame as the page's own change.
    const done = read();
    commit();
    if (!done) scheduleSlice();
  });
  const hasAdded = (): boolean => [...pending].some(({ added }) => added.size > 0);
  const observe = (): void => {
    // Text typed into an existing node changes only its characters: worth watching (it is a lot on a
    // page whose times tick) only while a feature waits on the page, as a message box's outcome does.
    observer.observe(root, { ...OBSERVED, characterData: changeListeners.size > 0 });
  };
  observe();
  until(signal, () => {
    observer.disconnect();
    channel.port1.close();
    cancelAnimationFrame(frame);
  });

  return {
    inspect(inspector, stop) {
      if (stop.aborted || signal.aborted) return;
      const state: Pending = { inspector, added: new Set([root]), queue: new Set(), writes: new Map() };
      pending.add(state);
      until(stop, () => pending.delete(state));
      scheduleSlice();
    },
    onAdded(listener, stop) {
      if (stop.aborted || signal.aborted) return;
      addedListeners.add(listener);
      until(stop, () => addedListeners.delete(listener));
    },
    onChange(listener, stop) {
      if (stop.aborted || signal.aborted) return;
      changeListeners.add(listener);
      if (changeListeners.size === 1) observe();
      until(stop, () => {
        changeListeners.delete(listener);
        if (changeListeners.size === 0 && !signal.aborted) observe();
      });
    },
  };
}
