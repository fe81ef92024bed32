import { afterEach, describe, expect, test } from 'vitest';
import { SYNC_STALLED_AFTER_MS, teamSyncText } from '../../src/shared/team-sync-text';
import { fakeBrowser } from './fake-browser';

const NOW = Date.UTC(2026, 11, 5, 14, 30);

afterEach(() => fakeBrowser.reset());

describe('how the team sync stands, as the popup and the options page say it', () => {
  test('a sync a minute ago reads as the last sync and what waits', () => {
    expect(teamSyncText({ lastSyncedAt: NOW - 60_000, pending: 2 }, NOW)).toMatch(
      /^Last synced .+; 2 waiting to be told\.$/,
    );
  });

  test('no sync completed for longer than a few minutes is told as a stall, with what to check', () => {
    const text = teamSyncText({ lastSyncedAt: NOW - SYNC_STALLED_AFTER_MS - 1, pending: 2 }, NOW);
    expect(text).toMatch(/^Not synced with the team since .+; 2 waiting to be told\. Check this computer’s/);
  });

  test('the stall is told in the admin’s language', () => {
    fakeBrowser.uiLanguage = 'it';
    const text = teamSyncText({ lastSyncedAt: NOW - SYNC_STALLED_AFTER_MS - 1, pending: 0 }, NOW);
    expect(text).toMatch(/^Nessuna sincronizzazione con il team dal .+; 0 in attesa/);
  });

  test('before the first sync it says so', () => {
    expect(teamSyncText({ lastSyncedAt: null, pending: 1 }, NOW)).toBe(
      'Not synced yet; 1 waiting to be told.',
    );
  });
});
