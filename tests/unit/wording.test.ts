import { afterEach, describe, expect, test } from 'vitest';
import { t, tCount } from '../../src/shared/i18n';
import { fakeBrowser } from './fake-browser';

afterEach(() => {
  fakeBrowser.uiLanguage = 'en';
});

describe('counts take the form their number needs', () => {
  test.each([
    ['en', 1, 'Imported 1 template.'],
    ['en', 2, 'Imported 2 templates.'],
    ['en', 0, 'Imported 0 templates.'],
    ['it', 1, 'Importato 1 modello.'],
    ['it', 2, 'Importati 2 modelli.'],
    ['it', 0, 'Importati 0 modelli.'],
  ])('in %s, %i imported', (language, count, expected) => {
    fakeBrowser.uiLanguage = language;
    expect(tCount('importDone', count)).toBe(expected);
  });

  test('the log’s count follows the total: “1 messaggio su 1”, “1 messaggi su 3”', () => {
    fakeBrowser.uiLanguage = 'it';
    expect(tCount('logShowing', 1, ['1', '1'])).toBe('1 messaggio su 1');
    expect(tCount('logShowing', 3, ['1', '3'])).toBe('1 messaggi su 3');
  });

  test('a restored backup of one entry says “voce”, not “voci”', () => {
    fakeBrowser.uiLanguage = 'it';
    expect(tCount('backupRestored', 1)).toBe('Backup ripristinato: 1 voce del registro.');
    expect(tCount('backupRestored', 12)).toBe('Backup ripristinato: 12 voci del registro.');
  });
});

describe('a fan of unknown gender is not given one', () => {
  test('in Italian the verdicts say what the fan received, not how they were treated', () => {
    fakeBrowser.uiLanguage = 'it';
    const thanked = t('verdictThanksWindow', ['Giulia', '2 giorni fa', '20 dic']);
    expect(thanked).toBe(
      'Giulia ha ricevuto un ringraziamento 2 giorni fa; prossimo ringraziamento possibile dal 20 dic.',
    );
    for (const key of [
      'verdictFanWindow',
      'verdictThanksWindow',
      'verdictWarningCooldown',
      'verdictDoNotContact',
    ] as const)
      expect(t(key, ['Giulia', 'ieri', '20 dic'])).not.toMatch(
        /\b(stat[oa]|ringraziat[oa]|avvisat[oa]|contattat[oa]|segnat[oa])\b/,
      );
    expect(tCount('fanForgotten', 1, ['Giulia', '1'])).toBe(
      'Page Outreach ha dimenticato Giulia; 1 contatto passato resta come conteggio anonimo.',
    );
  });

  test('in Italian the target card names the last message sent, not how the fan was treated', () => {
    fakeBrowser.uiLanguage = 'it';
    expect(t('lastThanked', 'adesso')).toBe('Ringraziamento inviato adesso');
    for (const key of ['lastThanked', 'lastPromo', 'lastWarned', 'lastHelped'] as const)
      expect(t(key, 'ieri')).not.toMatch(/\b(ringraziat[oa]|avvisat[oa]|assistit[oa])\b/);
  });
});
