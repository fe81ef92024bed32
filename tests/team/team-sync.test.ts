import { describe, expect, test } from 'vitest';
import type { CommentContext } from '../../src/shared/comment-context';
import { OUTREACH_CHANGE_KEY } from '../../src/shared/fan-status';
import { fakeBrowser } from '../unit/fake-browser';
import { fanKeyUnder } from '../../src/background/team/fan-document';
import type { TeamInvite } from '../../src/shared/team-invite';
import type { CouchServer } from './couch-process.mjs';
import {
  eachTestATeamOfTwo,
  logOf,
  memberAuth,
  requestAs,
  reserve,
  sameFan,
  settle,
  type Admin,
} from './team-admins';

let ann: Admin;
let bea: Admin;
let comment: CommentContext;
let couch: CouchServer;
let malInvite: TeamInvite;
eachTestATeamOfTwo((team) => ({ ann, bea, comment, couch, malInvite } = team));

async function markDoNotContact(admin: Admin, on: CommentContext): Promise<void> {
  await admin.pick(on);
  await admin.call({ type: 'fan/do-not-contact', commentId: on.commentId, doNotContact: true });
}

describe('a browser that could not reach the team server', () => {
  test('tells the team its contact once the server answers, and the other admins are then refused', async () => {
    await bea.disconnect();
    const { entry } = await reserve(bea, comment);
    await settle(bea, entry!.id);
    expect((await bea.call({ type: 'team/status' })).teams).toMatchObject([{ pending: 1 }]);

    await bea.reconnect();
    await bea.as(() => fakeBrowser.storage.local.remove(OUTREACH_CHANGE_KEY));
    expect((await bea.call({ type: 'team/sync' })).teams).toMatchObject([{ pending: 0 }]);
    expect(await logOf(bea)).toMatchObject([{ id: entry!.id, status: 'copied', team: 'confirmed' }]);
    // Her open log hears that the entry changed, and patches its row.
    expect(await bea.lastChange()).toMatchObject({ kind: 'entry', entryId: entry!.id });
    const { verdict } = await reserve(ann, sameFan(comment, '999'));
    expect(verdict).toMatchObject({ allowed: false, lastContactBy: 'Bea' });
  });

  test('marks a contact it made over the team’s limits once the team hears of it', async () => {
    await reserve(ann, comment);
    await bea.disconnect();
    const { entry } = await reserve(bea, sameFan(comment, '999'));
    expect(entry).not.toHaveProperty('overTeamLimit');

    await bea.reconnect();
    await bea.call({ type: 'team/sync' });
    expect(await logOf(bea)).toMatchObject([{ id: entry!.id, overTeamLimit: true, team: 'confirmed' }]);
  });

  test('a contact made offline within the team’s limits is not marked', async () => {
    await bea.disconnect();
    const { entry } = await reserve(bea, comment);
    await bea.reconnect();
    await bea.call({ type: 'team/sync' });
    const [logged] = await logOf(bea);
    expect(logged).toMatchObject({ id: entry!.id, team: 'confirmed' });
    expect(logged).not.toHaveProperty('overTeamLimit');
  });

  test('tells the team its “do not contact” mark once the server answers', async () => {
    await bea.disconnect();
    await markDoNotContact(bea, comment);
    await bea.reconnect();
    await bea.call({ type: 'team/sync' });
    const { verdict } = await reserve(ann, sameFan(comment, '999'));
    expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact', lastContactBy: 'Bea' });
  });
});

describe('“do not contact” on a team’s Page', () => {
  test('marked by one admin, it refuses the other admins everything but customer care at once', async () => {
    await markDoNotContact(bea, comment);
    for (const [index, category] of ['thanks', 'promo', 'warning'].entries()) {
      const { verdict } = await reserve(ann, sameFan(comment, `90${index}`), category);
      expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact', lastContactBy: 'Bea' });
    }
    expect((await reserve(ann, sameFan(comment, '909'), 'care')).entry).toMatchObject({
      team: 'confirmed',
    });
  });

  test('marked while a sync of the team runs, it is told as soon as that sync ends, not a minute later', async () => {
    // A sync that has read the outbox for the last time holds the team's lock until it ends.
    let endSync!: () => void;
    const syncing = navigator.locks.request(
      `page-outreach-team:${comment.pageId}`,
      () => new Promise<void>((resolve) => (endSync = resolve)),
    );
    let answered = false;
    const marking = markDoNotContact(bea, comment).then(() => (answered = true));
    // Released once the mark is answered, or waits its turn behind the sync, whichever comes first.
    const waiting = async () => ((await navigator.locks.query()).pending ?? []).length > 0;
    while (!answered && !(await waiting())) await new Promise((resolve) => setImmediate(resolve));
    endSync();
    await syncing;
    await marking;

    const read = (path: string) =>
      requestAs(couch, memberAuth(malInvite), 'GET', `${malInvite.database}/${path}`);
    const { salt } = (await read('team')).body as { salt: string };
    const fan = await read(encodeURIComponent(`fan:${await fanKeyUnder(salt, comment.authorId)}`));
    expect(fan.body).toMatchObject({ marks: [expect.objectContaining({ by: 'Bea' })] });
  });
});
