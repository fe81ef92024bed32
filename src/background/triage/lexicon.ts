import { bareForm } from './words';

/**
 * What the triage knows of one language. Word lists come from packages (sentiment, stopwords,
 * offensive words); the cue phrases are ours (cues/<language>.json), written for comments under a
 * business's or a public figure's Page. A cue is a phrase in bare form (no accents); a word ending in `*` matches any word
 * that starts with it ("delus*": deluso, delusa, delusione).
 */
export interface Lexicon {
  language: TriageLanguage;
  /** The word's polarity in the language's sentiment lexicon, from −1 to 1, if it has one. */
  polarity(word: string): number | undefined;
  isStopword(word: string): boolean;
  /** Words that turn the polarity of the next few around ("non", "not"). */
  negators: Cues;
  /** The negators that, right before a problem word, make it praise ("non delude", "never fails"). */
  turnsProblems: Cues;
  /** Interrogatives that start a question ("quando", "how"). */
  questionWords: Cues;
  /**
   * Verbs a yes-or-no question starts with when its question mark is left out ("avete…", "do you…").
   * A statement starts the same way ("Siete fantastici"), so they count only in a neutral comment.
   */
  questionVerbs: Cues;
  /** Asking anywhere in a sentence ("vorrei sapere", "any chance"). */
  asks: Cues;
  /** Something went wrong for the fan: a delivery, a refund, a service. */
  problems: Cues;
  /** Thanks and praise that need no lexicon to be read. */
  praise: Cues;
  /** Phrases whose words carry no feeling in a comment: greetings ("buona domenica"), offers. */
  neutral: Cues;
  /** Insults and contempt aimed at someone, beyond the package's offensive words. */
  insults: Cues;
  /** Words the offensive-word package lists, bare. */
  offensive: ReadonlySet<string>;
  /** Self-promotion and scams: nothing a Page answers in private. */
  spam: Cues;
  /** Greetings and fillers a question may start with ("Ciao, spedite…", "Hi, is there…"), bare. */
  openers: ReadonlySet<string>;
  /** Well-rated words that, in a comment, are mostly politeness ("I'd like to know"), bare. */
  polite: ReadonlySet<string>;
}

export type TriageLanguage = 'it' | 'en';

/** One cue phrase, word by word: a whole word, or a start of word. */
type CuePart = { word: string } | { prefix: string };
export type Cues = CuePart[][];

function cues(phrases: readonly string[]): Cues {
  return phrases.map((phrase) =>
    phrase.split(' ').map((part) => (part.endsWith('*') ? { prefix: part.slice(0, -1) } : { word: part })),
  );
}

function partMatches(part: CuePart, word: string): boolean {
  return 'word' in part ? part.word === word : word.startsWith(part.prefix);
}

/** Where a cue phrase starts at `index` of the bare words, the number of words it takes; else 0. */
export function cueAt(list: Cues, bare: readonly string[], index: number): number {
  for (const phrase of list) {
    if (index + phrase.length > bare.length) continue;
    if (phrase.every((part, offset) => partMatches(part, bare[index + offset]!))) return phrase.length;
  }
  return 0;
}

/** Every place a cue of `list` starts in the bare words: indexes and lengths. */
export function findCues(list: Cues, bare: readonly string[]): { index: number; length: number }[] {
  const found = [];
  for (let index = 0; index < bare.length; index += 1) {
    const length = cueAt(list, bare, index);
    if (length > 0) {
      found.push({ index, length });
      index += length - 1;
    }
  }
  return found;
}

/** A package's word list as bare words, minus the ones that are ordinary words in comments. */
function bareSet(words: readonly string[], ordinary: readonly string[]): ReadonlySet<string> {
  const skip = new Set(ordinary);
  return new Set(words.map((word) => bareForm(word.toLowerCase())).filter((word) => !skip.has(word)));
}

/** Our cue phrases for one language, as `cues/<language>.json` holds them. */
export interface CueFile {
  negators: string[];
  turnsProblems: string[];
  questionWords: string[];
  questionVerbs: string[];
  asks: string[];
  problems: string[];
  praise: string[];
  neutral: string[];
  insults: string[];
  spam: string[];
  ordinary: string[];
  openers: string[];
  polite: string[];
}

/** What a language's packages give: its ratings, its stopwords, its offensive words. */
export interface LanguagePackages {
  polarity: Lexicon['polarity'];
  isStopword: Lexicon['isStopword'];
  offensive: readonly string[];
}

export function lexiconFrom(language: TriageLanguage, file: CueFile, packages: LanguagePackages): Lexicon {
  return {
    language,
    polarity: packages.polarity,
    isStopword: packages.isStopword,
    negators: cues(file.negators),
    turnsProblems: cues(file.turnsProblems),
    questionWords: cues(file.questionWords),
    questionVerbs: cues(file.questionVerbs),
    asks: cues(file.asks),
    problems: cues(file.problems),
    praise: cues(file.praise),
    neutral: cues(file.neutral),
    insults: cues(file.insults),
    offensive: bareSet(packages.offensive, file.ordinary),
    spam: cues(file.spam),
    openers: new Set(file.openers),
    polite: new Set(file.polite),
  };
}
