import { bareForm, wordsOf } from './words';

/**
 * What the triage learns per Page from the admin: a multinomial naive Bayes over a comment's words
 * and word pairs. Its counts only add up, so a model built from the texts that remain (the log's
 * excerpts and the admin's corrections) is exactly one that never saw the others. Written here rather
 * than taken from a package: it is a few dozen lines, and the triage weighs what it learned feature by
 * feature against the rules (evidenceOf), which a classifier's verdict alone would not let it do.
 */
export const LEARNED_LABELS = ['question', 'complaint', 'praise', 'abusive', 'none'] as const;
export type LearnedLabel = (typeof LEARNED_LABELS)[number];

interface LabelCounts {
  /** Texts learned with this label. */
  texts: number;
  /** Features counted under this label, in all. */
  total: number;
  /** A Map, not an object: a feature such as "constructor" must not meet Object's own keys. */
  counts: Map<string, number>;
}

export interface TriageModel {
  texts: number;
  labels: Record<LearnedLabel, LabelCounts>;
}

export function emptyModel(): TriageModel {
  const labels = Object.fromEntries(
    LEARNED_LABELS.map((label) => [label, { texts: 0, total: 0, counts: new Map() }]),
  ) as unknown as Record<LearnedLabel, LabelCounts>;
  return { texts: 0, labels };
}

/** Words that say nothing of a comment's kind on their own ("the", "della"), in either language. */
export type IsStopword = (word: string) => boolean;

/**
 * A text's words, bare, minus stopwords, and each pair of neighbouring words, stopwords included:
 * "non arrivato" and "still not" say what neither word says alone.
 */
export function featuresOf(text: string, isStopword: IsStopword): string[] {
  const words = wordsOf(text).words.map(bareForm);
  const pairs = words.slice(1).map((word, index) => `${words[index]!} ${word}`);
  return [...words.filter((word) => word.length > 1 && !isStopword(word)), ...pairs];
}

/** Adds one labelled text to the model (in place). */
export function learn(model: TriageModel, features: string[], label: LearnedLabel): void {
  const counts = model.labels[label];
  model.texts += 1;
  counts.texts += 1;
  counts.total += features.length;
  for (const feature of features) counts.counts.set(feature, (counts.counts.get(feature) ?? 0) + 1);
}

function vocabularySize(model: TriageModel): number {
  const seen = new Set<string>();
  for (const label of LEARNED_LABELS)
    for (const feature of model.labels[label].counts.keys()) seen.add(feature);
  return seen.size;
}

export interface Evidence {
  /**
   * For each label learned under, how much the text's words speak for it: the sum, over the words
   * the model has met, of their log likelihood under the label minus its mean over the labels.
   * Null for a label nothing was learned under: smoothing alone would favour it for any new word.
   */
  weight: Record<LearnedLabel, number | null>;
  /** The text's features met under each label, the most often met first. */
  telling: Record<LearnedLabel, string[]>;
}

/** What was learned says of this text (see Evidence). Null before anything was learned. */
export function evidenceOf(model: TriageModel, features: string[]): Evidence | null {
  if (model.texts === 0) return null;
  const known = LEARNED_LABELS.filter((label) => model.labels[label].texts > 0);
  const vocabulary = vocabularySize(model) + 1;
  const weight = Object.fromEntries(
    LEARNED_LABELS.map((label) => [label, known.includes(label) ? 0 : null]),
  ) as Record<LearnedLabel, number | null>;
  const telling = Object.fromEntries(LEARNED_LABELS.map((label) => [label, []])) as unknown as Record<
    LearnedLabel,
    string[]
  >;
  const met = new Map<string, number>();
  for (const feature of new Set(features)) {
    // A feature never met says nothing, and would only favour the labels that learned less.
    if (!known.some((label) => model.labels[label].counts.has(feature))) continue;
    const logs = known.map((label) => {
      const { total, counts } = model.labels[label];
      return Math.log(((counts.get(feature) ?? 0) + 1) / (total + vocabulary));
    });
    const mean = logs.reduce((sum, log) => sum + log, 0) / logs.length;
    known.forEach((label, index) => {
      weight[label] = weight[label]! + logs[index]! - mean;
      const count = model.labels[label].counts.get(feature) ?? 0;
      if (count > 0) telling[label].push(feature);
      met.set(`${label} ${feature}`, count);
    });
  }
  for (const label of known) {
    telling[label].sort((a, b) => met.get(`${label} ${b}`)! - met.get(`${label} ${a}`)!);
  }
  return { weight, telling };
}
