import { describe, expect, test } from 'vitest';
import type { CommentContext } from '../../src/shared/comment-context';
import { type Admin, eachTestATeamOfTwo } from './team-admins';

let ann: Admin;
let bea: Admin;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ ann, bea, comment } = team));

const sync = (admin: Admin) => admin.call({ type: 'team/sync' });

/** The admin writes their note about the comment's author in the popup, at `now`. */
async function writeNote(admin: Admin, notes: string, now = Date.now()) {
  await admin.pick(comment, now);
  return admin.call({ type: 'fan/notes', commentId: comment.commentId, notes }, now);
}

/** The note the admin's popup shows about the comment's author. */
async function noteSeenBy(admin: Admin): Promise<string> {
  await admin.pick(comment);
  return (await admin.call({ type: 'popup/open' })).notes;
}

describe('the team’s notes about a fan', () => {
  test('a note one admin writes is the other admin’s note about the fan once they sync', async () => {
    await writeNote(ann, 'Won the mug in May; prefers Italian');
    await sync(bea);
    expect(await noteSeenBy(bea)).toBe('Won the mug in May; prefers Italian');
  });

  test('of two notes written before either synced, the later one is both admins’ note', async () => {
    const now = Date.now();
    await ann.disconnect();
    await writeNote(ann, 'Ann’s note', now - 60_000);
    await writeNote(bea, 'Bea’s later note', now);
    await ann.reconnect();
    await sync(ann);
    await sync(bea);
    expect(await noteSeenBy(ann)).toBe('Bea’s later note');
    expect(await noteSeenBy(bea)).toBe('Bea’s later note');
  });

  test('a note written while the server is away reaches the team at the next sync', async () => {
    await ann.disconnect();
    await writeNote(ann, 'Called about the refund');
    await sync(bea);
    expect(await noteSeenBy(bea)).toBe('');
    await ann.reconnect();
    await sync(ann);
    await sync(bea);
    expect(await noteSeenBy(bea)).toBe('Called about the refund');
  });

  test('a note one admin empties is emptied for the other', async () => {
    const now = Date.now();
    await writeNote(ann, 'Asked for a discount', now - 1_000);
    await sync(bea);
    expect(await noteSeenBy(bea)).toBe('Asked for a discount');
    await writeNote(ann, '', now);
    await sync(bea);
    expect(await noteSeenBy(bea)).toBe('');
  });

  test('forgetting a fan empties the team’s note, and the other admin forgets it too', async () => {
    await writeNote(ann, 'Lives in Turin');
    await sync(bea);
    await bea.call({ type: 'log/forget-fan', pageId: comment.pageId, fanId: comment.authorId });
    await sync(ann);
    expect(await noteSeenBy(ann)).toBe('');
  });

  test('a note written by an admin who had not heard of the forget never brings it back', async () => {
    const now = Date.now();
    await writeNote(ann, 'Lives in Turin', now - 2_000);
    await sync(bea);
    await ann.disconnect();
    await bea.call({ type: 'log/forget-fan', pageId: comment.pageId, fanId: comment.authorId }, now - 1_000);
    await writeNote(ann, 'Lives in Turin, near the station', now);
    await ann.reconnect();
    await sync(ann);
    await sync(bea);
    expect(await noteSeenBy(ann)).toBe('');
    expect(await noteSeenBy(bea)).toBe('');
    expect((await ann.call({ type: 'team/status' })).teams[0]).toMatchObject({ pending: 0 });
  });
});
