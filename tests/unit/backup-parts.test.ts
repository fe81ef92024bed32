import { afterEach, describe, expect, test, vi } from 'vitest';
import { exportBackupPart } from '../../src/background/transfer/backup';
import { DATABASE_VERSION } from '../../src/background/storage/migrations';
import type { Backup } from '../../src/shared/backup';
import { fetchBackupText } from '../../src/shared/backup-download';
import { BACKUP_PART_CHARS, splitIntoParts } from '../../src/shared/backup-parts';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { fakeBrowser } from './fake-browser';
import { sampleEntry } from './sample-entry';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

afterEach(() => vi.restoreAllMocks());

describe('cutting a backup into parts that fit in a message', () => {
  test('the parts join back into the text, each at most the part size', () => {
    const text = 'abcdefghij'.repeat(7);
    const parts = splitIntoParts(text, 16);
    expect(parts.join('')).toBe(text);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(16);
  });

  test('an emoji is never cut in two', () => {
    const parts = splitIntoParts('abc😀def', 4);
    expect(parts).toEqual(['abc', '😀de', 'f']);
  });

  test('an empty text is one empty part', () => {
    expect(splitIntoParts('')).toEqual(['']);
  });
});

/** A backup whose text is longer than one part: 5,000 messages of 2,000 characters, some emoji. */
function bigBackup(): Backup {
  const entry = (index: number) =>
    sampleEntry(index, {
      fanName: 'Giulia',
      text: '😀 Grazie! '.padEnd(2000, 'x'),
      createdAt: NOW,
      updatedAt: NOW,
    });
  return {
    format: 'page-outreach/backup',
    version: 1,
    schemaVersion: DATABASE_VERSION,
    exportedAt: new Date(NOW).toISOString(),
    outreach: Array.from({ length: 5000 }, (_, index) => entry(index)),
    fans: [],
    templates: [],
    settings: DEFAULT_POLICY_SETTINGS,
    placeholders: {},
    fanSalt: 'salt',
  };
}

describe('a backup longer than one message', () => {
  test('travels in parts under the message limit that join into the whole file, all of one backup', async () => {
    const backup = bigBackup();
    const first = await exportBackupPart(backup, 0);
    expect(first.parts).toBeGreaterThan(1);
    const rest = await Promise.all(
      Array.from({ length: first.parts - 1 }, (_, index) => exportBackupPart(backup, index + 1)),
    );
    const all = [first, ...rest];
    expect(all.every((part) => part.text.length <= BACKUP_PART_CHARS)).toBe(true);
    expect(new Set(all.map((part) => part.digest)).size).toBe(1);
    expect(JSON.parse(all.map((part) => part.text).join(''))).toEqual(backup);
  });

  test('the page gathers every part into the file', async () => {
    const backup = bigBackup();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { part: number }) => ({
      ok: true,
      data: await exportBackupPart(backup, message.part),
    })) as never);
    const reply = await fetchBackupText(NOW);
    expect(reply.ok && JSON.parse(reply.text)).toEqual(backup);
  });

  test('a log that keeps changing between parts gives a clear error, never a file of two backups', async () => {
    let version = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      version += 1;
      return { ok: true, data: { text: '{}', part: 0, parts: 2, digest: `backup ${version}` } };
    }) as never);
    expect(await fetchBackupText(NOW)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/^The log kept changing/) },
    });
  });
});
