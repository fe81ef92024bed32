import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The labels of a triage evaluation: the four kinds, and "none" for a comment that needs nothing. */
export const LABELS = ['question', 'complaint', 'praise', 'abusive', 'none'] as const;
export type Label = (typeof LABELS)[number];

export interface Scored {
  label: Label;
  got: Label;
}

export interface Scores {
  macroF1: number;
  f1: Record<Label, number>;
  count: number;
}

/** F1 per label and their mean, over every label (a label never predicted nor present scores 0). */
export function scoresOf(rows: readonly Scored[]): Scores {
  const f1 = Object.fromEntries(
    LABELS.map((label) => {
      const truePositives = rows.filter((row) => row.label === label && row.got === label).length;
      const predicted = rows.filter((row) => row.got === label).length;
      const actual = rows.filter((row) => row.label === label).length;
      const sum = predicted + actual;
      return [label, sum === 0 ? 0 : (2 * truePositives) / sum];
    }),
  ) as Record<Label, number>;
  const macroF1 = LABELS.reduce((total, label) => total + f1[label], 0) / LABELS.length;
  return { macroF1, f1, count: rows.length };
}

const CommentSchema = z.object({
  text: z.string(),
  lang: z.enum(['it', 'en']),
  label: z
    .enum(['question', 'complaint', 'praise', 'abusive', 'other', 'none'])
    .transform((label) => (label === 'other' ? 'none' : label)),
});
export type LabelledComment = z.infer<typeof CommentSchema>;

/** Our own development comments, written for the project: the ones rules may be tuned on. */
export function developmentComments(): LabelledComment[] {
  const file = JSON.parse(readFileSync('tests/fixtures/triage/dev-comments.json', 'utf8')) as unknown;
  return z.object({ comments: z.array(CommentSchema) }).parse(file).comments;
}

/**
 * The shared evaluation set of real comments, for measuring only. It lives beside the project in
 * `../shared` (or where PAGE_OUTREACH_SHARED says) and is never copied into it.
 */
export function evaluationComments(): LabelledComment[] {
  const shared = process.env.PAGE_OUTREACH_SHARED ?? resolve(process.cwd(), '../shared');
  const path = resolve(shared, 'data/triage-eval.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `The triage evaluation set is not at ${path}: set PAGE_OUTREACH_SHARED to the shared folder.`,
    );
  }
  return z.array(CommentSchema).parse(JSON.parse(text));
}

export function formatScores(name: string, scores: Scores): string {
  const perLabel = LABELS.map((label) => `${label} ${scores.f1[label].toFixed(2)}`).join(', ');
  return `${name}: macro-F1 ${scores.macroF1.toFixed(3)} over ${scores.count} comments (${perLabel})`;
}
