import { MAX_LANGUAGE_TAG, MAX_LISTED_COMMENTS } from '../shared/limits';
import { request } from '../shared/background-client';
import { answerMessages } from '../shared/extension-api';
import type { CommentsListReply, ExtensionToContent, NextCommentReply } from '../shared/messages';
import { t } from '../shared/i18n';
import {
  ACTION_SELECTOR,
  actionFromEvent,
  createAction,
  loadActionLabels,
  OWN_NODE_ATTRIBUTE,
  ownActions,
  removeAction,
  showReloadNeeded,
} from './action-button';
import {
  ARTICLE_SELECTOR,
  findArticles,
  inspectComment,
  isHiddenCopy,
  readComment,
} from './facebook/comments';
import type { Feature } from './context';
import type { Write } from './dom-watcher';
import { startFanStatuses, type FanStatuses } from './fan-status';
import { startSightings, type Sightings } from './sightings';
import { followSurface } from './surface-preference';
import type { Surface } from '../shared/surface';

/**
 * What it takes to bring one comment element in line with what it shows now: exactly one action for
 * a fan comment, none otherwise. React recycles nodes, so the action is keyed on the comment id, not
 * on the node. The returned write checks that the row is still in place when it runs.
 */
function syncAction(article: Element, statuses: FanStatuses, sightings: Sightings): Write | null {
  const inspected = inspectComment(article);
  // Asked only of comments: the walk up to the page's root is wasted on shells and posts.
  const found = inspected && !isHiddenCopy(article) ? inspected : null;
  const wanted = found ? found.comment.commentId : null;
  const existing = found?.actions ?? ownActions(article, ARTICLE_SELECTOR);
  const upToDate =
    wanted === null
      ? existing.length === 0
      : existing.length === 1 && existing[0]!.dataset.commentId === wanted;
  if (upToDate) return null;
  // Applied with the watcher's next commit, as the only decision about this comment since the last:
  // nothing else adds actions, so the ones read are still all there are.
  return () => {
    existing.forEach(removeAction);
    const slot = found?.slot;
    if (found && slot && article.contains(slot.after)) {
      const { commentId, authorName, pageId, authorId } = found.comment;
      const actionSlot = createAction(slot.row, commentId, authorName);
      slot.after.after(actionSlot);
      statuses.track(actionSlot, { pageId, fanId: authorId }, commentId);
      sightings.note(found);
    }
  };
}

/** The page's language: only ever matched against ours, and cut to the length the background takes. */
const languageOf = (document: Document): string => document.documentElement.lang.slice(0, MAX_LANGUAGE_TAG);

/** No action shows as picked: a new pick is under way. */
function clearPicked(document: Document): void {
  for (const other of document.querySelectorAll(`[${OWN_NODE_ATTRIBUTE}][aria-pressed]`)) {
    other.removeAttribute('aria-pressed');
  }
}

/** The comment an action stands beside, read whole, if it is still a fan comment. */
const commentOf = (action: Element) => {
  const article = action.closest(ARTICLE_SELECTOR);
  return article && readComment(article);
};

/**
 * The first of `actions` whose comment is still a fan's, scrolled into view and shown picked: for the
 * compose view's "Next comment" and the side panel's queue. Only the extension asks this, never the page.
 */
function pickFirst(document: Document, actions: HTMLButtonElement[]): NextCommentReply {
  for (const action of actions) {
    const comment = commentOf(action);
    if (!comment) continue;
    action.scrollIntoView({ block: 'center' });
    clearPicked(document);
    action.setAttribute('aria-pressed', 'true');
    return { comment, facebookLanguage: languageOf(document) };
  }
  return { comment: null };
}

/** What the extension asks of the page's comments (see ExtensionToContent). */
function answer(
  document: Document,
  asked: ExtensionToContent,
): NextCommentReply | CommentsListReply | undefined {
  const actions = [...document.querySelectorAll<HTMLButtonElement>(ACTION_SELECTOR)];
  if (asked.type === 'comments/list') {
    const comments = actions.flatMap((action) => commentOf(action) ?? []);
    return { comments: comments.slice(0, MAX_LISTED_COMMENTS), facebookLanguage: languageOf(document) };
  }
  if (asked.type === 'comments/pick')
    return pickFirst(
      document,
      actions.filter((action) => action.dataset.commentId === asked.commentId),
    );
  if (asked.type !== 'comments/next') return undefined;
  // After the one asked about; from the first, if that one is gone.
  const at = actions.findIndex((action) => action.dataset.commentId === asked.after);
  return pickFirst(document, actions.slice(at + 1));
}

/**
 * Makes the clicked comment the pending target in the extension. The page cannot script this: clicks
 * it synthesizes are ignored, and nothing is ever sent from here; the admin confirms in the popup.
 */
async function selectTarget(button: HTMLButtonElement, surface: Surface): Promise<void> {
  const article = button.closest(ARTICLE_SELECTOR);
  const comment = article && readComment(article);
  if (!comment) return;
  // Busy until the background holds the comment: assistive tech (and tests) know when it is picked.
  button.setAttribute('aria-busy', 'true');
  const facebookLanguage = languageOf(button.ownerDocument);
  const reply = await request({ type: 'target/select', comment, surface, facebookLanguage }).finally(() =>
    button.removeAttribute('aria-busy'),
  );
  if (!reply.ok) throw new Error(reply.error.message);
  button.setAttribute('aria-pressed', 'true');
  // Where the browser would not open the popup for us, the badge is lit: say where to click.
  if (!reply.data.popupOpened) button.title = t('openFromToolbar', comment.authorName);
}

/**
 * Exactly one "Send message" action beside every fan comment, with the fan's status, however it
 * arrives, each comment told once as seen (for "did they come back?"); picking a comment by its action or by the compose view's "Next comment".
 */
export const commentActions: Feature = {
  init({ document, watcher, signal, orphaned, onOrphaned }) {
    const statuses = startFanStatuses(document, signal);
    const sightings = startSightings(signal);
    const surface = followSurface(signal);
    // The page is read once the actions' labels are here, so every action is labelled from the start.
    void loadActionLabels().finally(() =>
      watcher.inspect(
        { collect: findArticles, inspect: (article) => syncAction(article, statuses, sightings) },
        signal,
      ),
    );
    onOrphaned(() => document.querySelectorAll<HTMLButtonElement>(ACTION_SELECTOR).forEach(showReloadNeeded));
    document.addEventListener(
      'click',
      (event) => {
        const button = actionFromEvent(event);
        if (!button) return;
        // Facebook's own handlers on the comment must not react to our button.
        event.preventDefault();
        event.stopPropagation();
        if (!event.isTrusted || orphaned()) return;
        clearPicked(document);
        selectTarget(button, surface()).catch((error: unknown) => console.warn('Page Outreach:', error));
      },
      { capture: true, signal },
    );
    answerMessages((message) => {
      const answered = answer(document, message as ExtensionToContent);
      return answered && Promise.resolve(answered);
    }, signal);
  },
};
