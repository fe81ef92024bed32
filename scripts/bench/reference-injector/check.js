// @ts-check
/*
 * The lean reference injector's one check per comment (content.js runs it): one button per comment
 * that has a permalink, left alone while the comment keeps the same one. Loaded first, into the same
 * world, so that bench-recognition.mjs can time its reading part on its own.
 */
/** @type {any} */ (globalThis).referenceInjector = (() => {
  const ARTICLE = '[role="article"]';
  const PERMALINK = 'a[href*="comment_id="]';
  /** Each comment's permalink when its button was made: a comment re-rendered with the same one is left alone. */
  const done = new WeakMap();

  /** The comment's own permalink, not one of a reply nested inside it. @param {Element} article */
  function ownPermalink(article) {
    const link = [...article.querySelectorAll(PERMALINK)].find((a) => a.closest(ARTICLE) === article);
    return link instanceof HTMLAnchorElement ? link.href : null;
  }

  /** @param {Element} article */
  function check(article) {
    const href = ownPermalink(article);
    if (done.get(article) === href && article.querySelector(':scope > .reference-action')) return;
    done.set(article, href);
    article.querySelector(':scope > .reference-action')?.remove();
    if (!href) return;
    const button = document.createElement('button');
    button.className = 'reference-action';
    button.type = 'button';
    button.textContent = 'Send message';
    button.dataset.permalink = href;
    article.append(button);
  }

  return { ARTICLE, ownPermalink, check };
})();
