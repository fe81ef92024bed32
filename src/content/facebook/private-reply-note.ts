import { labelText } from './text';

/**
 * Facebook's note under a comment the Page answered privately ("Acme Coffee responded privately"),
 * seen by every admin whoever sent the reply and from wherever (another browser, Business Suite).
 * It is text, so it is read per UI language: the languages of our fixtures. Only text outside the
 * comment's own words counts: a fan who writes the phrase in a comment answers nothing.
 */
const PRIVATE_REPLY_NOTES = [
  'responded privately',
  'ha risposto in privato',
  'hat privat geantwortet',
  'respondió en privado',
  'a répondu en privé',
  'respondeu em privado',
  'ردّت بشكل خاص',
  'ردت بشكل خاص',
];

const BODY_SELECTOR = 'div[dir="auto"]';
const ARTICLE_SELECTOR = '[role="article"]';

/** Does the comment carry Facebook's note that the Page (named `pageName`) answered it privately? */
export function notesPrivateReply(article: Element, pageName: string): boolean {
  const page = labelText(pageName).toLowerCase();
  const walker = article.ownerDocument.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const holder = node.parentElement;
    if (!holder || holder.closest(ARTICLE_SELECTOR) !== article || holder.closest(BODY_SELECTOR)) continue;
    // The note's line may be split across elements (the Page's name in bold): read its holder whole,
    // unless the holder also holds the comment's words or a reply.
    if (holder.querySelector(`${BODY_SELECTOR}, ${ARTICLE_SELECTOR}`)) continue;
    const line = labelText(holder.textContent ?? '').toLowerCase();
    if (line.includes(page) && PRIVATE_REPLY_NOTES.some((note) => line.includes(note))) return true;
  }
  return false;
}
