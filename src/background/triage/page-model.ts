import type { OutreachEntry } from '../../shared/outreach';
import type { OutreachDatabase } from '../storage/schema';
import type { TriageModel } from './learner';
import { labelOfSend, modelFrom, type TrainingText } from './training';

/**
 * A Page's triage model, rebuilt from what its log still holds whenever it is needed: every message
 * the admin sent pairs a comment excerpt with the category they chose. Nothing else is kept, so a fan
 * forgotten (their excerpts emptied) or an entry deleted is unlearned by construction.
 */

/** The newest sends a Page's model learns from: bounds the work per batch of comments. */
export const MAX_LEARNED_SENDS = 2000;

/** What an entry teaches, if anything: only this browser's own sends, with their comment's words. */
export function trainingTextOf(entry: OutreachEntry): TrainingText | null {
  // A teammate's send is their judgement, shared only if the admin opts in; a tombstone has no words.
  if (entry.author !== undefined || entry.forgotten || entry.commentExcerpt === '') return null;
  const label = labelOfSend(entry.category, entry.commentExcerpt);
  return label ? { text: entry.commentExcerpt, label } : null;
}

export async function pageModel(db: OutreachDatabase, pageId: string): Promise<TriageModel> {
  const texts: TrainingText[] = [];
  const index = db.transaction('outreach').store.index('byPageTime');
  let cursor = await index.openCursor(IDBKeyRange.bound([pageId, -Infinity], [pageId, Infinity]), 'prev');
  while (cursor && texts.length < MAX_LEARNED_SENDS) {
    const text = trainingTextOf(cursor.value);
    if (text) texts.push(text);
    cursor = await cursor.continue();
  }
  return modelFrom(texts);
}
