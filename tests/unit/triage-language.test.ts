// Which language a comment is in, as the triage reads it: Italian, English, another, or too short to tell.
import { expect, test } from 'vitest';
import { triageComment } from '../../src/background/triage/suggest';

const languageOf = (text: string) => triageComment(text).language;

test('an Italian comment is read as Italian, an English one as English', () => {
  expect(languageOf('Buonasera, vorrei sapere quando arriva il mio ordine')).toBe('it');
  expect(languageOf('Good evening, I would like to know when my order arrives')).toBe('en');
});

test('a comment of a word or two is told by the words only one language uses', () => {
  expect(languageOf('Stronzi')).toBe('it');
  expect(languageOf('Awesome!!')).toBe('en');
  expect(languageOf('Vergogna')).toBe('it');
});

test('a comment confidently in another language is read as another', () => {
  for (const text of [
    '¿Cuánto cuesta el envío a Madrid?',
    'Merci beaucoup, c’est magnifique !',
    'Muchas gracias por todo, sois los mejores',
  ]) {
    expect(languageOf(text)).toBe('other');
  }
});

test('emoji, or words no detector can place, are too short to tell', () => {
  expect(languageOf('❤️❤️❤️')).toBe('unknown');
  expect(languageOf('daje ragazzi a casa')).toBe('unknown');
});

test('a web address says nothing of the language', () => {
  expect(languageOf('Visit my website www.ottime-offerte.it')).toBe('en');
});

test('an emoji comment too short to tell still reads as praise, in any language', () => {
  expect(triageComment('😍😍👏').suggestion?.kind).toBe('praise');
});
