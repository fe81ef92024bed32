// @ts-check
/**
 * `npm run bench`: the content script's cost on big, growing posts, measured in the real browser.
 *
 * For each post size, the same generated page (a third of the comments are replies) is loaded empty and
 * filled in batches the way infinite scrolling appends them, with and without the extension, in the
 * same run; figures are reported as ratios against the run without it. Nothing here is a pass/fail
 * threshold: machines are shared and noisy, so read the ratios, and compare runs on one machine.
 *
 *   node scripts/bench.mjs [--sizes 1000,5000,10000] [--runs 3]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchWithExtension } from './browser.mjs';
import { generatedPostUrl, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { commentBatch, generateComments } from '../tests/fixtures/generate-post.mjs';
import { alternate, median, option, pageMetrics, percentile } from './bench-tools.mjs';

/** Comments Facebook appends per "page" of infinite scrolling. */
const BATCH_SIZE = 250;
/** Pause between batches, like an admin scrolling. */
const BATCH_INTERVAL_MS = 100;
const LONG_TASK_MS = 50;
const CONTENT_BUNDLE = 'dist/chrome/src/content/index.js';

const SIZES = option('--sizes', '1000,5000,10000').split(',').map(Number);
const RUNS = Number(option('--runs', '3'));

/** Page-world instrumentation, installed before the page's own scripts. */
function instrument() {
  // Long tasks of the page as a whole; which of them are ours only a CPU profile can tell
  // (scripts/bench-react.mjs), since long-animation-frame entries do not name content scripts.
  const bench = { longTasks: /** @type {number[]} */ ([]) };
  Object.assign(window, { __bench: bench });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Appends one batch from a task of the page's own, as its scripts would, so its cost counts as the
 * page's. Resolves with two delays until the batch's last action appeared: from the insertion, and
 * from the moment the batch "settled" — the page's first rendering of it is done.
 * @param {{ items: unknown[]; expectActions: number }} batch
 */
function appendBatch({ items, expectActions }) {
  return new Promise((done) => {
    let seen = 0;
    let inserted = 0;
    let settled = 0;
    let actionsAt = 0;
    const finish = () => {
      if (!settled || (expectActions > 0 && !actionsAt)) return;
      observer.disconnect();
      done(
        expectActions > 0
          ? { fromInsert: actionsAt - inserted, fromSettle: Math.max(0, actionsAt - settled) }
          : null,
      );
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element && node.getAttribute('data-page-outreach') === 'slot') seen += 1;
        }
      }
      if (seen >= expectActions && !actionsAt) {
        actionsAt = performance.now();
        finish();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => {
      /** @type {any} */ (window).appendGeneratedComments(items);
      inserted = performance.now();
      // A rAF callback runs just before the frame renders; a task queued from it runs just after.
      requestAnimationFrame(() =>
        setTimeout(() => {
          settled = performance.now();
          finish();
        }),
      );
    });
  });
}

/**
 * One run: an empty post filled with `size` comments in batches.
 * @param {number} size
 * @param {boolean} withExtension
 */
async function run(size, withExtension) {
  const context = await launchWithExtension(withExtension ? {} : { extensionPath: null });
  try {
    await routeFacebook(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(instrument);
    await page.goto(generatedPostUrl(0));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const before = await pageMetrics(cdp);

    const items = commentBatch(generateComments({ count: size }));
    /** @type {Array<{ fromInsert: number; fromSettle: number }>} */
    const latencies = [];
    for (let start = 0; start < items.length; start += BATCH_SIZE) {
      const batch = items.slice(start, start + BATCH_SIZE);
      const latency = await page.evaluate(appendBatch, {
        items: batch,
        expectActions: withExtension ? batch.length : 0,
      });
      if (latency) latencies.push(latency);
      await page.waitForTimeout(BATCH_INTERVAL_MS);
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await pageMetrics(cdp);
    const counters = await page.evaluate(() => /** @type {any} */ (window).__bench);
    const actions = await page.locator('button[data-page-outreach="send-message"]').count();
    const delta = (/** @type {string} */ name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      scriptMs: delta('ScriptDuration'),
      taskMs: delta('TaskDuration'),
      heapBytes: after.JSHeapUsedSize ?? 0,
      latencies,
      longTasks: counters.longTasks.filter((/** @type {number} */ d) => d > LONG_TASK_MS).length,
      actions,
    };
  } finally {
    await context.close();
  }
}

const bundle = readFileSync(CONTENT_BUNDLE);
const results = [];
for (const size of SIZES) {
  const { without, withExt } = await alternate(RUNS, (withExtension) => run(size, withExtension));
  const baseScript = median(without.map((r) => r.scriptMs));
  const extScript = median(withExt.map((r) => r.scriptMs));
  const latencies = withExt.flatMap((r) => r.latencies);
  const result = {
    comments: size,
    actions: withExt[0]?.actions ?? 0,
    pageScriptMs: Math.round(baseScript),
    extraScriptMs: Math.round(extScript - baseScript),
    extraScriptRatio: (extScript - baseScript) / baseScript,
    insertToActionsMs: {
      p50: median(latencies.map((l) => l.fromInsert)),
      p95: percentile(
        latencies.map((l) => l.fromInsert),
        0.95,
      ),
    },
    settleToActionsMs: {
      p50: median(latencies.map((l) => l.fromSettle)),
      p95: percentile(
        latencies.map((l) => l.fromSettle),
        0.95,
      ),
    },
    longTasks: {
      without: median(without.map((r) => r.longTasks)),
      with: median(withExt.map((r) => r.longTasks)),
    },
    extraHeapPer1000CommentsKB:
      (median(withExt.map((r) => r.heapBytes)) - median(without.map((r) => r.heapBytes))) /
      1024 /
      (size / 1000),
  };
  results.push(result);
  console.log(
    `${size} comments: ${result.actions} actions; extra scripting ${result.extraScriptMs} ms on ${result.pageScriptMs} ms ` +
      `(${(result.extraScriptRatio * 100).toFixed(1)}%); batch settled→actions p50 ${result.settleToActionsMs.p50.toFixed(1)} ms, ` +
      `p95 ${result.settleToActionsMs.p95.toFixed(1)} ms (from insertion p50 ${result.insertToActionsMs.p50.toFixed(1)}, ` +
      `p95 ${result.insertToActionsMs.p95.toFixed(1)}); long tasks ${result.longTasks.without} → ${result.longTasks.with}; ` +
      `extra heap ${result.extraHeapPer1000CommentsKB.toFixed(0)} kB / 1,000 comments`,
  );
}
const summary = {
  date: new Date().toISOString().slice(0, 10),
  command: `node scripts/bench.mjs --sizes ${SIZES.join(',')} --runs ${RUNS}`,
  batchSize: BATCH_SIZE,
  contentScriptGzipBytes: gzipSync(bundle, { level: 9 }).length,
  results,
};
console.log(`content script: ${bundle.length} bytes, ${summary.contentScriptGzipBytes} bytes gzip`);
mkdirSync('artifacts', { recursive: true });
writeFileSync(resolve('artifacts/bench.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`Full figures: ${resolve('artifacts/bench.json')}`);
