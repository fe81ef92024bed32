import { byPostOf } from '../../src/shared/post-sightings';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { exportBackup } from '../../src/background/transfer/backup';
import { DATABASE_VERSION } from '../../src/background/storage/migrations';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { BackupSchema, type Backup } from '../../src/shared/backup';
import { BACKUP_PART_CHARS } from '../../src/shared/backup-parts';
import { uploadAndRestoreBackup } from '../../src/shared/backup-upload';
import type { ImportMode } from '../../src/shared/export-document';
import type { MessageType, ReplyOf } from '../../src/shared/messages';
import { MAX_LOG_ENTRIES } from '../../src/shared/outreach';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { giuliaComment } from './sample-comment';
import { sampleEntry } from './sample-entry';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

async function call<K extends MessageType>(message: { type: K } & Record<string, unknown>, now = NOW) {
  const reply = await routeMessage(message, popup, now);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<K>;
}

/**
 * A browser that has been used: a message sent, a private reply seen, a fan noted, a triage corrected, settings,
 * placeholders and a Page's language saved.
 */
async function useTheExtension(): Promise<void> {
  await call({ type: 'settings/set', settings: { ...DEFAULT_POLICY_SETTINGS, fanWindowDays: 10 } });
  await call({ type: 'placeholders/set', placeholders: { discount_code: 'WELCOME10' } });
  await call({ type: 'page/language', pageId: giuliaComment.pageId, language: 'it' });
  await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
  const { entry } = await call({
    type: 'outreach/reserve',
    commentId: giuliaComment.commentId,
    category: 'warning',
    templateId: 'default-warning-1-en',
    text: 'Please keep it kind.',
  });
  await call({ type: 'outreach/deliver', entryId: entry!.id });
  await call({ type: 'outreach/confirm', entryId: entry!.id, outcome: 'copied' });
  await call({ type: 'fan/notes', commentId: giuliaComment.commentId, notes: 'Second time this week' });
  await call({ type: 'triage/reset' }, NOW - DAY_MS);
  await call({ type: 'triage/learn-from-team', learnFromTeam: true });
  await call({ type: 'triage/correct', commentId: giuliaComment.commentId, label: 'praise' });
  await seeAnswered('458');
  await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
  await seeComments();
}

/** Giulia's and Marco's comments seen on the post, for "did they come back?". */
async function seeComments(): Promise<void> {
  const sightings = [
    { fanId: giuliaComment.authorId, commentId: giuliaComment.commentId, ageMs: DAY_MS },
    { fanId: 'marco.bianchi', commentId: '777' },
  ].map((seen) => ({ ...seen, pageId: giuliaComment.pageId, postUrl: giuliaComment.postUrl }));
  const reply = await routeMessage(
    { type: 'sightings/record', posts: byPostOf(sightings) },
    facebookTab,
    NOW,
  );
  if (!reply.ok) throw new Error(reply.error.message);
}

/** The admin picks Giulia's comment `commentId`, under which Facebook notes the Page responded privately. */
async function seeAnswered(commentId: string): Promise<void> {
  const answered = {
    ...giuliaComment,
    commentId,
    graphCommentId: `123_${commentId}`,
    answeredPrivately: true,
  };
  await routeMessage({ type: 'target/select', comment: answered }, facebookTab, NOW);
}

/** Giulia comments again the next day: her warning still holds her, and still counts as a strike. */
async function expectGiuliaStillHeld(): Promise<void> {
  await routeMessage(
    { type: 'target/select', comment: { ...giuliaComment, commentId: '999', graphCommentId: '123_999' } },
    facebookTab,
    NOW,
  );
  const { verdicts, strikes } = await call({ type: 'popup/open' }, NOW + DAY_MS);
  expect(verdicts!.thanks).toMatchObject({ allowed: false, rule: 'warning-cooldown' });
  expect(strikes).toBe(1);
}

/** The backup as the log page saves it: every part of its text, joined and parsed. */
async function backUp(): Promise<{ document: Backup }> {
  let text = '';
  let parts = 1;
  for (let part = 0; part < parts; part += 1) {
    const reply = await call({ type: 'backup/export', part, exportedAt: NOW });
    text += reply.text;
    parts = reply.parts;
  }
  return { document: JSON.parse(text) as Backup };
}

/** Restores a file as the log page does: its text uploaded in parts, then restored as one file. */
async function restore(
  document: unknown,
  mode: ImportMode,
  { text = JSON.stringify(document), partChars = BACKUP_PART_CHARS } = {},
) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) =>
    routeMessage(message, popup, NOW)) as never);
  return uploadAndRestoreBackup(text, mode, partChars);
}

async function restored(document: unknown, mode: ImportMode, options?: { partChars: number }) {
  const reply = await restore(document, mode, options);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
}

const uploadsLeft = () => withDatabase((db) => db.count('uploads'));

const withoutTime = ({ exportedAt, ...rest }: Backup) => rest;

beforeEach(freshIndexedDB);
afterEach(() => vi.restoreAllMocks());

describe('backup and restore of everything', () => {
  test('a backup restored into a new browser reproduces every store exactly', async () => {
    await useTheExtension();
    const { document } = await backUp();
    expect(document).toMatchObject({
      format: 'page-outreach/backup',
      version: 1,
      schemaVersion: DATABASE_VERSION,
    });
    expect(document.outreach).toHaveLength(1);
    expect(document.pageLanguages).toEqual({ [giuliaComment.pageId]: 'it' });
    expect(document.triageLearning).toEqual({ resetAt: NOW - DAY_MS, learnFromTeam: true });
    expect(document.fans[0]?.corrections).toMatchObject([
      { commentId: giuliaComment.commentId, label: 'praise' },
    ]);
    expect(document.sightings).toHaveLength(2);

    freshIndexedDB();
    expect(await restored(document, 'replace')).toEqual({ entries: 1 });
    expect(withoutTime((await backUp()).document)).toEqual(withoutTime(document));
  });

  test('a forgotten fan’s limits still hold after a restore into a new browser', async () => {
    await useTheExtension();
    await call({ type: 'fan/forget', commentId: giuliaComment.commentId });
    const { document } = await backUp();

    freshIndexedDB();
    await restored(document, 'replace');
    await expectGiuliaStillHeld();
  });

  test('merging a backup from another browser that holds forgotten fans is refused, says why, and changes nothing', async () => {
    await useTheExtension();
    await call({ type: 'fan/forget', commentId: giuliaComment.commentId });
    const { document } = await backUp();

    freshIndexedDB();
    const before = withoutTime((await backUp()).document);
    expect(await restore(document, 'merge')).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        message: expect.stringMatching(/another browser and holds forgotten fans/),
      },
    });
    expect(withoutTime((await backUp()).document)).toEqual(before);
  });

  for (const mode of ['replace', 'merge'] as const) {
    test(`a backup from before a fan was forgotten brings back nothing of them (${mode}), and their limits hold`, async () => {
      await useTheExtension();
      const { document: older } = await backUp();
      await call({ type: 'fan/forget', commentId: giuliaComment.commentId });

      await restored(older, mode);
      const { document: now } = await backUp();
      expect(JSON.stringify([now.outreach, now.fans])).not.toMatch(
        /Giulia|giulia\.rossi|keep it kind|Second time/,
      );
      // Her comments seen stay gone too; Marco's are back.
      expect(now.sightings).toEqual([expect.objectContaining({ timeFrom: 'seen' })]);
      await expectGiuliaStillHeld();
    });
  }

  test('merging this browser’s backup keeps each comment seen once, taking Facebook’s time where only the backup has it', async () => {
    await useTheExtension();
    const { document } = await backUp();
    const timed = document.sightings!.map((sighting) =>
      sighting.timeFrom === 'seen'
        ? { ...sighting, at: NOW - HOUR_MS, timeFrom: 'facebook' as const }
        : sighting,
    );

    await restored({ ...document, sightings: timed }, 'merge');
    const { document: merged } = await backUp();
    const byComment = (a: { commentKey: string }, b: { commentKey: string }) =>
      a.commentKey.localeCompare(b.commentKey);
    expect(merged.sightings!.sort(byComment)).toEqual(timed.sort(byComment));
  });

  test('merging another browser’s backup leaves out its comments seen, which are keyed for that browser', async () => {
    await useTheExtension();
    const { document } = await backUp();

    freshIndexedDB();
    await restored(document, 'merge');
    const { document: merged } = await backUp();
    expect(merged.outreach).toHaveLength(1);
    expect(merged.sightings).toEqual([]);
  });

  test('a merge keeps the private replies seen in either copy of a fan', async () => {
    await seeAnswered('458');
    const { document: older } = await backUp();
    await seeAnswered('459');

    await restored(older, 'merge');
    const { document: after } = await backUp();
    expect(after.fans[0]!.answered!.map((reply) => reply.commentId).sort()).toEqual(['458', '459']);
  });

  test('a private reply seen before a fan was forgotten still holds them after restoring a backup from before', async () => {
    await seeAnswered('458');
    const { document: older } = await backUp();
    await call({ type: 'fan/forget', commentId: '458' });

    await restored(older, 'replace');
    const { document: after } = await backUp();
    expect(JSON.stringify(after.fans)).not.toMatch(/Giulia|"458"/);
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    const { verdicts } = await call({ type: 'popup/open' }, NOW + DAY_MS);
    expect(verdicts!.thanks).toMatchObject({ allowed: false, rule: 'fan-window', lastContactAt: NOW });
  });

  test('merging never puts an older copy of an entry over a newer one', async () => {
    await call({ type: 'settings/set', settings: DEFAULT_POLICY_SETTINGS });
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    const { entry } = await call({
      type: 'outreach/reserve',
      commentId: giuliaComment.commentId,
      category: 'thanks',
      templateId: 'default-thanks-1-en',
      text: 'Thanks!',
    });
    await call({ type: 'outreach/deliver', entryId: entry!.id }, NOW + 1);
    const { document: older } = await backUp();
    await call({ type: 'outreach/confirm', entryId: entry!.id, outcome: 'copied' }, NOW + 2);

    await restored(older, 'merge');
    const { document: after } = await backUp();
    expect(after.outreach).toMatchObject([{ id: entry!.id, status: 'copied', updatedAt: NOW + 2 }]);
  });

  test('a file with mistakes is refused whole, naming each offending path, and changes nothing', async () => {
    await useTheExtension();
    const { document } = await backUp();
    const before = withoutTime(document);
    const broken = {
      ...document,
      outreach: [{ ...document.outreach[0]!, status: 'delivered' }],
      fanSalt: '',
    };
    expect(await restore(broken, 'replace')).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'This file cannot be imported: check outreach.0.status, fanSalt. Nothing was changed.',
      },
    });
    expect(withoutTime((await backUp()).document)).toEqual(before);
  });

  test('a templates-and-settings file given as a backup is named as such, with where to import it', async () => {
    await useTheExtension();
    const before = withoutTime((await backUp()).document);
    const { document: templatesFile } = await call({ type: 'templates/export' });
    expect(await restore(templatesFile, 'replace')).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'This is a templates-and-settings file, not a backup. Import it under “Import and export” in Settings. Nothing was changed.',
      },
    });
    expect(withoutTime((await backUp()).document)).toEqual(before);
  });

  test('a backup given as a templates file is named as such, with where to restore it', async () => {
    await useTheExtension();
    const { document } = await backUp();
    const reply = await routeMessage({ type: 'templates/import', document, mode: 'merge' }, popup, NOW);
    expect(reply).toMatchObject({
      ok: false,
      error: {
        message:
          'This is a full backup, not a templates-and-settings file. Restore it under “Backup” in Settings. Nothing was changed.',
      },
    });
  });

  test('merging a backup that answers an already answered comment is refused, and changes nothing', async () => {
    await useTheExtension();
    const { document } = await backUp();
    const rival = { ...document.outreach[0]!, id: crypto.randomUUID() };
    const before = withoutTime(document);
    const reply = await restore({ ...document, outreach: [rival] }, 'merge');
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^This backup cannot be merged/) },
    });
    expect(withoutTime((await backUp()).document)).toEqual(before);
  });

  test('a backup from a newer version of the extension is refused', async () => {
    const { document } = await backUp();
    const reply = await restore({ ...document, schemaVersion: 99 }, 'merge');
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/newer version/) } });
  });

  test('a file larger than one message is restored from its parts, which are then gone', async () => {
    await useTheExtension();
    const { document } = await backUp();
    const partChars = Math.ceil(JSON.stringify(document).length / 5);

    freshIndexedDB();
    expect(await restored(document, 'replace', { partChars })).toEqual({ entries: 1 });
    expect(withoutTime((await backUp()).document)).toEqual(withoutTime(document));
    expect(await uploadsLeft()).toBe(0);
  });

  test('a file of which a part never arrived is refused, changes nothing, and its parts are gone', async () => {
    await useTheExtension();
    const before = withoutTime((await backUp()).document);
    const uploadId = crypto.randomUUID();
    await call({ type: 'backup/upload', uploadId, part: 0, text: '{"format":' });
    await call({ type: 'backup/upload', uploadId, part: 2, text: '}' });
    expect(
      await routeMessage({ type: 'backup/restore', uploadId, parts: 3, mode: 'replace' }, popup, NOW),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'Part of the file did not reach the extension, so nothing was changed. Choose the file again.',
      },
    });
    expect(withoutTime((await backUp()).document)).toEqual(before);
    expect(await uploadsLeft()).toBe(0);
  });

  test('a file that is not JSON is refused with a clear error, and changes nothing', async () => {
    await useTheExtension();
    const before = withoutTime((await backUp()).document);
    expect(await restore(null, 'replace', { text: '{"format": "page-outreach/backup", ' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'This file is not a Page Outreach backup: it is not JSON. Nothing was changed.',
      },
    });
    expect(withoutTime((await backUp()).document)).toEqual(before);
    expect(await uploadsLeft()).toBe(0);
  });

  test('a content script can neither back up nor restore', async () => {
    for (const message of [
      { type: 'backup/export', part: 0, exportedAt: NOW },
      { type: 'backup/upload', uploadId: crypto.randomUUID(), part: 0, text: '{}' },
      { type: 'backup/restore', uploadId: crypto.randomUUID(), parts: 1, mode: 'replace' },
    ]) {
      expect(await routeMessage(message, facebookTab, NOW)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});

describe('a backup of a log of any size the settings allow', () => {
  test('a backup that would not restore is refused before it is written, naming what in it would be', async () => {
    await useTheExtension();
    // Data a backup cannot keep, as a teammate's note written before notes were bounded left it.
    await withDatabase((db) =>
      db.put('fans', {
        pageId: 'acme',
        fanId: 'long',
        name: 'x'.repeat(2001),
        doNotContact: false,
        updatedAt: NOW,
      }),
    );
    const reply = await routeMessage({ type: 'backup/export', part: 0, exportedAt: NOW }, popup, NOW);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!reply.ok && reply.error.message).toContain('fans.');
  });

  test('import accepts as many entries as the log keeps', () => {
    const entry = (index: number) => sampleEntry(index, { createdAt: NOW, updatedAt: NOW });
    const full = Array.from({ length: MAX_LOG_ENTRIES }, (_, index) => entry(index));
    expect(BackupSchema.shape.outreach.safeParse(full).success).toBe(true);
    expect(BackupSchema.shape.outreach.safeParse([...full, entry(MAX_LOG_ENTRIES)]).success).toBe(false);
  });

  test('a log over its size limit exports its newest entries, as a file import accepts', async () => {
    const ids: string[] = [];
    for (let day = 0; day < 3; day += 1) {
      const comment = { ...giuliaComment, commentId: `${day}`, graphCommentId: `123_${day}` };
      await routeMessage({ type: 'target/select', comment }, facebookTab, NOW + day * DAY_MS);
      const reserve = { commentId: `${day}`, category: 'care', templateId: 'default-care-1-en', text: 'Hi' };
      const { entry } = await call({ type: 'outreach/reserve', ...reserve }, NOW + day * DAY_MS);
      ids.push(entry!.id);
    }
    const document = await withDatabase((db) => exportBackup(db, NOW, 2));
    expect(document.outreach.map((entry) => entry.id).sort()).toEqual(ids.slice(1).sort());
  });
});
