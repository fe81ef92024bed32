// The triage's rules, one by one, in Italian and English: what each comment is read as, and why.
import { describe, expect, test } from 'vitest';
import { triageComment } from '../../src/background/triage/suggest';

const kindOf = (text: string) => triageComment(text).suggestion?.kind ?? 'none';
const reasonOf = (text: string) => triageComment(text).suggestion?.reason;

describe('abusive', () => {
  test('a word on the offensive-word list makes a comment abusive, and is quoted', () => {
    expect(reasonOf('Fate proprio cagare, siete una merda')).toEqual({
      cue: 'offensive',
      words: ['cagare', 'merda'],
    });
    expect(kindOf('What a load of bullshit from this company')).toBe('abusive');
  });

  test('an insult beyond the list makes it abusive', () => {
    expect(kindOf('Siete dei buffoni incompetenti')).toBe('abusive');
    expect(kindOf('The manager is a clueless moron')).toBe('abusive');
  });

  test('abuse wins over anything else the comment says', () => {
    expect(kindOf('Quando riaprite, idioti?')).toBe('abusive');
    expect(kindOf('Thanks for nothing, clowns')).toBe('abusive');
  });

  test('a word the list holds but that is ordinary in comments is not taken as abuse', () => {
    expect(kindOf('Il pesce di ieri era freschissimo, bravi')).toBe('praise');
  });
});

describe('question', () => {
  test('a question mark makes a question, and the sentence asking is the reason', () => {
    expect(reasonOf('Ciao! Quanto costa la spedizione in Sicilia? Grazie')).toEqual({
      cue: 'question',
      words: ['Quanto costa la spedizione in Sicilia?'],
    });
  });

  test('a sentence that starts with an interrogative is a question without its mark', () => {
    expect(kindOf('Buongiorno dove posso trovare il formato grande')).toBe('question');
    expect(kindOf('hi when does the outlet open on sundays')).toBe('question');
  });

  test('a sentence that starts with a verb is a question only when it reads neither way', () => {
    expect(kindOf('Avete anche la versione senza zucchero')).toBe('question');
    expect(kindOf('Avete fatto un lavoro fantastico')).toBe('praise');
    expect(kindOf('do you deliver on saturdays')).toBe('question');
  });

  test('a question that reports a problem strongly is a complaint', () => {
    expect(kindOf('Why is my refund still not here after a month of delays??')).toBe('complaint');
    expect(kindOf('How do I cancel my order?')).toBe('question');
  });
});

describe('complaint', () => {
  test('a problem cue makes a complaint, and the problem is quoted', () => {
    const reason = reasonOf('Pacco mai arrivato e nessun rimborso');
    expect(reason?.cue).toBe('negative');
    expect(reason?.words.slice(0, 2)).toEqual(['mai arrivato', 'rimborso']);
  });

  test('negative words from the sentiment lexicon make a complaint', () => {
    expect(kindOf('Servizio orribile e personale antipatico')).toBe('complaint');
    expect(kindOf('The new packaging is awful')).toBe('complaint');
  });

  test('a negation turns the praise word after it, and is quoted with it', () => {
    expect(reasonOf('Il nuovo gusto non è buono')).toEqual({ cue: 'negative', words: ['non è buono'] });
    expect(kindOf('This is not good at all')).toBe('complaint');
  });

  test('a negation turns a problem word into praise', () => {
    expect(kindOf('You never disappoint')).toBe('praise');
  });

  test('Italian double negation keeps a complaint a complaint', () => {
    expect(kindOf('Non comprerò mai più questa marca')).toBe('complaint');
  });
});

describe('praise', () => {
  test('thanks and praise words make praise', () => {
    expect(reasonOf('Grazie, siete bravissimi')).toEqual({
      cue: 'positive',
      words: ['grazie', 'bravissimi'],
    });
    expect(kindOf('Absolutely love the new flavour')).toBe('praise');
  });

  test('hearts and applause are praise', () => {
    expect(kindOf('La mia colazione preferita 😍😍')).toBe('praise');
  });

  test('a greeting is no praise', () => {
    expect(kindOf('Buona domenica a tutti')).toBe('none');
    expect(kindOf('Good morning from Leeds')).toBe('none');
  });
});

describe('nothing to answer', () => {
  test('self-promotion is nothing to answer, however it is worded', () => {
    expect(kindOf('Bellissimo! Seguitemi sul mio canale')).toBe('none');
    expect(kindOf('Great post, visit my page www.example.com')).toBe('none');
  });

  test('a link to another comment on Facebook is no self-promotion', () => {
    expect(kindOf('Love this! https://www.facebook.com/acmecoffee/posts/pfbid0X?comment_id=10001')).toBe(
      'praise',
    );
  });

  test('a name, a tag or a remark is nothing to answer', () => {
    expect(kindOf('Giulia Rossi')).toBe('none');
    expect(kindOf('I saw this at the station yesterday')).toBe('none');
  });

  test('a comment in another language gets no kind at all', () => {
    expect(triageComment('¿Cuánto cuesta el envío a Madrid?')).toMatchObject({
      language: 'other',
      suggestion: null,
    });
    expect(triageComment('Merci beaucoup, c’est magnifique !')).toMatchObject({
      language: 'other',
      suggestion: null,
    });
  });
});
