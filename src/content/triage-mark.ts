import type { CommentKind } from '../shared/messages';

/**
 * A comment's suggested kind on its action: in its accessible description, in the UI language (the
 * background names it), and as a small mark the shared stylesheet draws from `data-kind`.
 */
export function markKind(action: Element, { kind, label }: CommentKind): void {
  action.setAttribute('aria-description', label);
  action.setAttribute('data-kind', kind);
}
