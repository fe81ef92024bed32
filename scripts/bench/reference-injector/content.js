// @ts-check
/*
 * The lean reference injector: the least an extension that puts an action beside every comment must
 * do. One button per comment that has a permalink (check.js), re-checked when the comment changes. No
 * framework, no messages, no status, no shadow root: `npm run bench` measures ours against it, in the
 * same run.
 */
const { ARTICLE, check } = /** @type {any} */ (globalThis).referenceInjector;

/** The comments a change touched: the one it happened in, and any that arrived with it. */
new MutationObserver((records) => {
  /** @type {Set<Element>} */
  const touched = new Set();
  for (const record of records) {
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    const around = target?.closest(ARTICLE);
    if (around) touched.add(around);
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (node.matches(ARTICLE)) touched.add(node);
      for (const inner of node.querySelectorAll(ARTICLE)) touched.add(inner);
    }
  }
  for (const article of touched) check(article);
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
for (const article of document.querySelectorAll(ARTICLE)) check(article);
