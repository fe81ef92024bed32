// @ts-check
/**
 * `npm run bench`, third part: the full-page log with a large log. For each size it measures, in
 * headless Chromium, the time from opening the page to the first rows on screen, to the whole log
 * loaded, and the frame times while scrolling through it; the smallest size is the baseline the
 * others are compared with, in the same run.
 *
 *   node scripts/bench-log.mjs [--sizes 1000,100000] [--frames 120]
 */
import { extensionId, launchWithExtension } from './browser.mjs';
import { seedLog } from '../tests/fixtures/seed-log.mjs';
import { option, percentile } from './bench-tools.mjs';

const SIZES = option('--sizes', '1000,100000').split(',').map(Number);
const FRAMES = Number(option('--frames', '120'));
/** Scrolled per frame: a fast flick through the list. */
const SCROLL_STEP_PX = 400;

/** @type {Array<{ size: number; firstRows: number; loaded: number; p50: number; p95: number; longTasks: number }>} */
const results = [];
for (const size of SIZES) {
  const context = await launchWithExtension();
  try {
    const id = await extensionId(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`chrome-extension://${id}/src/popup/index.html`);
    await page.getByText(/^Click “Send message”/).waitFor();
    await worker.evaluate(seedLog, {
      count: size,
      fans: Math.max(1, size / 5),
      days: 365,
      pages: 5,
      now: Date.now(),
    });

    await page.goto(`chrome-extension://${id}/src/log/index.html`);
    const timing = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const times = { firstRows: NaN, loaded: NaN };
          const check = () => {
            if (Number.isNaN(times.firstRows) && document.querySelector('.log-row'))
              times.firstRows = performance.now();
            if (/^Showing (\d+) of \1 /.test(document.querySelector('.count')?.textContent ?? '')) {
              times.loaded = performance.now();
              resolve(times);
              return;
            }
            requestAnimationFrame(check);
          };
          check();
        }),
    );
    const scroll = await page.evaluate(
      ({ frames, step }) =>
        new Promise((resolve) => {
          const viewport = /** @type {HTMLElement} */ (document.querySelector('.log-viewport'));
          /** @type {number[]} */
          const durations = [];
          let longTasks = 0;
          new PerformanceObserver((list) => (longTasks += list.getEntries().length)).observe({
            type: 'longtask',
          });
          let last = performance.now();
          const frame = (/** @type {number} */ now) => {
            durations.push(now - last);
            last = now;
            if (durations.length > frames) return resolve({ durations: durations.slice(1), longTasks });
            viewport.scrollTop += step;
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
      { frames: FRAMES, step: SCROLL_STEP_PX },
    );
    const { firstRows, loaded } = /** @type {{ firstRows: number; loaded: number }} */ (timing);
    const { durations, longTasks } = /** @type {{ durations: number[]; longTasks: number }} */ (scroll);
    results.push({
      size,
      firstRows,
      loaded,
      p50: percentile(durations, 0.5),
      p95: percentile(durations, 0.95),
      longTasks,
    });
  } finally {
    await context.close();
  }
}

const base = results[0];
if (!base) throw new Error('no sizes to measure');
const ratio = (/** @type {number} */ value, /** @type {number} */ baseline) =>
  `${(value / baseline).toFixed(1)}×`;
console.log(`Full-page log, baseline ${base.size.toLocaleString('en')} entries (same run):`);
for (const result of results) {
  console.log(
    `${result.size.toLocaleString('en')} entries: first rows ${result.firstRows.toFixed(0)} ms (${ratio(result.firstRows, base.firstRows)}),` +
      ` all loaded ${result.loaded.toFixed(0)} ms (${ratio(result.loaded, base.loaded)}),` +
      ` scroll frame p50 ${result.p50.toFixed(1)} ms / p95 ${result.p95.toFixed(1)} ms (${ratio(result.p95, base.p95)}),` +
      ` long tasks while scrolling ${result.longTasks}`,
  );
}
