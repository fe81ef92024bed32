// @ts-check
/**
 * `npm run bench`, watcher part: two ways of noticing that a comment has arrived, measured on the
 * React test bed before choosing one (issue 13's design note). Both only detect; what is done with a
 * comment once found is the same either way, so it is left out.
 *
 * - `mutations`: today's way. One MutationObserver; each added node puts the articles in and around
 *   it in question, and an article is a comment candidate once it holds a link naming a comment.
 * - `selector`: refined-github's selector observer. A style rule gives every article that has come to
 *   hold such a link (`:has()`) a 1 ms animation, and `animationstart` reports it; the browser's style
 *   engine does the watching, and its cost shows as the page's own style work.
 *
 * Each variant runs in the page itself, alternating with a run of neither, over the same window as
 * bench-react.mjs. Reported: the whole main thread's extra time (script, style and layout), because a
 * selector observer moves its cost out of script, and how many articles each found.
 *
 *   node scripts/bench-watchers.mjs [--size 2000] [--runs 3]
 */
import { launchWithExtension } from './browser.mjs';
import { reactPostUrl, routeFacebook } from '../tests/fixtures/facebook-routes.mjs';
import { median, option, pageMetrics } from './bench-tools.mjs';

const SIZE = Number(option('--size', '2000'));
const RUNS = Number(option('--runs', '3'));
const PAGE_SIZE = 250;
const PAGE_EVERY_MS = 100;
const windowMs = 5000 + SIZE * 1.5;

/** What each variant injects into the page before its scripts run; each counts into `__found`. */
const VARIANTS = {
  none: () => {},
  mutations: () => {
    const ARTICLE = '[role="article"]';
    const COMMENT_LINK = 'a[href*="comment_id="]';
    const found = new Set();
    Object.assign(window, { __found: found });
    const consider = (/** @type {Element} */ article) => {
      if (article.querySelector(COMMENT_LINK)) found.add(article);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const nodes = record.type === 'attributes' ? [record.target] : [...record.addedNodes];
        for (const node of nodes) {
          if (!(node instanceof Element)) continue;
          const enclosing = node.closest(ARTICLE);
          if (enclosing) consider(enclosing);
          if (node.firstElementChild) for (const article of node.querySelectorAll(ARTICLE)) consider(article);
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  },
  selector: () => {
    const NAME = 'po-comment-seen';
    const SEEN = 'data-po-seen';
    const found = new Set();
    Object.assign(window, { __found: found });
    // Adopted, because this runs before the document has any element to put a <style> in.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@keyframes ${NAME} {}\n` +
        `:where([role="article"]:has(a[href*="comment_id="])):not([${SEEN}]) { animation: 1ms ${NAME}; }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.addEventListener('animationstart', (event) => {
      if (event.animationName !== NAME || !(event.target instanceof Element)) return;
      event.target.setAttribute(SEEN, '');
      found.add(event.target);
    });
  },
};

/** @param {keyof typeof VARIANTS} variant */
async function run(variant) {
  const context = await launchWithExtension({ extensionPath: null });
  try {
    await routeFacebook(context);
    await context.addInitScript(VARIANTS[variant]);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await pageMetrics(cdp);
    const started = Date.now();
    await page.goto(reactPostUrl('en', { comments: SIZE, page: PAGE_SIZE, auto: PAGE_EVERY_MS }));
    await page.waitForFunction(
      (total) => /** @type {any} */ (window).__bed?.shownComments().length >= total,
      SIZE,
      { timeout: 120_000, polling: 250 },
    );
    const rest = windowMs - (Date.now() - started);
    if (rest > 0) await page.waitForTimeout(rest);
    const after = await pageMetrics(cdp);
    const counts = await page.evaluate(() => {
      const found = /** @type {Set<Element> | undefined} */ (/** @type {any} */ (window).__found);
      const articles = [...document.querySelectorAll('[role="article"]')].filter((article) =>
        article.querySelector('a[href*="comment_id="]'),
      );
      // Elements that are not rendered run no animation: a selector observer never sees hidden copies.
      const missed = articles.filter((article) => !found?.has(article));
      return {
        found: found?.size ?? 0,
        withCommentLink: articles.length,
        missedShown: missed.filter((article) => article.checkVisibility()).length,
      };
    });
    const delta = (/** @type {string} */ name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      styleMs: delta('RecalcStyleDuration'),
      ...counts,
    };
  } finally {
    await context.close();
  }
}

/** @type {Record<string, Awaited<ReturnType<typeof run>>[]>} */
const results = { none: [], mutations: [], selector: [] };
for (let index = 0; index < RUNS; index += 1) {
  for (const variant of /** @type {const} */ (['none', 'mutations', 'none', 'selector'])) {
    results[variant]?.push(await run(variant));
  }
}
const med = (/** @type {string} */ variant, /** @type {'taskMs' | 'scriptMs' | 'styleMs'} */ key) =>
  median((results[variant] ?? []).map((r) => r[key]));
const baseTask = med('none', 'taskMs');
console.log(
  `Watchers on the React bed, ${SIZE} comments (two commits each): page main thread without either ` +
    `${baseTask.toFixed(0)} ms (style ${med('none', 'styleMs').toFixed(0)} ms)`,
);
for (const variant of ['mutations', 'selector']) {
  const extra = med(variant, 'taskMs') - baseTask;
  const runs = results[variant] ?? [];
  console.log(
    `  ${variant.padEnd(9)} extra main thread ${extra.toFixed(0)} ms = ${((extra / baseTask) * 100).toFixed(1)} % ` +
      `(script ${(med(variant, 'scriptMs') - med('none', 'scriptMs')).toFixed(0)} ms, ` +
      `style ${(med(variant, 'styleMs') - med('none', 'styleMs')).toFixed(0)} ms); ` +
      `articles found: ${runs.map((r) => `${r.found}/${r.withCommentLink}`).join(', ')}, ` +
      `shown ones missed: ${runs.map((r) => r.missedShown).join(', ')}`,
  );
}
