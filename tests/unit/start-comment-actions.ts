import { commentActions } from '../../src/content/comment-actions';
import { createContentContext } from '../../src/content/context';

/**
 * Starts the comment-actions feature on the test's document, as the content script does on
 * facebook.com. The returned function orphans that copy, as an update of the extension would, which
 * stops it.
 */
export function startCommentActions(): () => void {
  let connected = true;
  const context = createContentContext(document, () => connected);
  commentActions.init(context);
  return () => {
    connected = false;
    context.orphaned();
  };
}
