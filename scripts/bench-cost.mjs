// @ts-check
/**
 * `npm run bench` by default: what the content script costs the page, side by side in one run with a
 * lean reference injector (scripts/bench/reference-injector: one button per comment with a permalink,
 * re-checked when a comment changes), the least such an extension must do.
 *
 * Each page is loaded in rounds; each round loads it with no extension, with ours and with the
 * reference, in an order that rotates from round to round, so all three see the same machine load.
 * The cost is what the user's browser pays: the page's script time (Chrome's Performance domain) with
 * the extension minus without in the same round, median over the rounds, with their spread; beside
 * it the task time, the CPU time of all the browser's processes (work the page's metrics never see:
 * the service worker, storage), and the extension's own script time traced (where the time goes).
 * Nothing here is a pass or fail: the figures are ratios in the same run.
 *
 *   node scripts/bench-cost.mjs [--rounds 6] [--full] [--pages react,static] [--compare <build dir>]
 *
 * Pages: the React bed at 2,000 comments arriving in two commits each, as on facebook.com, and a
 * static post of 5,000 comments; --full adds the React bed at 5,000 and a static post of 10,000, and
 * prints the cost per comment, which must not grow with the thread.
 */
import { resolve } from 'node:path';
import { launchWithExtension } from './browser.mjs';
import { generatedPostUrl, reactPostUrl, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import {
  browserCpuMs,
  median,
  option,
  pageMetrics,
  PROCESS_KINDS,
  traceExtensionScript,
} from './bench-tools.mjs';

const ROUNDS = Number(option('--rounds', '6'));
const FULL = process.argv.includes('--full');
/** Only these pages (`react`, `static`): for a quick look while changing the design. */
const ONLY = option('--pages', 'react,static').split(',');
/** Comments React appends per "page" of infinite scrolling, and how often. */
const REACT_PAGE_SIZE = 250;
const REACT_PAGE_EVERY_MS = 100;

/**
 * Another build of ours to run beside the others (`--compare <dir>`, e.g. one with a part switched
 * off, built with BUILD_OUT_DIR): how a design change is judged before it is made.
 */
const COMPARED = option('--compare', '');

/** @typedef {'none' | 'ours' | 'reference' | 'compared'} Variant */
/** @type {Record<Variant, string | null>} */
const EXTENSIONS = {
  none: null,
  ours: resolve('dist/chrome'),
  reference: resolve('scripts/bench/reference-injector'),
  compared: COMPARED ? resolve(COMPARED) : null,
};

/**
 * @typedef {{
 *   name: string;
 *   size: number;
 *   url: string;
 *   ready: (page: import('@playwright/test').Page) => Promise<void>;
 *   fans: (page: import('@playwright/test').Page) => Promise<string[]>;
 *   windowMs: number;
 * }} BenchPage
 */

/** @param {number} size @returns {BenchPage} */
function reactBed(size) {
  return {
    name: `React bed, ${size} comments in two commits each`,
    size,
    url: reactPostUrl('en', {
      comments: size,
      page: REACT_PAGE_SIZE,
      auto: REACT_PAGE_EVERY_MS,
      arrival: 'two',
    }),
    ready: (page) =>
      page
        .waitForFunction(
          (total) => /** @type {any} */ (window).__bed?.shownComments().length >= total,
          size,
          {
            timeout: 120_000,
            polling: 250,
          },
        )
        .then(() => undefined),
    fans: (page) =>
      page.evaluate(() =>
        /** @type {any} */ (window).__bed
          .shownComments()
          .filter((/** @type {{ fan: boolean }} */ comment) => comment.fan)
          .map((/** @type {{ id: string }} */ comment) => comment.id),
      ),
    // Long enough for the whole thread to arrive and settle, the same for all three.
    windowMs: 5000 + size * 1.5,
  };
}

/** @param {number} size @returns {BenchPage} */
function staticPost(size) {
  return {
    name: `Static post, ${size} comments`,
    size,
    url: generatedPostUrl(size),
    ready: (page) => page.waitForLoadState('load'),
    // Every comment of the generated post is a fan's; its id is its permalink's last one.
    fans: (page) =>
      page.evaluate(() => [
        ...new Set(
          [...document.querySelectorAll('[role="article"] a[href*="comment_id="]')]
            .map((link) => new URL(/** @type {HTMLAnchorElement} */ (link).href).searchParams)
            .map((search) => search.get('reply_comment_id') ?? search.get('comment_id') ?? ''),
        ),
      ]),
    windowMs: 3000 + size * 0.6,
  };
}

/**
 * One load of a page with one variant: the page's script and task time over the same window from
 * navigation, the extension's own traced script time, and how many fan comments got an action.
 * @param {BenchPage} benchPage
 * @param {Variant} variant
 */
async function run(benchPage, variant) {
  const context = await launchWithExtension({ extensionPath: EXTENSIONS[variant] });
  try {
    await routeFacebook(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Traced in every variant, so that the tracing's own cost is on all sides.
    const traced = await traceExtensionScript(cdp);
    const before = await pageMetrics(cdp);
    const cpuBefore = browserCpuMs();
    const started = Date.now();
    await page.goto(benchPage.url);
    await benchPage.ready(page);
    const rest = benchPage.windowMs - (Date.now() - started);
    if (rest > 0) await page.waitForTimeout(rest);
    const after = await pageMetrics(cdp);
    const cpuAfter = browserCpuMs();
    const own = await traced();
    const fans = await benchPage.fans(page);
    const covered = variant === 'none' ? 0 : await page.evaluate(coverage, { variant, fans });
    const delta = (/** @type {string} */ name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      scriptMs: delta('ScriptDuration'),
      taskMs: delta('TaskDuration'),
      // By process kind, in PROCESS_KINDS' order (none where /proc is not).
      cpuByKind: PROCESS_KINDS.map((kind) =>
        cpuBefore && cpuAfter ? cpuAfter[kind] - cpuBefore[kind] : NaN,
      ),
      ownMs: own.wallMs,
      ownCpuMs: own.cpuMs,
      fans: fans.length,
      covered,
    };
  } finally {
    await context.close();
  }
}

/**
 * In the page: how many fan comments have their action. Ours names its comment; the reference
 * stands beside its comment, and puts one beside every comment with a permalink (the Page's too).
 * @param {{ variant: 'ours' | 'reference' | 'compared'; fans: string[] }} asked
 */
function coverage({ variant, fans }) {
  if (variant !== 'reference') {
    const named = new Set(
      [...document.querySelectorAll('button[data-page-outreach="send-message"]')].map(
        (button) => /** @type {HTMLElement} */ (button).dataset.commentId,
      ),
    );
    return fans.filter((id) => named.has(id)).length;
  }
  const articles = [...document.querySelectorAll('[role="article"]')];
  // A comment's own permalink, not one of a reply inside it (nor the post's, which holds them all).
  const withLink = articles.filter((article) =>
    [...article.querySelectorAll('a[href*="comment_id="]')].some(
      (link) => link.closest('[role="article"]') === article,
    ),
  );
  const missing = withLink.filter((article) => !article.querySelector(':scope > button.reference-action'));
  return fans.length - missing.length;
}

/** How each of PROCESS_KINDS is named in the figures. */
const PROCESS_LABELS = ['browser process (IndexedDB)', 'extension (service worker)', 'page', 'other'];

/** @param {number[]} values */
const spread = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

/** @param {BenchPage} benchPage */
async function measure(benchPage) {
  /** @type {Variant[]} */
  const order = ['none', 'ours', 'reference', ...(COMPARED ? /** @type {const} */ (['compared']) : [])];
  /** @type {Record<Variant, Awaited<ReturnType<typeof run>>[]>} */
  const runs = { none: [], ours: [], reference: [], compared: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (let slot = 0; slot < order.length; slot++) {
      const variant = /** @type {Variant} */ (order[(round + slot) % order.length]);
      runs[variant].push(await run(benchPage, variant));
    }
  }
  const baseScript = median(runs.none.map((r) => r.scriptMs));
  /** @param {'ours' | 'reference' | 'compared'} variant */
  const cost = (variant) => {
    // Each round's extra against that round's page without an extension, run beside it: the machine's
    // load drifts between rounds far more than within one.
    /** @typedef {Awaited<ReturnType<typeof run>>} Run */
    const extraOf = (/** @type {(r: Run) => number} */ figure) =>
      runs[variant].map((r, round) => {
        const without = runs.none[round];
        return without ? figure(r) - figure(without) : NaN;
      });
    // NaN where /proc is not.
    const totalCpu = (/** @type {Run} */ r) => r.cpuByKind.reduce((sum, ms) => sum + ms, 0);
    const extra = extraOf((r) => r.scriptMs);
    const extraCpu = extraOf(totalCpu);
    return {
      extraScriptMs: median(extra),
      extraSpread: spread(extra),
      extraTaskMs: median(extraOf((r) => r.taskMs)),
      extraCpuMs: median(extraCpu),
      cpuSpread: spread(extraCpu),
      extraCpuByKind: PROCESS_KINDS.map((_, index) => median(extraOf((r) => r.cpuByKind[index] ?? NaN))),
      ownMs: median(runs[variant].map((r) => r.ownMs)),
      ownSpread: spread(runs[variant].map((r) => r.ownMs)),
      ownCpuMs: median(runs[variant].map((r) => r.ownCpuMs)),
      coverage: runs[variant].map((r) => `${r.covered}/${r.fans}`),
    };
  };
  const ours = cost('ours');
  const reference = cost('reference');
  const ratio = ours.extraScriptMs / reference.extraScriptMs;
  const perComment = (/** @type {number} */ ms) => `${((ms / benchPage.size) * 1000).toFixed(0)} µs/comment`;
  console.log(
    `${benchPage.name}: ours +${ours.extraScriptMs.toFixed(0)} ms script (rounds ${ours.extraSpread}), ` +
      `reference +${reference.extraScriptMs.toFixed(0)} ms (${reference.extraSpread}), ratio ${ratio.toFixed(2)}; ` +
      `page's own script ${baseScript.toFixed(0)} ms`,
  );
  console.log(
    `  task time: ours +${ours.extraTaskMs.toFixed(0)} ms, reference +${reference.extraTaskMs.toFixed(0)} ms; ` +
      `traced own script: ours ${ours.ownMs.toFixed(0)} ms (${ours.ownSpread}), reference ` +
      `${reference.ownMs.toFixed(0)} ms (${reference.ownSpread}), ratio ${(ours.ownMs / reference.ownMs).toFixed(2)}; ` +
      `its thread's CPU time: ours ${ours.ownCpuMs.toFixed(0)} ms, reference ${reference.ownCpuMs.toFixed(0)} ms, ` +
      `ratio ${(ours.ownCpuMs / reference.ownCpuMs).toFixed(2)}; ` +
      `per comment: ours ${perComment(ours.extraScriptMs)}, reference ${perComment(reference.extraScriptMs)}`,
  );
  // Read from /proc: not measured elsewhere.
  if (!Number.isNaN(ours.extraCpuMs))
    console.log(
      `  CPU of all the browser's processes (renderer, service worker, storage): ours +${ours.extraCpuMs.toFixed(0)} ms ` +
        `(${ours.cpuSpread}), reference +${reference.extraCpuMs.toFixed(0)} ms (${reference.cpuSpread}), ratio ${(ours.extraCpuMs / reference.extraCpuMs).toFixed(2)}; ` +
        `by process, ours / reference: ${PROCESS_LABELS.map((label, index) => `${label} +${ours.extraCpuByKind[index]?.toFixed(0)} / +${reference.extraCpuByKind[index]?.toFixed(0)} ms`).join(', ')}`,
    );
  console.log(
    `  fan comments with an action: ours ${ours.coverage.join(', ')}; reference ${reference.coverage.join(', ')}`,
  );
  if (COMPARED) {
    const compared = cost('compared');
    console.log(
      `  compared (${COMPARED}): +${compared.extraScriptMs.toFixed(0)} ms script (${compared.extraSpread}), ` +
        `task +${compared.extraTaskMs.toFixed(0)} ms, CPU +${compared.extraCpuMs.toFixed(0)} ms, traced own ${compared.ownMs.toFixed(0)} ms (${compared.ownSpread}); ` +
        `fan comments with an action: ${compared.coverage.join(', ')}`,
    );
  }
  return { page: benchPage.name, size: benchPage.size, ours, reference, ratio };
}

const pages = [
  ...(ONLY.includes('react') ? [reactBed(2000)] : []),
  ...(ONLY.includes('static') ? [staticPost(5000)] : []),
  ...(FULL ? [reactBed(5000), staticPost(10_000)] : []),
];
console.log(
  `Cost side by side, ${ROUNDS} rounds of no extension / ours / reference, ${new Date().toISOString().slice(0, 10)}:`,
);
const results = [];
for (const benchPage of pages) results.push(await measure(benchPage));
if (FULL) {
  // Cost per comment must not grow with the thread.
  for (const kind of ['React bed', 'Static post']) {
    const [small, big] = results.filter((result) => result.page.startsWith(kind));
    if (!small || !big) continue;
    const per = (/** @type {typeof small} */ r) => r.ours.extraScriptMs / r.size;
    console.log(
      `${kind}: ours per comment at ${big.size} is ${((per(big) / per(small)) * 100).toFixed(0)} % of that at ${small.size}`,
    );
  }
}
