import type { Category } from '../../shared/outreach';
import { emptyModel, learn, type LearnedLabel, type TriageModel } from './learner';
import { triageComment, triageFeatures } from './suggest';

/** One text the model learns from: a sent message's comment excerpt, or an admin's correction. */
export interface TrainingText {
  text: string;
  label: LearnedLabel;
}

/**
 * What a send says about the comment it answered. Thanks answer praise and a pre-ban warning answers
 * abuse; customer care answers a question or a complaint, told apart by the rules: a comment they
 * read as neither is taken as a question, for a complaint seldom reads neutral. A promo says nothing
 * of what the comment needed: not learned.
 */
export function labelOfSend(category: Category, excerpt: string): LearnedLabel | null {
  switch (category) {
    case 'thanks':
      return 'praise';
    case 'warning':
      return 'abusive';
    case 'promo':
      return null;
    case 'care': {
      const ruled = triageComment(excerpt).byRules.kind;
      return ruled === 'complaint' ? 'complaint' : 'question';
    }
  }
}

/** A Page's model, from the texts that remain to learn from. */
export function modelFrom(texts: Iterable<TrainingText>): TriageModel {
  const model = emptyModel();
  for (const { text, label } of texts) learn(model, triageFeatures(text), label);
  return model;
}
