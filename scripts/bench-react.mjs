// @ts-check
/**
 * `npm run bench`, React part: the content script's cost on the React test bed (tests/fixtures/react-bed),
 * where React 19's production build renders the thread and every comment arrives in two commits (the
 * shell, then its links and row), as on facebook.com. Each size runs with and without the extension,
 * alternating, over the same fixed window from navigation; figures are medians and ratios in the same
 * run, never thresholds. The content script's own script time is read from a trace of each run; the
 * page's script time with minus without the extension is printed beside it, noisier but counting
 * whatever we make the page itself spend.
 *
 *   node scripts/bench-react.mjs [--sizes 2000,5000] [--runs 5] [--arrival two|one] [--profile]
 *
 * A last run per size takes a CPU profile of our code: its total, its longest stretch without a break
 * (which bounds our longest task) and, with --profile, where its time goes: each function's own time,
 * and the time with it on the stack.
 */
import { launchWithExtension } from './browser.mjs';
import { reactPostUrl, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { alternate, median, option, pageMetrics, traceExtensionScript } from './bench-tools.mjs';

const SIZES = option('--sizes', '2000,5000').split(',').map(Number);
const RUNS = Number(option('--runs', '5'));
const PROFILE = process.argv.includes('--profile');
/** `two` (a comment's links and row a commit after its shell, as on facebook.com) or `one`. */
const ARRIVAL = option('--arrival', 'two');
/** Comments React appends per "page", and how often, as infinite scrolling does. */
const PAGE_SIZE = 250;
const PAGE_EVERY_MS = 100;
const LONG_TASK_MS = 50;
const HOT_SPOTS = 16;
/** Fine enough to tell apart functions that each take a few microseconds per comment (default 1 ms). */
const PROFILE_SAMPLING_US = 100;
/** The measured window: long enough for the whole thread to arrive and settle, the same with and without. */
const windowMs = (/** @type {number} */ size) => 5000 + size * 1.5;

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

/**
 * Where our time goes, from a CPU profile: each sample with our code on the stack is charged to the
 * innermost of our functions (so the DOM calls it makes count for it); and the longest stretch of
 * consecutive samples with our code on the stack, which is as long as our longest task can be.
 * (Long-animation-frame entries do not name content scripts, so they cannot tell.)
 */
function ourProfile(/** @type {any} */ profile) {
  const byNode = new Map(profile.nodes.map((/** @type {any} */ node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const charged = new Map();
  const within = new Map();
  let stretch = 0;
  let longest = 0;
  const keyOf = (/** @type {any} */ frame) =>
    `${frame.functionName || '(anonymous)'} :${frame.lineNumber + 1}`;
  profile.samples.forEach((/** @type {number} */ sample, /** @type {number} */ index) => {
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    const ours = new Set();
    for (let id = sample; id !== undefined; id = parent.get(id)) {
      const { callFrame } = /** @type {any} */ (byNode.get(id));
      if (!String(callFrame.url).startsWith('chrome-extension://')) continue;
      if (ours.size === 0) charged.set(keyOf(callFrame), (charged.get(keyOf(callFrame)) ?? 0) + ms);
      ours.add(keyOf(callFrame));
    }
    for (const key of ours) within.set(key, (within.get(key) ?? 0) + ms);
    stretch = ours.size > 0 ? stretch + ms : 0;
    longest = Math.max(longest, stretch);
  });
  const byTime = (/** @type {Map<string, number>} */ map) => [...map].sort((a, b) => b[1] - a[1]);
  return { hotSpots: byTime(charged), inclusive: byTime(within), longestStretchMs: longest };
}

/**
 * One run: the bed's thread of `size` comments, arriving as React renders it.
 * @param {number} size
 * @param {boolean} withExtension
 * @param {boolean} [profiled] with a CPU profile, whose own cost would spoil the ratios
 */
async function run(size, withExtension, profiled = false) {
  const context = await launchWithExtension(withExtension ? {} : { extensionPath: null });
  try {
    await routeFacebook(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profiled) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_SAMPLING_US });
      await cdp.send('Profiler.start');
    }
    // Traced with and without the extension alike, so that the tracing's own cost is on both sides.
    const ourScript = profiled ? null : await traceExtensionScript(cdp);
    const before = await pageMetrics(cdp);
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
    const after = await pageMetrics(cdp);
    const ourScriptMs = ourScript ? (await ourScript()).wallMs : 0;
    const seen = await page.evaluate(progress);
    const profile = profiled ? (await cdp.send('Profiler.stop')).profile : null;
    const delta = (/** @type {string} */ name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      scriptMs: delta('ScriptDuration'),
      ourScriptMs,
      taskMs: delta('TaskDuration'),
      completeMs: complete,
      seen,
      profile: profile ? ourProfile(profile) : null,
    };
  } finally {
    await context.close();
  }
}

for (const size of SIZES) {
  const { without, withExt } = await alternate(RUNS, (withExtension) => run(size, withExtension));
  const pageTaskMs = median(without.map((r) => r.taskMs));
  const extraScriptMs = median(withExt.map((r) => r.scriptMs)) - median(without.map((r) => r.scriptMs));
  const seen = withExt.map((r) => r.seen);
  const { profile } = await run(size, true, true);
  const spots = profile?.hotSpots ?? [];
  const total = spots.reduce((sum, [, ms]) => sum + ms, 0);
  const ours = withExt.map((r) => r.ourScriptMs);
  const ourMs = median(ours);
  const share = (/** @type {number} */ ms) => `${((ms / pageTaskMs) * 100).toFixed(1)} %`;
  console.log(
    `React bed, ${size} comments (${ARRIVAL === 'two' ? 'two commits each' : 'one commit'}): page main thread ` +
      `${pageTaskMs.toFixed(0)} ms (script ${median(without.map((r) => r.scriptMs)).toFixed(0)} ms); ` +
      `content script's own script ${ourMs.toFixed(0)} ms (traced, runs ` +
      `${Math.min(...ours).toFixed(0)}–${Math.max(...ours).toFixed(0)}) = ${share(ourMs)} of it, ` +
      `${((ourMs / size) * 1000).toFixed(0)} µs per comment; page's script with minus without the extension ` +
      `${extraScriptMs.toFixed(0)} ms = ${share(extraScriptMs)}; ` +
      `fan comments with their action: ${seen.map((s) => `${s.withAction}/${s.fans}`).join(', ')}; ` +
      `longest stretch of our code ${profile?.longestStretchMs.toFixed(1)} ms (tasks over ${LONG_TASK_MS} ms: ` +
      `${(profile?.longestStretchMs ?? 0) > LONG_TASK_MS ? 'some' : 'none'})`,
  );
  console.log(`  a profiled run: ${total.toFixed(0)} ms with our code on the stack`);
  // Function names are readable in an unminified build: MINIFY=false npm run build:chrome.
  if (PROFILE) {
    // Self time can land on the wrong one of two functions V8 inlined; time within a function cannot.
    const list = (/** @type {[string, number][]} */ rows) =>
      rows
        .slice(0, HOT_SPOTS)
        .map(([name, ms]) => `    ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
    console.log(['  self (innermost of ours):', ...list(spots)].join('\n'));
    console.log(['  within (on the stack):', ...list(profile?.inclusive ?? [])].join('\n'));
  }
}
