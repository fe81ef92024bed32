import { beforeEach, describe, expect, test } from 'vitest';
import { withDatabase } from '../../src/background/storage/database';
import { rememberPrivateReply, setDoNotContact, setFanNotes } from '../../src/background/fans/fan-store';
import { forgetFan } from '../../src/background/fans/forgotten-fans';
import { FORGOTTEN_PREFIX } from '../../src/background/fans/salted-keys';
import { checkOutreach } from '../../src/background/outreach/history';
import { fanStatuses } from '../../src/background/outreach/statuses';
import { listOutreach } from '../../src/background/outreach/log';
import { reserveOutreach, type NewEntry } from '../../src/background/outreach/reserve';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { DAY_MS } from '../../src/shared/time';
import { freshIndexedDB } from './indexeddb';
import { deliverAndSettle } from './settle';

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
const settings = { ...DEFAULT_POLICY_SETTINGS, paceSeconds: 0 };
const giulia = { pageId: 'acmecoffee', fanId: 'giulia.rossi.77' };

function draft(overrides: Partial<NewEntry> = {}): NewEntry {
  return {
    ...giulia,
    pageName: 'Acme Coffee',
    fanName: 'Giulia Rossi',
    fanUrl: 'https://www.facebook.com/giulia.rossi.77',
    commentId: '456',
    postUrl: 'https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf',
    commentExcerpt: 'The hazelnut one',
    category: 'warning',
    templateId: 'default-warning-1-en',
    templateTitle: 'Friendly warning',
    text: 'Hi Giulia, please keep it kind.',
    ...overrides,
  };
}

async function sendAndConfirm(entry: NewEntry, now: number, overrideReason?: string) {
  await withDatabase(async (db) => {
    const reserved = await reserveOutreach(db, entry, settings, now, { overrideReason });
    await deliverAndSettle(db, reserved.entry!.id, 'copied', now);
  });
}

/** How many tombstones forgetting left. */
const forget = async (fan = giulia, now = T + DAY_MS) =>
  (await withDatabase((db) => forgetFan(db, fan, now))).tombstones;
const log = () => withDatabase((db) => listOutreach(db));

beforeEach(freshIndexedDB);

describe('forgetting a fan', () => {
  test('leaves tombstones with only Page, category, time and status: no name, profile, comment or text', async () => {
    await sendAndConfirm(draft({ commentPostedAt: T - DAY_MS }), T);
    await sendAndConfirm(
      draft({ commentId: '457', category: 'care', text: 'Hi Giulia, about your order' }),
      T + 1,
    );
    expect(await forget()).toBe(2);

    const entries = await log();
    expect(entries).toHaveLength(2);
    // Random ids and salted aliases aside, no field holds anything the fan wrote or was sent.
    const readable = JSON.stringify(entries.map(({ id, fanId, commentId, commentSlot, ...rest }) => rest));
    for (const personal of ['giulia', 'Giulia', 'hazelnut', '456', '457', 'order']) {
      expect(readable).not.toContain(personal);
    }
    for (const entry of entries) {
      expect([entry.fanId, entry.commentId, entry.commentSlot]).not.toContain('456');
      expect(entry.commentId.startsWith(FORGOTTEN_PREFIX)).toBe(true);
    }
    expect(
      entries.map(({ pageId, category, createdAt, status, forgotten }) => ({
        pageId,
        category,
        createdAt,
        status,
        forgotten,
      })),
    ).toEqual([
      { pageId: 'acmecoffee', category: 'care', createdAt: T + 1, status: 'copied', forgotten: true },
      { pageId: 'acmecoffee', category: 'warning', createdAt: T, status: 'copied', forgotten: true },
    ]);
    expect(entries.every((entry) => entry.fanId.startsWith(FORGOTTEN_PREFIX))).toBe(true);
    expect(entries.some((entry) => 'commentPostedAt' in entry)).toBe(false);
  });

  test('leaves nothing of a text the admin edited in Facebook’s box', async () => {
    await withDatabase(async (db) => {
      const reserved = await reserveOutreach(db, draft(), settings, T);
      await deliverAndSettle(db, reserved.entry!.id, 'sent', T, { sentText: 'Hi Giulia, see you Friday' });
    });
    await forget();
    expect((await log()).some((entry) => 'sentText' in entry)).toBe(false);
  });

  test('keeps the limits: the same fan commenting again is still held by their past messages', async () => {
    await sendAndConfirm(draft(), T);
    await forget();
    const { verdicts, strikes } = await withDatabase((db) =>
      checkOutreach(db, { ...giulia, commentId: '999' }, settings, T + 2 * DAY_MS),
    );
    expect(verdicts.thanks).toMatchObject({
      allowed: false,
      rule: 'warning-cooldown',
      eligibleAt: T + 14 * DAY_MS,
    });
    expect(strikes).toBe(1);
  });

  test('keeps one private message per comment on the comments already answered', async () => {
    await sendAndConfirm(draft(), T);
    await forget();
    const { verdicts } = await withDatabase((db) =>
      checkOutreach(db, { ...giulia, commentId: '456' }, settings, T + 100 * DAY_MS),
    );
    expect(verdicts.care).toMatchObject({ allowed: false, rule: 'one-per-comment' });
  });

  test('keeps a private reply Facebook noted under their comment: the fan is held, the comment answered', async () => {
    const fan = { ...giulia, name: 'Giulia Rossi' };
    await withDatabase((db) => rememberPrivateReply(db, fan, { commentId: '456' }, T));
    await forget();
    const check = (commentId: string) =>
      withDatabase((db) => checkOutreach(db, { ...giulia, commentId }, settings, T + 2 * DAY_MS));
    expect((await check('999')).verdicts.thanks).toMatchObject({ allowed: false, rule: 'fan-window' });
    expect((await check('456')).verdicts.care).toMatchObject({ allowed: false, rule: 'one-per-comment' });
    expect(JSON.stringify(await withDatabase((db) => db.getAll('fans')))).not.toMatch(/Giulia|"456"/);
  });

  test('drops the reason typed for an override, which may name the fan', async () => {
    await sendAndConfirm(draft({ category: 'thanks' }), T);
    await sendAndConfirm(draft({ commentId: '457', category: 'thanks' }), T + 1, 'Giulia asked twice');
    await forget();
    expect((await log())[0]!.override).toEqual({ rule: 'thanks-window', reason: '' });
  });

  test('keeps "do not contact", without the name', async () => {
    await withDatabase((db) => setDoNotContact(db, { ...giulia, name: 'Giulia Rossi' }, true, T));
    await forget();
    const [status] = await withDatabase((db) => fanStatuses(db, [giulia], settings, T + 2 * DAY_MS));
    expect(status).toMatchObject({ doNotContact: true });
    const stored = await withDatabase((db) => db.getAll('fans'));
    expect(JSON.stringify(stored)).not.toContain('Giulia');
  });

  test('keeps "do not contact" when the admin saves a note about the fan commenting again', async () => {
    await withDatabase((db) => setDoNotContact(db, { ...giulia, name: 'Giulia Rossi' }, true, T));
    await forget();
    await withDatabase((db) => setFanNotes(db, { ...giulia, name: 'Giulia Rossi' }, 'Back again', T + 2));
    const { verdicts, doNotContact } = await withDatabase((db) =>
      checkOutreach(db, { ...giulia, commentId: '999' }, settings, T + 3),
    );
    expect(doNotContact).toBe(true);
    expect(verdicts.thanks).toMatchObject({ allowed: false, rule: 'do-not-contact' });
    const [status] = await withDatabase((db) => fanStatuses(db, [giulia], settings, T + 3));
    expect(status).toMatchObject({ doNotContact: true });
  });

  test('lifting "do not contact" from a forgotten fan who comments again lifts it for good', async () => {
    await withDatabase((db) => setDoNotContact(db, { ...giulia, name: 'Giulia Rossi' }, true, T));
    await forget();
    await withDatabase((db) => setDoNotContact(db, { ...giulia, name: 'Giulia Rossi' }, false, T + 2));
    const { doNotContact } = await withDatabase((db) =>
      checkOutreach(db, { ...giulia, commentId: '999' }, settings, T + 3),
    );
    expect(doNotContact).toBe(false);
  });

  test('shows the forgotten fan’s status beside their new comments as before', async () => {
    await sendAndConfirm(draft(), T);
    const [before] = await withDatabase((db) => fanStatuses(db, [giulia], settings, T + DAY_MS));
    await forget();
    const [after] = await withDatabase((db) => fanStatuses(db, [giulia], settings, T + DAY_MS));
    expect(after).toEqual(before);
  });

  test('gives the same statuses whether the Page’s history is read whole or fan by fan', async () => {
    await sendAndConfirm(draft(), T);
    await sendAndConfirm(draft({ commentId: '457', category: 'care' }), T + 1);
    await forget();
    const marco = { pageId: 'acmecoffee', fanId: 'marco.b' };
    await sendAndConfirm(draft({ ...marco, fanName: 'Marco Bianchi', commentId: '500' }), T + 2);
    const sara = { pageId: 'acmecoffee', fanId: 'sara.n' };
    await withDatabase((db) => setDoNotContact(db, { ...sara, name: 'Sara Neri' }, true, T));
    const fans = [giulia, marco, sara, { pageId: 'acmecoffee', fanId: 'never.messaged' }];
    const statuses = (wholeWindowMax?: number) =>
      withDatabase((db) => fanStatuses(db, fans, settings, T + DAY_MS, wholeWindowMax));
    const whole = await statuses();
    expect(whole.map((status) => status.fanId)).toEqual(['giulia.rossi.77', 'marco.b', 'sara.n']);
    expect(await statuses(0)).toEqual(whole);
  });

  test('touches no other fan', async () => {
    await sendAndConfirm(draft(), T);
    await sendAndConfirm(draft({ fanId: 'marco.b', fanName: 'Marco Bianchi', commentId: '500' }), T);
    await forget();
    expect((await log()).filter((entry) => !entry.forgotten)).toMatchObject([{ fanName: 'Marco Bianchi' }]);
  });

  test('the same fan on another Page is another fan, and is not held', async () => {
    await sendAndConfirm(draft(), T);
    await forget();
    const { verdicts } = await withDatabase((db) =>
      checkOutreach(db, { pageId: 'otherpage', fanId: giulia.fanId, commentId: '999' }, settings, T + DAY_MS),
    );
    expect(verdicts.thanks).toEqual({ allowed: true });
  });

  test('forgetting twice changes nothing more', async () => {
    await sendAndConfirm(draft(), T);
    await forget();
    const once = await log();
    expect(await forget()).toBe(0);
    expect(await log()).toEqual(once);
  });
});
