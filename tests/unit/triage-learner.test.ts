// What the triage learns per Page from the admin's own sends and corrections: a naive Bayes whose
// counts can be taken out again, so forgetting leaves it as if the text had never been seen.
import { describe, expect, test } from 'vitest';
import { emptyModel, evidenceOf } from '../../src/background/triage/learner';
import { triageComment, triageFeatures } from '../../src/background/triage/suggest';
import { labelOfSend, modelFrom, type TrainingText } from '../../src/background/triage/training';
import { CATEGORY_FOR_KIND, type TriageKind } from '../../src/shared/triage';
import { scoresOf, type Label } from './triage-scores';

/**
 * A football club's Page, whose fans speak its own language: "daje", "mercenari", "tornelli". The
 * rules know little of it; the admin's sends teach it. Comments are a Page word or two, in words
 * around them that say nothing: the training and the held-out comments share the first, never the
 * second.
 */
const CLUB: Record<Label, string[]> = {
  praise: ['daje ragazzi', 'forza magica', 'onore alla maglia', 'sempre con voi', 'che partita ragazzi'],
  complaint: [
    'tornelli bloccati',
    'biglietti introvabili',
    'steward sgarbati',
    'abbonamento sospeso',
    'curva chiusa',
  ],
  question: [
    'prevendita curva sud',
    'orario allenamento aperto',
    'biglietti trasferta info',
    'navetta stadio orari',
    'tessera tifoso rinnovo',
  ],
  abusive: [
    'mercenari tutti',
    'presidente vattene',
    'arbitro venduto',
    'società di pagliacci',
    'giocatori senza palle',
  ],
  none: [
    'io c ero nel 1987',
    'domenica in tribuna con papà',
    'ricordo il gol di Totti',
    'stadio pieno oggi',
    'ci vediamo domenica',
  ],
};
const TRAINING_WORDS = ['oggi', 'stasera', 'ieri', 'domenica', 'in città', 'dal bar', 'a Roma', 'al lavoro'];
const HELD_OUT_WORDS = ['adesso', 'stamattina', 'a casa', 'sul treno', 'in ufficio', 'con gli amici'];

function comments(words: string[]): { text: string; label: Label }[] {
  return Object.entries(CLUB).flatMap(([label, phrases]) =>
    phrases.flatMap((phrase) => words.map((word) => ({ text: `${phrase} ${word}`, label: label as Label }))),
  );
}

/** The admin answers the first comments of each kind that needs an answer: 50 sends in all. */
function adminSends(): TrainingText[] {
  const answered = comments(TRAINING_WORDS).filter(({ label }) => label !== 'none');
  const sends: TrainingText[] = [];
  for (let round = 0; sends.length < 50; round += 1) {
    for (const kind of ['praise', 'complaint', 'question', 'abusive'] as TriageKind[]) {
      const comment = answered.filter(({ label }) => label === kind)[round];
      const label = comment && labelOfSend(CATEGORY_FOR_KIND[kind], comment.text);
      if (comment && label && sends.length < 50) sends.push({ text: comment.text, label });
    }
  }
  return sends;
}

describe('learning', () => {
  test('after 50 sends, the Page’s held-out comments are read better than by the rules alone', () => {
    const heldOut = comments(HELD_OUT_WORDS);
    const model = modelFrom(adminSends());
    const score = (learned: boolean) =>
      scoresOf(
        heldOut.map(({ text, label }) => ({
          label,
          got: triageComment(text, learned ? model : null).suggestion?.kind ?? 'none',
        })),
      ).macroF1;
    expect(score(true)).toBeGreaterThan(score(false) + 0.2);
  });

  test('a kind learned, not ruled, gives the comment’s words that taught it as its reason', () => {
    const model = modelFrom(adminSends());
    expect(triageComment('daje ragazzi a casa', model).suggestion).toEqual({
      kind: 'praise',
      reason: { cue: 'learned', words: ['daje ragazzi'] },
    });
  });

  test('what the rules read stands until enough was learned', () => {
    const one = modelFrom([{ text: 'grazie mille ragazzi', label: 'complaint' }]);
    expect(triageComment('grazie mille ragazzi', one).suggestion?.kind).toBe('praise');
  });

  test('a comment in another language stays without a kind, whatever was learned', () => {
    const spanish = '¿Cuánto cuesta el envío a Madrid?';
    const model = modelFrom([{ text: spanish, label: 'question' }]);
    expect(triageComment(spanish, model).suggestion).toBeNull();
  });
});

describe('sends as labels', () => {
  test('thanks teach praise, a warning teaches abuse, and a promo teaches nothing', () => {
    expect(labelOfSend('thanks', 'bello')).toBe('praise');
    expect(labelOfSend('warning', 'bello')).toBe('abusive');
    expect(labelOfSend('promo', 'bello')).toBeNull();
  });

  test('customer care teaches a question or a complaint, as the comment reads', () => {
    expect(labelOfSend('care', 'Dove si trova il negozio')).toBe('question');
    expect(labelOfSend('care', 'Ordine mai arrivato')).toBe('complaint');
    expect(labelOfSend('care', 'tessera tifoso')).toBe('question');
  });
});

describe('the model', () => {
  test('an empty model has nothing to say', () => {
    expect(evidenceOf(emptyModel(), triageFeatures('qualunque cosa'))).toBeNull();
  });

  test('a word named like an object’s own key is counted as a word', () => {
    const model = modelFrom([
      { text: 'constructor toString hasOwnProperty', label: 'none' },
      { text: 'grazie', label: 'praise' },
    ]);
    expect(model.labels.none.counts.get('constructor')).toBe(1);
    expect(evidenceOf(model, triageFeatures('constructor'))?.weight.none).toBeGreaterThan(0);
  });
});
