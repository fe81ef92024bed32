import type { CommentKind } from '../../shared/messages';
import type { TriageSuggestion } from '../../shared/triage';
import { triageKindText } from '../../shared/triage-text';
import type { OutreachDatabase } from '../storage/schema';
import { pageModel } from './page-model';
import { triageComment } from './suggest';

export interface CommentToTriage {
  pageId: string;
  commentId: string;
  text: string;
}

/**
 * The kind of each comment that has one, by its Page's model, named in the UI language: what its
 * action beside it shows. The words are read here and kept nowhere.
 */
export async function commentKinds(
  db: OutreachDatabase,
  comments: readonly CommentToTriage[],
): Promise<CommentKind[]> {
  const kinds: CommentKind[] = [];
  for (const pageId of new Set(comments.map((comment) => comment.pageId))) {
    const model = await pageModel(db, pageId);
    for (const { commentId, text } of comments.filter((comment) => comment.pageId === pageId)) {
      const kind = triageComment(text, model).suggestion?.kind;
      if (kind) kinds.push({ commentId, kind, label: triageKindText(kind) });
    }
  }
  return kinds;
}

/** The triage's suggestion for one comment the admin picked, with its reason, by its Page's model. */
export async function commentSuggestion(
  db: OutreachDatabase,
  pageId: string,
  text: string,
): Promise<TriageSuggestion | null> {
  return triageComment(text, await pageModel(db, pageId)).suggestion;
}
