// The triage measured on real comments (../shared/data/triage-eval.json, 60 Italian and 60 English),
// before and after learning. The set only measures: nothing here tunes a rule or trains on it.
import { describe, expect, test } from 'vitest';
import { triageComment } from '../../src/background/triage/suggest';
import { labelOfSend, modelFrom, type TrainingText } from '../../src/background/triage/training';
import type { TriageModel } from '../../src/background/triage/learner';
import { CATEGORY_FOR_KIND, TRIAGE_KINDS, type TriageKind } from '../../src/shared/triage';
import {
  developmentComments,
  evaluationComments,
  formatScores,
  scoresOf,
  type LabelledComment,
  type Scores,
} from './triage-scores';

/** The bar the issue sets for the rules alone, in each language. */
const MIN_MACRO_F1 = 0.7;
/** The rules are tuned on our own development comments: they must keep reading them well. */
const MIN_DEVELOPMENT_F1 = 0.9;
const SIMULATED_SENDS = 50;

function score(comments: LabelledComment[], model: TriageModel | null = null): Scores {
  return scoresOf(
    comments.map(({ text, label }) => ({
      label,
      got: triageComment(text, model).suggestion?.kind ?? 'none',
    })),
  );
}

/**
 * A simulated admin's sends: every few of our development comments that needs an answer gets the
 * category its kind calls for, as an admin would choose it, and is learned as a send is.
 */
function simulatedSends(): TrainingText[] {
  const needing = developmentComments().filter(({ label }) =>
    (TRIAGE_KINDS as readonly string[]).includes(label),
  );
  const every = needing.length / SIMULATED_SENDS;
  return Array.from({ length: SIMULATED_SENDS }, (_, index) => needing[Math.floor(index * every)]!).flatMap(
    ({ text, label }) => {
      const learned = labelOfSend(CATEGORY_FOR_KIND[label as TriageKind], text);
      return learned ? [{ text, label: learned }] : [];
    },
  );
}

describe.each(['it', 'en'] as const)('comments in %s', (language) => {
  test(`the rules alone reach a macro-F1 of ${MIN_MACRO_F1} on the real comments`, () => {
    const comments = evaluationComments().filter(({ lang }) => lang === language);
    const before = score(comments);
    const after = score(comments, modelFrom(simulatedSends()));
    console.info(formatScores(`${language}, rules alone`, before));
    console.info(formatScores(`${language}, after ${SIMULATED_SENDS} simulated sends`, after));
    expect(before.count).toBe(60);
    expect(before.macroF1).toBeGreaterThanOrEqual(MIN_MACRO_F1);
  });

  test(`the rules read our own development comments with a macro-F1 of ${MIN_DEVELOPMENT_F1}`, () => {
    const comments = developmentComments().filter(({ lang }) => lang === language);
    const scores = score(comments);
    console.info(formatScores(`${language}, development comments`, scores));
    expect(scores.macroF1).toBeGreaterThanOrEqual(MIN_DEVELOPMENT_F1);
  });
});
