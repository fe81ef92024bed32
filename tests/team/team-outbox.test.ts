import { describe, expect, test } from 'vitest';
import { DELIVERY_TIMEOUT_MS, runMaintenance } from '../../src/background/maintenance';
import { routeMessage } from '../unit/checked-router';
import type { CommentContext } from '../../src/shared/comment-context';
import { facebookTab, popup } from '../unit/senders';
import { holdingServer } from './stand-in-servers';
import { anotherFan, logOf, reserve, type Admin, eachTestATeamOfTwo } from './team-admins';

let ann: Admin;
let bea: Admin;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ ann, bea, comment } = team));

const HOUR_MS = 60 * 60_000;

const sync = (admin: Admin) => admin.call({ type: 'team/sync' });
const waitingOf = async (admin: Admin) => (await admin.call({ type: 'team/status' })).teams[0]!.pending;

async function markDoNotContact(admin: Admin, on: CommentContext): Promise<void> {
  await admin.pick(on);
  await admin.call({ type: 'fan/do-not-contact', commentId: on.commentId, doNotContact: true });
}

describe('what waits for the team', () => {
  test('the waiting count includes “do not contact” marks and forgotten fans, not only contacts and notes', async () => {
    await bea.disconnect();
    await markDoNotContact(bea, comment);
    const other = anotherFan(comment);
    await bea.pick(other);
    await bea.call({ type: 'fan/forget', commentId: other.commentId });
    expect(await waitingOf(bea)).toBe(2);
  });

  test('once the server takes everything, nothing waits and the last sync is now', async () => {
    await bea.disconnect();
    await markDoNotContact(bea, comment);
    await bea.reconnect();
    const before = Date.now();
    await sync(bea);
    const [team] = (await bea.call({ type: 'team/status' })).teams;
    expect(team).toMatchObject({ pending: 0 });
    expect(team!.lastSyncedAt).toBeGreaterThanOrEqual(before);
  });

  test('a “do not contact” mark saved while a sync is telling the team reaches the team', async () => {
    await bea.disconnect();
    await markDoNotContact(bea, comment);
    const other = anotherFan(comment);
    await bea.pick(other);
    const gate = await holdingServer();
    try {
      await bea.routeThrough(gate.url);
      await bea.as(async () => {
        const syncing = routeMessage({ type: 'team/sync' }, popup, Date.now());
        await gate.firstRequest;
        const marked = { type: 'fan/do-not-contact', commentId: other.commentId, doNotContact: true };
        expect(await routeMessage(marked, popup, Date.now())).toMatchObject({ ok: true });
        gate.release();
        await syncing;
      });
    } finally {
      await gate.close();
    }
    await bea.reconnect();
    await sync(bea);
    await sync(ann);
    const { verdict } = await reserve(ann, other);
    expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact', lastContactBy: 'Bea' });
  });

  test('a send interrupted before delivery reaches the other admins as “unknown”', async () => {
    const { entry } = await reserve(bea, comment);
    expect(entry).toMatchObject({ team: 'confirmed' });
    // The popup closed before delivering: maintenance gives the reservation up as unknown.
    await bea.as(() => runMaintenance(Date.now() + DELIVERY_TIMEOUT_MS + 1));
    await sync(bea);
    await sync(ann);
    expect((await logOf(ann)).find((seen) => seen.id === entry!.id)).toMatchObject({
      status: 'unknown',
      author: 'Bea',
    });
    expect(await waitingOf(bea)).toBe(0);
  });

  test('two syncs and a send at once leave the team with each contact once and nothing waiting', async () => {
    await bea.disconnect();
    // An hour before: the Page's pace between two sends is long past.
    const { entry } = await reserve(bea, comment, 'thanks', Date.now() - HOUR_MS);
    await bea.reconnect();
    const other = anotherFan(comment);
    await bea.as(async () => {
      const picked = await routeMessage({ type: 'target/select', comment: other }, facebookTab, Date.now());
      expect(picked).toMatchObject({ ok: true });
      const replies = await Promise.all([
        routeMessage({ type: 'team/sync' }, popup, Date.now()),
        routeMessage({ type: 'team/sync' }, popup, Date.now()),
        routeMessage(
          {
            type: 'outreach/reserve',
            commentId: other.commentId,
            category: 'thanks',
            templateId: 'default-thanks-1-en',
            text: 'Hi Marco!',
          },
          popup,
          Date.now(),
        ),
      ]);
      expect(replies).toMatchObject([
        { ok: true },
        { ok: true },
        { ok: true, data: { verdict: { allowed: true } } },
      ]);
    });
    await sync(bea);
    await sync(ann);
    expect(await waitingOf(bea)).toBe(0);
    const annSees = await logOf(ann);
    expect(annSees.filter((seen) => seen.id === entry!.id)).toHaveLength(1);
    // The send reserved during the syncs holds for the team: Ann may not thank the same fan again.
    const { verdict } = await reserve(ann, other);
    expect(verdict).toMatchObject({ allowed: false, lastContactBy: 'Bea' });
  });
});
