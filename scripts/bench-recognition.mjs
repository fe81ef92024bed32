// @ts-check
/**
 * `npm run bench -- --full`, recognition part: the time to recognize every comment already on a page,
 * ours (inspectComment, what the content script runs on each comment that appears) beside the lean
 * reference injector's reading of its permalink (check.js), in the same page, pass after pass. The
 * page-level bench moves by tens of milliseconds from round to round on a shared machine; this
 * moves by a few, so a change to recognition can be judged here first. Both run in the page's main
 * world, not in an extension's: the absolute times are lower than in a content script, the ratio is
 * what to read.
 *
 *   node scripts/bench-recognition.mjs [--passes 7]
 */
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { launchWithExtension } from './browser.mjs';
import { generatedPostUrl, reactPostUrl, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { median, option } from './bench-tools.mjs';

const PASSES = Number(option('--passes', '7'));
const REFERENCE_CHECK = 'scripts/bench/reference-injector/check.js';

/** Our recognition, bundled for the page like the content script (same defines), as one script. */
async function ourRecognition() {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define: { __TEST_BUILD__: 'false', __TEST_OPENS_POPUP__: 'false' },
    build: {
      write: false,
      minify: true,
      lib: { entry: 'scripts/bench/recognition-entry.ts', formats: ['iife'], name: 'recognition' },
    },
  });
  const [result] = /** @type {any[]} */ (Array.isArray(output) ? output : [output]);
  return /** @type {string} */ (result.output[0].code);
}

/** The React bed appends its comments 250 at a time, every 100 ms, as infinite scrolling does. */
const PAGES = [
  {
    name: 'React bed, 2,000 comments',
    url: reactPostUrl('en', { comments: 2000, page: 250, auto: 100 }),
    size: 2000,
    shown: () => /** @type {any} */ (window).__bed?.shownComments().length ?? 0,
  },
  {
    name: 'static post, 5,000 comments',
    url: generatedPostUrl(5000),
    size: 5000,
    shown: () => (document.readyState === 'complete' ? Number.POSITIVE_INFINITY : 0),
  },
];

/**
 * In the page: each pass recognizes every article once, ours and then the reference's; the first pass
 * of each warms up and is not counted.
 * @param {number} passes
 */
function timePasses(passes) {
  const { inspectComment } = /** @type {any} */ (globalThis).pageOutreachRecognition;
  const { ownPermalink } = /** @type {any} */ (globalThis).referenceInjector;
  const articles = [...document.querySelectorAll('[role="article"]')];
  /** @param {(article: Element) => unknown} read */
  const pass = (read) => {
    const started = performance.now();
    let found = 0;
    for (const article of articles) if (read(article)) found += 1;
    return { ms: performance.now() - started, found };
  };
  /** @type {{ ours: number[]; reference: number[]; found: { ours: number; reference: number } }} */
  const times = { ours: [], reference: [], found: { ours: 0, reference: 0 } };
  for (let index = 0; index <= passes; index += 1) {
    const ours = pass(inspectComment);
    const reference = pass(ownPermalink);
    if (index === 0) continue;
    times.ours.push(ours.ms);
    times.reference.push(reference.ms);
    times.found = { ours: ours.found, reference: reference.found };
  }
  return { ...times, articles: articles.length };
}

const scripts = [await ourRecognition(), readFileSync(REFERENCE_CHECK, 'utf8')];
console.log(
  `Recognizing the comments on a page, ${PASSES} passes (medians), ${new Date().toISOString().slice(0, 10)}:`,
);
for (const { name, url, size, shown } of PAGES) {
  const context = await launchWithExtension({ extensionPath: null });
  try {
    await routeFacebook(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(`(${shown})() >= ${size}`);
    for (const content of scripts) await page.addScriptTag({ content });
    const { ours, reference, found, articles } = await page.evaluate(timePasses, PASSES);
    const [oursMs, referenceMs] = [median(ours), median(reference)];
    console.log(
      `${name}: ours ${oursMs.toFixed(1)} ms (${((oursMs / size) * 1000).toFixed(1)} µs/comment), ` +
        `reference ${referenceMs.toFixed(1)} ms, ratio ${(oursMs / referenceMs).toFixed(2)}; ` +
        `articles ${articles}, recognized: ours ${found.ours}, reference ${found.reference}`,
    );
  } finally {
    await context.close();
  }
}
