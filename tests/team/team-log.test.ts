import { describe, expect, test } from 'vitest';
import type { CommentContext } from '../../src/shared/comment-context';
import type { OutreachEntry } from '../../src/shared/outreach';
import type { CouchServer } from './couch-process.mjs';
import { anotherFan, logOf, reserve, sameFan, settle, type Admin, eachTestATeamOfTwo } from './team-admins';

let couch: CouchServer;
let ann: Admin;
let bea: Admin;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ couch, ann, bea, comment } = team));

async function thank(admin: Admin, on: CommentContext): Promise<OutreachEntry> {
  const { entry } = await reserve(admin, on);
  await settle(admin, entry!.id);
  return entry!;
}

/** Marco's comment under the same post. */
const sync = (admin: Admin) => admin.call({ type: 'team/sync' });

/** The team's log on the server, as its owner reads it. */
async function serverContacts(pageId: string): Promise<Array<Record<string, unknown>>> {
  const auth = `Basic ${btoa(`${couch.admin.user}:${couch.admin.password}`)}`;
  const url = `${couch.url}/po_${pageId}/_all_docs?include_docs=true&startkey="contact:"&endkey="contact:\ufff0"`;
  const { rows } = (await (await fetch(url, { headers: { Authorization: auth } })).json()) as {
    rows: Array<{ doc: Record<string, unknown> }>;
  };
  return rows.map((row) => row.doc);
}

describe('the team’s shared log', () => {
  test('a contact one admin made shows in the other’s log after a sync, with its author and outcome', async () => {
    const sent = await thank(ann, comment);
    await sync(bea);
    expect(await logOf(bea)).toMatchObject([
      { id: sent.id, author: 'Ann', status: 'copied', fanName: sent.fanName, text: sent.text },
    ]);
  });

  test('the server hears of a send’s outcome when it settles, without waiting for the next sync', async () => {
    const sent = await thank(ann, comment);
    expect(await serverContacts(comment.pageId)).toMatchObject([
      { entryId: sent.id, author: 'Ann', status: 'copied' },
    ]);
    expect((await ann.call({ type: 'team/status' })).teams).toMatchObject([{ pending: 0 }]);
  });

  test('offline, a send is decided on the team’s contacts as last synced', async () => {
    await thank(ann, comment);
    await sync(bea);
    await bea.disconnect();
    const { verdict, teamChecked } = await reserve(bea, sameFan(comment, '999'));
    expect(teamChecked).toBe(false);
    expect(verdict).toMatchObject({ allowed: false, rule: 'thanks-window', lastContactBy: 'Ann' });
  });

  test('offline, a “do not contact” mark another admin made holds after one sync', async () => {
    await ann.pick(comment);
    await ann.call({ type: 'fan/do-not-contact', commentId: comment.commentId, doNotContact: true });
    await sync(bea);
    await bea.disconnect();
    const { verdict } = await reserve(bea, comment);
    expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact', lastContactBy: 'Ann' });
  });

  test('syncing again brings nothing twice', async () => {
    await thank(ann, comment);
    await sync(bea);
    await sync(bea);
    expect(await logOf(bea)).toHaveLength(1);
  });

  test('another admin’s contact is theirs to deliver and settle, not this browser’s', async () => {
    await ann.disconnect();
    const { entry } = await reserve(ann, comment);
    await ann.reconnect();
    await sync(ann);
    await sync(bea);
    const reply = await bea.send({ type: 'outreach/deliver', entryId: entry!.id });
    expect(reply).toMatchObject({ ok: false });
    expect(await logOf(bea)).toMatchObject([{ id: entry!.id, status: 'reserved', author: 'Ann' }]);
  });

  test('leaving the team drops the others’ contacts and keeps one’s own', async () => {
    await thank(ann, comment);
    const own = await thank(bea, anotherFan(comment));
    await sync(bea);
    expect(await logOf(bea)).toHaveLength(2);
    await bea.call({ type: 'team/leave', pageId: comment.pageId });
    expect(await logOf(bea)).toMatchObject([{ id: own.id }]);
  });
});

describe('“Forget this fan” on a team’s Page', () => {
  test('one admin forgets a fan, and the other admin’s copies are stripped too, limits kept', async () => {
    const sent = await thank(ann, comment);
    await sync(bea);
    await bea.call({ type: 'log/forget-fan', pageId: comment.pageId, fanId: comment.authorId });

    const [onServer] = await serverContacts(comment.pageId);
    expect(onServer).toMatchObject({
      entryId: sent.id,
      forgotten: true,
      forgottenBy: 'Bea',
      fanName: '',
      text: '',
      fanId: '',
    });
    // The comment by its key only: with the Page's Graph token, its id would name the fan.
    expect(onServer?.commentId).toMatch(/^[0-9a-f]{64}$/);
    await sync(ann);
    const [kept] = await logOf(ann);
    // Ann's log says who asked the team to forget the fan.
    expect(kept).toMatchObject({
      id: sent.id,
      forgotten: true,
      forgottenBy: 'Bea',
      fanName: '',
      status: 'copied',
    });
    expect(JSON.stringify(await logOf(ann))).not.toContain(comment.authorName);
    const { verdict } = await reserve(ann, sameFan(comment, '999'));
    expect(verdict).toMatchObject({ allowed: false, rule: 'thanks-window' });
  });

  test('forgotten while the server is away, the fan is stripped on the server at the next sync', async () => {
    await thank(ann, comment);
    await sync(bea);
    await bea.disconnect();
    await bea.call({ type: 'log/forget-fan', pageId: comment.pageId, fanId: comment.authorId });
    expect((await serverContacts(comment.pageId))[0]).not.toHaveProperty('forgotten');
    await bea.reconnect();
    await sync(bea);
    expect(await serverContacts(comment.pageId)).toMatchObject([{ forgotten: true, fanName: '' }]);
  });
});
