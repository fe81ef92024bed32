// @ts-check
/**
 * `npm run bench`, second part: how long the background takes to check the policy and record a message
 * (one `outreach/reserve` round trip from an extension page) with 0, 10,000 and 100,000 entries already
 * in the log, in real Chromium IndexedDB. The check uses indexed range queries only, so its cost should
 * follow the fan's and the day's volume, not the size of the log.
 *
 *   node scripts/bench-policy.mjs [--sizes 0,10000,100000] [--samples 200]
 */
import { extensionId, launchWithExtension } from './browser.mjs';
import { seedLog } from '../tests/fixtures/seed-log.mjs';
import { option, percentile } from './bench-tools.mjs';

/** Seeded entries are older than this, so the seeded log never trips the Page's daily cap. */
const SEED_AGE_MS = 2 * 86_400_000;

const SIZES = option('--sizes', '0,10000,100000').split(',').map(Number);
const SAMPLES = Number(option('--samples', '200'));
/** Log entries are spread over this many fans and this many days, like a busy Page's year. */
const FANS = 5000;
const DAYS = 365;
/** Samples and seeded entries spread over this many Pages, so no Page reaches its daily cap of 50. */
const PAGES = 10;
const WARM_UP_REQUESTS = 20;
const SETTLE_MS = 3000;

for (const size of SIZES) {
  const context = await launchWithExtension();
  try {
    const id = await extensionId(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    // An extension page is a sender the background accepts popup requests from.
    await page.goto(`chrome-extension://${id}/src/popup/index.html`);
    await page.waitForLoadState('load');
    if (size > 0) {
      await worker.evaluate(seedLog, {
        count: size,
        fans: FANS,
        days: DAYS,
        pages: PAGES,
        now: Date.now(),
        ageOffsetMs: SEED_AGE_MS,
      });
    }
    // Let the storage engine settle (compaction after a bulk write) before timing anything.
    await page.waitForTimeout(SETTLE_MS);

    const timings = await page.evaluate(
      async ({ samples, fans, pages, warmUp: WARM_UP }) => {
        const { chrome } = /** @type {any} */ (globalThis);
        const results = [];
        // The first requests warm up the worker and the database; they are not timed.
        for (let sample = -WARM_UP; sample < samples; sample += 1) {
          const commentId = String(9_000_000 + sample + WARM_UP);
          const fan = `fan-${(sample * 7919) % fans}`;
          await chrome.storage.session.set({
            pendingTarget: {
              comment: {
                commentId,
                postUrl: `https://www.facebook.com/page-${sample % pages}/posts/1`,
                pageId: `page-${sample % pages}`,
                pageName: 'Bench Page',
                authorId: fan,
                authorName: fan,
                authorUrl: `https://www.facebook.com/${fan}`,
                text: 'Benchmark',
              },
              tabId: 1,
              selectedAt: Date.now(),
            },
          });
          const start = performance.now();
          await chrome.runtime.sendMessage({
            type: 'outreach/reserve',
            commentId,
            category: 'care',
            templateId: 'default-care-1-en',
            text: 'Benchmark',
          });
          if (sample >= 0) results.push(performance.now() - start);
        }
        return results;
      },
      { samples: SAMPLES, fans: FANS, pages: PAGES, warmUp: WARM_UP_REQUESTS },
    );
    console.log(
      `${size.toLocaleString('en')} entries: check + record p50 ${percentile(timings, 0.5).toFixed(1)} ms, ` +
        `p95 ${percentile(timings, 0.95).toFixed(1)} ms (${SAMPLES} requests)`,
    );
  } finally {
    await context.close();
  }
}
