// The triage's packages ship plain CommonJS without types: only what it uses is declared here.
declare module '@nlpjs/lang-it/src/stemmer-it' {
  export default class StemmerIt {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-it/src/stopwords-it' {
  export default class StopwordsIt {
    dictionary: Record<string, boolean>;
  }
}
declare module '@nlpjs/lang-en-min/src/stopwords-en' {
  export default class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
}
declare module '@nlpjs/lang-it/src/sentiment/pattern_it.json' {
  const polarity: Record<string, number>;
  export default polarity;
}
declare module 'naughty-words/it.json' {
  const words: string[];
  export default words;
}
declare module 'naughty-words/en.json' {
  const words: string[];
  export default words;
}
