import type { OutreachEntry } from '../../shared/outreach';
import type { OutreachDatabase } from '../storage/schema';
import type { LearnedLabel, TriageModel } from './learner';
import { labelOfSend, modelFrom, type TrainingText } from './training';
import { loadTriageLearning, type TriageLearning } from './triage-learning';

/**
 * A Page's triage model, rebuilt whenever it is needed from what this browser still holds: every
 * message the admin sent pairs a comment excerpt with the category they chose, and every correction
 * names what a comment was. Nothing else is kept, so a fan forgotten (their excerpts emptied, their
 * corrections deleted) or an entry deleted is unlearned by construction.
 */

/**
 * The newest sends a Page's model learns from. It bounds the work of each rebuild, which happens for
 * every batch of comments in view when what the Page learns from has changed: reading a customer-care
 * send's kind runs the rules on it (language included), about 0.3 ms a send here.
 */
export const MAX_LEARNED_SENDS = 500;

/**
 * Derived data kept between batches, never state: a worker that restarts builds both again. What each
 * send teaches (a customer-care send's takes the rules, the costly part of a rebuild), and the model last
 * built for each Page with the texts it came from (most batches find the same ones). Bounded: past these
 * sizes they start over.
 */
const sendLabels = new Map<string, LearnedLabel | null>();
const MAX_SEND_LABELS = 4 * MAX_LEARNED_SENDS;
const lastModels = new Map<string, { texts: string; model: TriageModel }>();
const MAX_MODELS = 16;

function sendLabel(entry: OutreachEntry): LearnedLabel | null {
  const key = `${entry.category}\u0000${entry.commentExcerpt}`;
  let label = sendLabels.get(key);
  if (label === undefined) {
    if (sendLabels.size >= MAX_SEND_LABELS) sendLabels.clear();
    label = labelOfSend(entry.category, entry.commentExcerpt);
    sendLabels.set(key, label);
  }
  return label;
}

/** What an entry teaches, if anything: a send with its comment's words, made since the last reset. */
export function trainingTextOf(entry: OutreachEntry, learning: TriageLearning): TrainingText | null {
  if (entry.createdAt <= learning.resetAt || entry.forgotten || entry.commentExcerpt === '') return null;
  // A teammate's send is their judgement: learned only if the admin opts in.
  if (entry.author !== undefined && !learning.learnFromTeam) return null;
  const label = sendLabel(entry);
  return label ? { text: entry.commentExcerpt, label } : null;
}

/** The Page's model from these texts: the one built last if they are the same, else a new one. */
function modelOf(pageId: string, texts: TrainingText[]): TriageModel {
  const key = texts.map(({ label, text }) => `${label}\u0001${text}`).join('\u0000');
  const last = lastModels.get(pageId);
  if (last?.texts === key) return last.model;
  const model = modelFrom(texts);
  if (lastModels.size >= MAX_MODELS) lastModels.clear();
  lastModels.set(pageId, { texts: key, model });
  return model;
}

export async function pageModel(db: OutreachDatabase, pageId: string): Promise<TriageModel> {
  const learning = await loadTriageLearning(db);
  const tx = db.transaction(['outreach', 'fans']);
  const corrected = new Map<string, TrainingText>();
  const fans = await tx.objectStore('fans').getAll(IDBKeyRange.bound([pageId, ''], [pageId, '\uffff']));
  for (const { corrections = [] } of fans) {
    for (const { commentId, text, label, at } of corrections) {
      if (at > learning.resetAt) corrected.set(commentId, { text, label });
    }
  }
  // A comment the admin corrected is learned as they said, not as the send's category tells.
  const texts: TrainingText[] = [...corrected.values()];
  const index = tx.objectStore('outreach').index('byPageTime');
  let cursor = await index.openCursor(IDBKeyRange.bound([pageId, -Infinity], [pageId, Infinity]), 'prev');
  for (let learned = 0; cursor && learned < MAX_LEARNED_SENDS; cursor = await cursor.continue()) {
    const text = corrected.has(cursor.value.commentId) ? null : trainingTextOf(cursor.value, learning);
    if (!text) continue;
    texts.push(text);
    learned += 1;
  }
  return modelOf(pageId, texts);
}
