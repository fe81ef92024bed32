import { MAX_REASON_WORDS, type TriageKind, type TriageReason } from '../../shared/triage';
import { cueAt, findCues, type Cues, type Lexicon } from './lexicon';
import { hasLink, wordsOf, type Words } from './words';

/**
 * The triage before any learning: rules over the lexicons, in this order.
 * 1. Offensive words or insults make a comment abusive, whatever else it says.
 * 2. Self-promotion (a link, "subscribe", "scrivimi") is nothing to answer: no kind.
 * 3. A question ("?", or a sentence that starts as one) is a question, unless it reads strongly
 *    negative: "why is my refund still not here after a month of delays??" is a complaint.
 * 4. Otherwise the polarity decides: negative is a complaint, positive is praise, neither is nothing.
 * Polarity adds each word's rating (negated for a few words after "non", "not"), with our problem and
 * praise cues counted as fully negative and positive.
 */
export interface RuleReading {
  kind: TriageKind | null;
  reason: TriageReason | null;
}

/** How far after a negator the first rated word is still turned by it. */
const NEGATION_REACH = 3;
/** Below this much polarity a comment is neither a complaint nor praise. */
const MIN_POLARITY = 0.4;
/** A question this negative reports a problem rather than asks: "why is my refund still not here?". */
const STRONGLY_NEGATIVE = 2;
/** Ratings this weak are mostly function words in the lexicons. */
const MIN_RATING = 0.4;
/** A quoted question is cut to this many characters. */
const MAX_QUOTE = 80;
const POSITIVE_EMOJI = new Set([...'❤♥😍🥰😘👏🙏💪👍😊😀😃😄😁🤩💯🔥✨🌟⭐💕💖💗💙💚💛🧡💜🤗😋🎉🥳👌']);
const NEGATIVE_EMOJI = new Set([...'😡🤬😠👎💩🤮🤢😤😒🙄😞😢😭😩😫💔']);

interface Polarity {
  positive: number;
  negative: number;
  /** The words behind each side, cues before rated words: a cue says more to the admin. */
  positiveWords: string[];
  negativeWords: string[];
}

/** The spans a cue list covers, as a set of word indexes. */
function covered(list: Cues, bare: readonly string[]): Map<number, number> {
  const spans = new Map<number, number>();
  for (const { index, length } of findCues(list, bare)) spans.set(index, length);
  return spans;
}

function polarityOf({ words, bare, emoji }: Words, lexicon: Lexicon): Polarity {
  const result: Polarity = { positive: 0, negative: 0, positiveWords: [], negativeWords: [] };
  const rated = { positive: [] as string[], negative: [] as string[] };
  const add = (value: number, word: string, isCue = true): void => {
    if (value > 0) {
      result.positive += value;
      (isCue ? result.positiveWords : rated.positive).push(word);
    } else {
      result.negative -= value;
      (isCue ? result.negativeWords : rated.negative).push(word);
    }
  };
  const problems = covered(lexicon.problems, bare);
  const neutral = covered(lexicon.neutral, bare);
  const praise = covered(lexicon.praise, bare);
  let negatedUntil = -1;
  let negator = -1;
  // A turned word is quoted with its negation: "non è buono", not "buono".
  const quote = (from: number, length: number): string =>
    words.slice(from <= negatedUntil && negator >= 0 ? negator : from, from + length).join(' ');
  for (let index = 0; index < words.length; index += 1) {
    // A problem cue carries its own negation ("non funziona", "never arrived"): never turned.
    const greeting = neutral.get(index);
    if (greeting) {
      index += greeting - 1;
      continue;
    }
    const sign = index <= negatedUntil ? -1 : 1;
    // A cue that holds its own negation ("non funziona", "never arrived") is matched before its
    // negator is: only a negator before a cue turns it ("you never disappoint").
    const problem = problems.get(index);
    if (problem) {
      // Only a negated verb right before turns a problem ("non delude", "never disappoints"): "nessun
      // rimborso" is still one, and Italian doubles its negations ("non comprerò mai più").
      const turned =
        index > 0 &&
        cueAt(lexicon.turnsProblems, bare, index - 1) === 1 &&
        cueAt(lexicon.negators, bare, index) === 0;
      add(turned ? 1 : -1, words.slice(index, index + problem).join(' '));
      index += problem - 1;
      negatedUntil = -1;
      continue;
    }
    if (cueAt(lexicon.negators, bare, index) > 0) {
      negatedUntil = index + NEGATION_REACH;
      negator = index;
      continue;
    }
    const cue = praise.get(index);
    if (cue) {
      add(sign, quote(index, cue));
      index += cue - 1;
      negatedUntil = -1;
      continue;
    }
    const word = words[index]!;
    if (lexicon.polite.has(bare[index]!) || lexicon.isStopword(word)) continue;
    const rating = lexicon.polarity(word);
    if (rating === undefined || Math.abs(rating) < MIN_RATING) continue;
    add(sign * rating, quote(index, 1), false);
    // A negation turns the first rated word after it, not the rest of the sentence.
    negatedUntil = -1;
  }
  for (const mark of emoji) {
    if (POSITIVE_EMOJI.has(mark)) add(1, mark, false);
    else if (NEGATIVE_EMOJI.has(mark)) add(-1, mark, false);
  }
  result.positiveWords.push(...rated.positive);
  result.negativeWords.push(...rated.negative);
  return result;
}

/** The comment's offensive words and insults, as written. */
function offensiveWords({ words, bare }: Words, lexicon: Lexicon): string[] {
  const found = findCues(lexicon.insults, bare).map(({ index, length }) =>
    words.slice(index, index + length).join(' '),
  );
  bare.forEach((word, index) => {
    if (lexicon.offensive.has(word)) found.push(words[index]!);
  });
  return [...new Set(found)];
}

function startsAsQuestion(sentence: string, lexicon: Lexicon, neutral: boolean): boolean {
  const { bare } = wordsOf(sentence);
  let start = 0;
  while (start < bare.length && lexicon.openers.has(bare[start]!)) start += 1;
  if (cueAt(lexicon.questionWords, bare, start) > 0 || findCues(lexicon.asks, bare).length > 0) return true;
  return neutral && cueAt(lexicon.questionVerbs, bare, start) > 0;
}

/**
 * The sentence that asks, if any: one with a question mark, or one that starts as a question (with a
 * verb, only in a comment that reads neither positive nor negative).
 */
function question(words: Words, lexicon: Lexicon, neutral: boolean): string | null {
  return (
    words.sentences.find((sentence) => sentence.includes('?')) ??
    words.sentences.find((sentence) => startsAsQuestion(sentence, lexicon, neutral)) ??
    null
  );
}

function reason(cue: TriageReason['cue'], words: string[]): TriageReason {
  return { cue, words: [...new Set(words)].slice(0, MAX_REASON_WORDS) };
}

export function readByRules(text: string, words: Words, lexicon: Lexicon): RuleReading {
  const offensive = offensiveWords(words, lexicon);
  if (offensive.length > 0) return { kind: 'abusive', reason: reason('offensive', offensive) };
  if (hasLink(text) || findCues(lexicon.spam, words.bare).length > 0) return { kind: null, reason: null };
  const polarity = polarityOf(words, lexicon);
  const negative = polarity.negative >= MIN_POLARITY && polarity.negative > polarity.positive;
  const positive = polarity.positive >= MIN_POLARITY && polarity.positive > polarity.negative;
  const asked = question(words, lexicon, !negative && !positive);
  if (asked && !(negative && polarity.negative >= STRONGLY_NEGATIVE)) {
    return { kind: 'question', reason: reason('question', [asked.slice(0, MAX_QUOTE)]) };
  }
  if (negative) return { kind: 'complaint', reason: reason('negative', polarity.negativeWords) };
  if (positive) {
    return { kind: 'praise', reason: reason('positive', polarity.positiveWords) };
  }
  return { kind: null, reason: null };
}

/** How many words a lexicon knows as one of its cues or offensive words: evidence of its language. */
export function knownWords({ bare }: Words, lexicon: Lexicon): number {
  const lists = [
    lexicon.questionWords,
    lexicon.questionVerbs,
    lexicon.asks,
    lexicon.problems,
    lexicon.praise,
    lexicon.insults,
    lexicon.spam,
  ];
  let known = 0;
  for (let index = 0; index < bare.length; index += 1) {
    if (lexicon.offensive.has(bare[index]!) || lists.some((list) => cueAt(list, bare, index) > 0)) known += 1;
  }
  return known;
}
