import StemmerIt from '@nlpjs/lang-it/src/stemmer-it';
import StopwordsIt from '@nlpjs/lang-it/src/stopwords-it';
import patternIt from '@nlpjs/lang-it/src/sentiment/pattern_it.json';
import offensiveIt from 'naughty-words/it.json';
import cuesIt from './cues/it.json';
import { lexiconFrom, type Lexicon } from './lexicon';

const stemmer = new StemmerIt();
const stopwords = new StopwordsIt();

/**
 * Italian: the sentiment lexicon of CLiPS Pattern (by stem) and stopwords from NLP.js, the offensive
 * words of LDNOOBW, and our cues.
 */
export const italian: Lexicon = lexiconFrom('it', cuesIt, {
  polarity: (word) => {
    const stem = stemmer.stemWord(word);
    // Own keys only: a stem such as "constructor" is no rating.
    return Object.hasOwn(patternIt, stem) ? patternIt[stem] : undefined;
  },
  // Own keys only: NLP.js keeps its list in a plain object, where "constructor" would be found.
  isStopword: (word) => Object.hasOwn(stopwords.dictionary, word),
  offensive: offensiveIt,
});
