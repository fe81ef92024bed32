import { describe, expect, test } from 'vitest';
import type { CommentContext } from '../../src/shared/comment-context';
import { OUTREACH_CHANGE_KEY } from '../../src/shared/fan-status';
import { fakeBrowser } from '../unit/fake-browser';
import { logOf, reserve, sameFan, settle, type Admin, eachTestATeamOfTwo } from './team-admins';

let ann: Admin;
let bea: Admin;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ ann, bea, comment } = team));

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
});
