/**
 * Web Locks as the browser offers them to the worker (`navigator.locks`), for Node, which has none:
 * exclusive locks by name, granted in request order, with `ifAvailable`, and `query` for the tests. Only
 * what the extension and its tests use.
 */
type Callback<T> = (lock: { name: string } | null) => Promise<T> | T;

const queues = new Map<string, Array<() => void>>();

async function request<T>(name: string, ...args: [Callback<T>] | [{ ifAvailable?: boolean }, Callback<T>]) {
  const [options, callback] = args.length === 1 ? [{}, args[0]] : args;
  const queue = queues.get(name) ?? [];
  queues.set(name, queue);
  if (options.ifAvailable && queue.length > 0) return callback(null);
  const granted = new Promise<void>((grant) => queue.push(grant));
  if (queue.length === 1) queue[0]!();
  await granted;
  try {
    return await callback({ name });
  } finally {
    queue.shift();
    if (queue.length > 0) queue[0]!();
    else queues.delete(name);
  }
}

/** What is held and what waits, by name, as `navigator.locks.query()` tells it. */
async function query() {
  const entries = [...queues.entries()];
  return {
    held: entries.map(([name]) => ({ name })),
    pending: entries.flatMap(([name, queue]) => queue.slice(1).map(() => ({ name }))),
  };
}

const locks = { request, query } as unknown as LockManager;
if (typeof navigator === 'undefined') {
  Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
} else if (!('locks' in navigator)) {
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
}
