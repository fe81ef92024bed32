// The triage's kinds and reasons, told in the UI language with the comment's own words.
import { beforeEach, expect, test } from 'vitest';
import type { TriageReason } from '../../src/shared/triage';
import { triageKindText, triageReasonText } from '../../src/shared/triage-text';
import { fakeBrowser } from './fake-browser';

beforeEach(() => fakeBrowser.reset());

test('a question is told with the sentence that asks, in English and Italian', () => {
  const reason: TriageReason = { cue: 'question', words: ['quanto costa la spedizione?'] };
  fakeBrowser.uiLanguage = 'en';
  expect(triageReasonText(reason)).toBe('asks a question: “quanto costa la spedizione?”');
  fakeBrowser.uiLanguage = 'it';
  expect(triageReasonText(reason)).toBe('fa una domanda: «quanto costa la spedizione?»');
});

test('the words behind a complaint, praise, abuse or a learned kind are quoted one by one', () => {
  fakeBrowser.uiLanguage = 'en';
  expect(triageReasonText({ cue: 'negative', words: ['ritardo', 'non è buono'] })).toBe(
    'negative words: ‘ritardo’, ‘non è buono’',
  );
  expect(triageReasonText({ cue: 'offensive', words: ['idiota'] })).toBe('offensive words: ‘idiota’');
  fakeBrowser.uiLanguage = 'it';
  expect(triageReasonText({ cue: 'positive', words: ['grazie', 'bravi'] })).toBe(
    'parole positive: ‘grazie’, ‘bravi’',
  );
  expect(triageReasonText({ cue: 'learned', words: ['daje ragazzi'] })).toBe(
    'come commenti a cui hai già risposto: ‘daje ragazzi’',
  );
});

test('each kind has its name in both languages', () => {
  fakeBrowser.uiLanguage = 'en';
  expect(
    ['question', 'complaint', 'praise', 'abusive'].map((kind) => triageKindText(kind as 'question')),
  ).toEqual(['question', 'complaint', 'praise', 'abusive']);
  fakeBrowser.uiLanguage = 'it';
  expect(
    ['question', 'complaint', 'praise', 'abusive'].map((kind) => triageKindText(kind as 'question')),
  ).toEqual(['domanda', 'reclamo', 'apprezzamento', 'offensivo']);
});
