// @ts-check
/** What every `npm run bench` part shares: its command-line options and its percentiles. */

const args = process.argv.slice(2);

/** The value after `--name` on the command line, or `fallback`. */
export function option(/** @type {string} */ name, /** @type {string} */ fallback) {
  return args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback;
}

/** @param {number[]} values @param {number} fraction */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

/** @param {number[]} values */
export const median = (values) => percentile(values, 0.5);

/**
 * Runs a measurement `runs` times without the extension and with it, alternating, so both see the
 * same machine load.
 * @template T
 * @param {number} runs
 * @param {(withExtension: boolean) => Promise<T>} run
 */
export async function alternate(runs, run) {
  /** @type {T[]} */
  const without = [];
  /** @type {T[]} */
  const withExt = [];
  for (let index = 0; index < runs; index += 1) {
    without.push(await run(false));
    withExt.push(await run(true));
  }
  return { without, withExt };
}

/**
 * Chrome's performance counters for a page (ScriptDuration, TaskDuration, JSHeapUsedSize, …).
 * @param {import('@playwright/test').CDPSession} cdp
 * @returns {Promise<Record<string, number>>}
 */
export async function pageMetrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    list.map((/** @type {{ name: string; value: number }} */ m) => [m.name, m.value]),
  );
}
