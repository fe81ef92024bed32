import { detectAll } from 'tinyld/light';
import type { TriageLanguage } from './lexicon';
import type { Words } from './words';

/**
 * Which of the triage's languages a comment is in, if it can tell.
 * tinyld is built for short texts, but a comment of two words is often too short even for it, so its
 * guess is weighed against the words that only one of the two languages uses ("il", "della"; "the",
 * "with"): the stopword lists of NLP.js, which the lexicons carry anyway.
 */
export interface LanguageEvidence {
  isStopword(language: TriageLanguage, word: string): boolean;
  /** How many of the words the language's lexicon knows as cues or ratings (for very short comments). */
  knownWords(language: TriageLanguage, words: Words): number;
}

/** Below this, tinyld's score for a language is a guess from too few letters. */
const CONFIDENT = 0.3;
/** Words used only by the other language, beyond which they outweigh tinyld. */
const OUTWEIGHS = 2;

function exclusiveStopwords(words: readonly string[], evidence: LanguageEvidence) {
  let it = 0;
  let en = 0;
  for (const word of words) {
    const inIt = evidence.isStopword('it', word);
    const inEn = evidence.isStopword('en', word);
    if (inIt && !inEn) it += 1;
    if (inEn && !inIt) en += 1;
  }
  return { it, en };
}

/** One of ours; `other` when the comment is confidently in another; `unknown` when it cannot tell. */
export type DetectedLanguage = TriageLanguage | 'other' | 'unknown';

export function detectLanguage(cut: Words, evidence: LanguageEvidence): DetectedLanguage {
  const { words } = cut;
  if (words.length === 0) return 'unknown';
  const stops = exclusiveStopwords(words, evidence);
  // Links taken out: a web address is no language.
  const [top] = detectAll(cut.plain);
  const guess = top && top.accuracy >= CONFIDENT ? top.lang : null;
  if (guess === 'it' || guess === 'en') {
    const other = guess === 'it' ? 'en' : 'it';
    return stops[other] - stops[guess] >= OUTWEIGHS ? other : guess;
  }
  if (stops.it !== stops.en && Math.max(stops.it, stops.en) >= OUTWEIGHS)
    return stops.it > stops.en ? 'it' : 'en';
  // Too short for either: a word only one of our lexicons knows ("stronzi", "awesome") tells.
  const known = { it: evidence.knownWords('it', cut), en: evidence.knownWords('en', cut) };
  if (known.it !== known.en) return known.it > known.en ? 'it' : 'en';
  // Another language, confidently, and nothing of ours says otherwise: not ours.
  if (guess) return 'other';
  if (stops.it !== stops.en) return stops.it > stops.en ? 'it' : 'en';
  // Nothing of ours in it and no confident guess: a weak guess of one of ours is taken, and a weak
  // guess of another is no proof (tinyld gives Portuguese for "daje ragazzi a casa").
  const weak = top?.lang;
  return weak === 'it' || weak === 'en' ? weak : 'unknown';
}
