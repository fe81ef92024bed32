// @ts-check
/**
 * `npm run bench`, React part: the content script's cost on the React test bed (tests/fixtures/react-bed),
 * where React 19's production build renders the thread and every comment arrives in two commits (the
 * shell, then its links and row), as on facebook.com. Each size runs with and without the extension,
 * alternating, over the same fixed window from navigation; figures are medians and ratios in the same
 * run, never thresholds.
 *
 *   node scripts/bench-react.mjs [--sizes 2000,5000] [--runs 3] [--arrival two|one] [--profile]
 */
import { launchWithExtension } from './browser.mjs';
import { reactPostUrl, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { option, percentile } from './bench-tools.mjs';

const SIZES = option('--sizes', '2000,5000').split(',').map(Number);
const RUNS = Number(option('--runs', '3'));
const PROFILE = process.argv.includes('--profile');
/** `two` (a comment's links and row a commit after its shell, as on facebook.com) or `one`. */
const ARRIVAL = option('--arrival', 'two');
/** Comments React appends per "page", and how often, as infinite scrolling does. */
const PAGE_SIZE = 250;
const PAGE_EVERY_MS = 100;
const LONG_TASK_MS = 50;
/** The measured window: long enough for the whole thread to arrive and settle, the same with and without. */
const windowMs = (/** @type {number} */ size) => 5000 + size * 1.5;

/** Page-world instrumentation, installed before the page's own scripts. */
function instrument() {
  const bench = { ourLongFrames: 0, ourFrameMax: 0 };
  Object.assign(window, { __bench: bench });
  new PerformanceObserver((list) => {
    for (const entry of /** @type {any[]} */ (list.getEntries())) {
      const ours = entry.scripts
        .filter((/** @type {any} */ script) => String(script.sourceURL).startsWith('chrome-extension://'))
        .reduce((/** @type {number} */ sum, /** @type {any} */ script) => sum + script.duration, 0);
      bench.ourFrameMax = Math.max(bench.ourFrameMax, ours);
      if (ours > LONG_TASK_MS) bench.ourLongFrames += 1;
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** In the page: the thread is complete, and how many fan comments lack their action. */
function progress() {
  const bed = /** @type {any} */ (window).__bed;
  const shown = bed.shownComments();
  const ids = new Set(
    [...document.querySelectorAll('button[data-page-outreach="send-message"]')].map(
      (button) => /** @type {HTMLElement} */ (button).dataset.commentId,
    ),
  );
  const fans = shown.filter((/** @type {{ fan: boolean }} */ comment) => comment.fan);
  return {
    shown: shown.length,
    fans: fans.length,
    withAction: fans.filter((/** @type {{ id: string }} */ comment) => ids.has(comment.id)).length,
  };
}

/** @param {import('@playwright/test').CDPSession} cdp */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    list.map((/** @type {{ name: string; value: number }} */ m) => [m.name, m.value]),
  );
}

/**
 * Where our time goes, from a CPU profile: each sample with our code on the stack is charged to the
 * innermost of our functions (so the DOM calls it makes count for it), and the rest of the page's
 * samples while none of ours ran are "the page's own".
 */
function ourHotSpots(/** @type {any} */ profile) {
  const byNode = new Map(profile.nodes.map((/** @type {any} */ node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
  const charged = new Map();
  for (const sample of profile.samples) {
    for (let id = sample; id !== undefined; id = parent.get(id)) {
      const { callFrame } = /** @type {any} */ (byNode.get(id));
      if (!String(callFrame.url).startsWith('chrome-extension://')) continue;
      const key = `${callFrame.functionName || '(anonymous)'} :${callFrame.lineNumber + 1}`;
      charged.set(key, (charged.get(key) ?? 0) + interval);
      break;
    }
  }
  return [...charged].sort((a, b) => b[1] - a[1]);
}

/**
 * One run: the bed's thread of `size` comments, arriving as React renders it.
 * @param {number} size
 * @param {boolean} withExtension
 */
async function run(size, withExtension) {
  const context = await launchWithExtension(withExtension ? {} : { extensionPath: null });
  try {
    await routeFacebook(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(instrument);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (PROFILE && withExtension) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const before = await metrics(cdp);
    const started = Date.now();
    await page.goto(
      reactPostUrl('en', { comments: size, page: PAGE_SIZE, auto: PAGE_EVERY_MS, arrival: ARRIVAL }),
    );
    await page.waitForFunction(
      (total) => /** @type {any} */ (window).__bed?.shownComments().length >= total,
      size,
      {
        timeout: 120_000,
        polling: 250,
      },
    );
    const complete = Date.now() - started;
    const rest = windowMs(size) - (Date.now() - started);
    if (rest > 0) await page.waitForTimeout(rest);
    const after = await metrics(cdp);
    const seen = await page.evaluate(progress);
    const counters = await page.evaluate(() => /** @type {any} */ (window).__bench);
    const profile = PROFILE && withExtension ? (await cdp.send('Profiler.stop')).profile : null;
    const delta = (/** @type {string} */ name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      scriptMs: delta('ScriptDuration'),
      taskMs: delta('TaskDuration'),
      completeMs: complete,
      seen,
      ourLongFrames: counters.ourLongFrames,
      ourFrameMax: counters.ourFrameMax,
      hotSpots: profile ? ourHotSpots(profile) : [],
    };
  } finally {
    await context.close();
  }
}

const median = (/** @type {number[]} */ values) => percentile(values, 0.5);

for (const size of SIZES) {
  /** @type {Awaited<ReturnType<typeof run>>[]} */
  const without = [];
  /** @type {Awaited<ReturnType<typeof run>>[]} */
  const withExt = [];
  for (let index = 0; index < RUNS; index += 1) {
    without.push(await run(size, false));
    withExt.push(await run(size, true));
  }
  const pageTaskMs = median(without.map((r) => r.taskMs));
  const extraScriptMs = median(withExt.map((r) => r.scriptMs)) - median(without.map((r) => r.scriptMs));
  const seen = withExt.map((r) => r.seen);
  console.log(
    `React bed, ${size} comments (${ARRIVAL === 'two' ? 'two commits each' : 'one commit'}): page main thread ${pageTaskMs.toFixed(0)} ms ` +
      `(script ${median(without.map((r) => r.scriptMs)).toFixed(0)} ms); extension's extra script ${extraScriptMs.toFixed(0)} ms = ` +
      `${((extraScriptMs / pageTaskMs) * 100).toFixed(1)} % of it, ${((extraScriptMs / size) * 1000).toFixed(0)} µs per comment; ` +
      `our frames over ${LONG_TASK_MS} ms: ${Math.max(...withExt.map((r) => r.ourLongFrames))} ` +
      `(longest ${Math.max(...withExt.map((r) => r.ourFrameMax)).toFixed(1)} ms); ` +
      `fan comments with their action: ${seen.map((s) => `${s.withAction}/${s.fans}`).join(', ')}`,
  );
  if (PROFILE) {
    const spots = withExt[0]?.hotSpots ?? [];
    const total = spots.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`  profile of our code (${total.toFixed(0)} ms with our code on the stack, first run):`);
    for (const [name, ms] of spots.slice(0, 12))
      console.log(`    ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
}
