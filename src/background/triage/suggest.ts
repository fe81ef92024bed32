import { MAX_REASON_WORDS, type TriageKind, type TriageSuggestion } from '../../shared/triage';
import { detectLanguage, type DetectedLanguage, type LanguageEvidence } from './language';
import { evidenceOf, featuresOf, LEARNED_LABELS, type LearnedLabel, type TriageModel } from './learner';
import type { Lexicon, TriageLanguage } from './lexicon';
import { english } from './lexicon-en';
import { italian } from './lexicon-it';
import { knownWords, readByRules, type RuleReading } from './rules';
import { wordsOf, type Words } from './words';

/**
 * One comment's triage: its language, then the rules' reading as the prior, then what was learned
 * from the admin's own sends and corrections on this Page, weighed by how much was learned. A
 * comment confidently in another language gets no kind: the lexicons know only Italian and English.
 */
const LEXICONS: Record<TriageLanguage, Lexicon> = { it: italian, en: english };

/** How far the rules' reading is trusted before anything was learned: its share of the prior. */
const RULE_TRUST = 0.6;
/** Texts learned at which what was learned weighs half as much as it will ever weigh. */
const LEARNING_PIVOT = 20;

const evidence: LanguageEvidence = {
  isStopword: (language, word) => LEXICONS[language].isStopword(word),
  knownWords: (language, words) => knownWords(words, LEXICONS[language]),
};

export interface TriageReading {
  language: DetectedLanguage;
  suggestion: TriageSuggestion | null;
  /** What the rules alone made of it: a send is learned under the kind the rules would not give. */
  byRules: RuleReading;
}

const isStopword = (word: string): boolean => italian.isStopword(word) || english.isStopword(word);

/** What the learner counts of a text: the same in both languages, so a Page may mix them. */
export function triageFeatures(text: string): string[] {
  return featuresOf(text, isStopword);
}

const NOTHING: RuleReading = { kind: null, reason: null };

function labelOf(kind: TriageKind | null): LearnedLabel {
  return kind ?? 'none';
}

/** The features to quote: words that mean something ("ragazzi a" does not), a pair once, not again as its two words. */
function quotable(telling: readonly string[]): string[] {
  const quoted: string[] = [];
  const words = new Set<string>();
  for (const feature of [...telling].sort((a, b) => b.split(' ').length - a.split(' ').length)) {
    const parts = feature.split(' ');
    if (parts.some((part) => part.length < 3 || isStopword(part))) continue;
    if (parts.every((part) => words.has(part))) continue;
    quoted.push(feature);
    parts.forEach((part) => words.add(part));
  }
  return quoted.slice(0, MAX_REASON_WORDS);
}

/**
 * The rules' reading as the prior, plus what was learned: the log prior of each label and the
 * learned evidence for it, weighed by how much was learned in all.
 */
function combined(text: string, rules: RuleReading, model: TriageModel): TriageSuggestion | null {
  const learned = evidenceOf(model, triageFeatures(text));
  if (!learned) return rules.kind && rules.reason ? { kind: rules.kind, reason: rules.reason } : null;
  const trust = model.texts / (model.texts + LEARNING_PIVOT);
  const ruled = labelOf(rules.kind);
  let best: LearnedLabel = ruled;
  let bestScore = -Infinity;
  for (const label of LEARNED_LABELS) {
    const prior = label === ruled ? RULE_TRUST : (1 - RULE_TRUST) / (LEARNED_LABELS.length - 1);
    // A label never learned under is neither favoured nor held back by what was learned.
    const score = Math.log(prior) + trust * (learned.weight[label] ?? 0);
    if (score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  if (best === 'none') return null;
  if (best === ruled && rules.reason) return { kind: best, reason: rules.reason };
  return { kind: best, reason: { cue: 'learned', words: quotable(learned.telling[best]) } };
}

/**
 * The rules' reading in a comment's language; in a comment too short to tell (emoji, two words of
 * slang), the reading both lexicons agree on, or the one only one of them has.
 */
function rulesFor(language: TriageLanguage | 'unknown', text: string, words: Words): RuleReading {
  if (language !== 'unknown') return readByRules(text, words, LEXICONS[language]);
  const [italianReading, englishReading] = [italian, english].map((lexicon) =>
    readByRules(text, words, lexicon),
  );
  if (!englishReading!.kind || englishReading!.kind === italianReading!.kind) return italianReading!;
  return italianReading!.kind ? NOTHING : englishReading!;
}

export function triageComment(text: string, model: TriageModel | null = null): TriageReading {
  const words = wordsOf(text);
  const language = detectLanguage(words, evidence);
  if (language === 'other') return { language, suggestion: null, byRules: NOTHING };
  const byRules = rulesFor(language, text, words);
  const suggestion = model
    ? combined(text, byRules, model)
    : byRules.kind && byRules.reason
      ? { kind: byRules.kind, reason: byRules.reason }
      : null;
  return { language, suggestion, byRules };
}
