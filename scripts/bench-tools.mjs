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

/**
 * An extension's own script time, from a trace of the run: every call into its content script (observer, timers,
 * events, messages) and its evaluation, as Chrome timed them. The page's script time with minus
 * without the extension moves by tens of milliseconds from run to run; this is read in the run itself.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function traceExtensionScript(cdp) {
  let ourMs = 0;
  // Summed as the trace arrives: the whole of it runs to hundreds of thousands of events.
  const collect = (/** @type {{ value: any[] }} */ { value }) => {
    for (const event of value) {
      const call = event.name === 'FunctionCall' || event.name === 'EvaluateScript';
      if (call && String(event.args?.data?.url).startsWith('chrome-extension://'))
        ourMs += (event.dur ?? 0) / 1000;
    }
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return ourMs;
  };
}
