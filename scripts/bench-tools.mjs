// @ts-check
/** What every `npm run bench` part shares: its command-line options, its percentiles and its counters. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

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
 * events, messages) and its evaluation, as Chrome timed them, on the wall clock and as the thread's CPU
 * time (which a busy machine's other processes do not stretch). The page's script time with minus
 * without the extension moves by tens of milliseconds from run to run; this is read in the run itself.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function traceExtensionScript(cdp) {
  const own = { wallMs: 0, cpuMs: 0 };
  // Summed as the trace arrives: the whole of it runs to hundreds of thousands of events.
  const collect = (/** @type {{ value: any[] }} */ { value }) => {
    for (const event of value) {
      const call = event.name === 'FunctionCall' || event.name === 'EvaluateScript';
      if (!call || !String(event.args?.data?.url).startsWith('chrome-extension://')) continue;
      own.wallMs += (event.dur ?? 0) / 1000;
      own.cpuMs += (event.tdur ?? event.dur ?? 0) / 1000;
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
    return own;
  };
}

/** Linux reports process CPU time in ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

/** The parts a browser's CPU time is told by (browserCpuMs). */
export const PROCESS_KINDS = /** @type {const} */ (['browser', 'worker', 'page', 'other']);
/** @typedef {(typeof PROCESS_KINDS)[number]} ProcessKind */

/**
 * A Chromium process's part, from its command line: the browser process (no `--type`, where IndexedDB
 * is kept), an extension's process (its service worker), a page's renderer, or anything else (GPU,
 * network, storage utilities).
 * @param {string} commandLine
 * @returns {ProcessKind}
 */
function processKind(commandLine) {
  if (!commandLine.includes('--type=')) return 'browser';
  if (commandLine.includes('--extension-process')) return 'worker';
  return commandLine.includes('--type=renderer') ? 'page' : 'other';
}

/**
 * CPU time (user and system) spent so far by the processes this one started and theirs, by part: the
 * browser Playwright launched, all of it — the page's renderer, the extension's service worker, the
 * browser process that keeps IndexedDB. What a page's Performance metrics leave out: work in other
 * processes, and on a busy machine the main thread's wall time rather than its CPU. Linux only: null
 * elsewhere.
 * @returns {Record<ProcessKind, number> | null}
 */
export function browserCpuMs() {
  if (!existsSync('/proc/self/stat')) return null;
  /** @type {Map<number, { parent: number; ticks: number }>} */
  const processes = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command name's closing parenthesis (the last: a name may hold one): state, parent,
      // ... utime (12th), stime (13th).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      processes.set(Number(name), {
        parent: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // Gone meanwhile.
    }
  }
  /** @type {Record<ProcessKind, number>} */
  const spent = { browser: 0, page: 0, worker: 0, other: 0 };
  for (const [pid, { ticks }] of processes) {
    for (let up = processes.get(pid)?.parent; up; up = processes.get(up)?.parent) {
      if (up !== process.pid) continue;
      try {
        spent[processKind(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))] += ticks * TICK_MS;
      } catch {
        // Gone meanwhile.
      }
      break;
    }
  }
  return spent;
}
