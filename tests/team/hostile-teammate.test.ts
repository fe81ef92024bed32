/**
 * A third member of the team, Mal, talks to the server directly with her own credentials, and the
 * server's admin injects what only an admin or a cluster can (a conflicting branch). None of it may
 * lift a mark, hide a contact, or let a send through that the team's limits refuse (review S14–S16).
 */
import { describe, expect, test } from 'vitest';
import { fanKeyUnder } from '../../src/background/team/fan-document';
import type { CommentContext } from '../../src/shared/comment-context';
import type { TeamInvite } from '../../src/shared/team-invite';
import type { CouchServer } from './couch-process.mjs';
import { acceptingProxy } from './stand-in-servers';
import {
  eachTestATeamOfTwo,
  logOf,
  memberAuth,
  reserve,
  sameFan,
  settle,
  type Admin,
  requestAs,
  serverAdmin,
  serverAdminAuth,
} from './team-admins';

let couch: CouchServer;
let ann: Admin;
let bea: Admin;
let malInvite: TeamInvite;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ couch, ann, bea, malInvite, comment } = team));

const HOUR_MS = 60 * 60_000;
type Doc = Record<string, unknown> & { _id: string; _rev?: string };

const request = (authorization: string, method: string, path: string, body?: unknown) =>
  requestAs(couch, authorization, method, `${malInvite.database}/${path}`, body);
const asMal = (method: string, path: string, body?: unknown) =>
  request(memberAuth(malInvite), method, path, body);
const asServerAdmin = (method: string, path: string, body?: unknown) =>
  request(serverAdminAuth(couch), method, path, body);

/** The fan's document id, under the team's salt as any member reads it. */
async function fanDocumentId(): Promise<string> {
  const team = (await asMal('GET', 'team')).body as { salt: string };
  return `fan:${await fanKeyUnder(team.salt, comment.authorId)}`;
}
async function fanDocument(): Promise<Doc> {
  return (await asMal('GET', encodeURIComponent(await fanDocumentId()))).body as Doc;
}
const writeFanDocument = async (doc: Doc) => asMal('PUT', encodeURIComponent(doc._id), doc);

async function markDoNotContact(admin: Admin, on: CommentContext, doNotContact = true, now = Date.now()) {
  await admin.pick(on, now);
  await admin.call({ type: 'fan/do-not-contact', commentId: on.commentId, doNotContact }, now);
}

describe('a hostile teammate and “do not contact”', () => {
  test('Mal cannot erase Ann’s mark: her write is refused, and Bea is still refused the fan', async () => {
    await markDoNotContact(ann, comment);
    const doc = await fanDocument();
    expect((await writeFanDocument({ ...doc, marks: [] })).status).toBe(403);
    const { verdict, entry } = await reserve(bea, comment);
    expect(entry).toBeNull();
    expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact' });
  });

  test('Mal cannot freeze the fan with a far-future decision, nor sign one in Ann’s name', async () => {
    const doc = await fanDocument();
    const future = { id: 'frozen', by: malInvite.user, at: 9e15 };
    expect(
      (
        await writeFanDocument({
          ...doc,
          _id: await fanDocumentId(),
          type: 'fan',
          schema: 2,
          marks: [future],
        })
      ).status,
    ).toBe(403);
    const forged = { id: 'forged', by: 'Ann', at: Date.now() };
    const fanKey = (await fanDocumentId()).slice('fan:'.length);
    const fresh = {
      _id: `fan:${fanKey}`,
      type: 'fan',
      schema: 2,
      fanKey,
      recent: [],
      marks: [forged],
      lifts: [],
    };
    expect((await writeFanDocument(fresh)).status).toBe(403);
  });

  test('a mark made after a lift, by an admin whose clock runs an hour behind, still stands', async () => {
    await markDoNotContact(bea, comment);
    await markDoNotContact(bea, comment, false);
    // Ann's clock is an hour behind Bea's: by the clocks, her mark comes before Bea's lift.
    await markDoNotContact(ann, comment, true, Date.now() - HOUR_MS);
    const { verdict } = await reserve(bea, sameFan(comment, '555'));
    expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact' });
  });

  test('a lift by an admin whose clock runs an hour ahead lifts only the marks they saw', async () => {
    await markDoNotContact(ann, comment);
    const doc = await fanDocument();
    // Bea saw no mark yet when she lifted, an hour ahead by her clock: Ann's mark is untouched.
    const lift = { id: 'early', by: 'Bea', at: Date.now(), of: ['a-mark-she-saw'] };
    expect(doc.marks).toHaveLength(1);
    const written = await request(memberAuth(await bea.account()), 'PUT', encodeURIComponent(doc._id), {
      ...doc,
      lifts: [lift],
    });
    expect(written.status).toBe(201);
    const { verdict } = await reserve(bea, sameFan(comment, '556'), 'thanks', Date.now() + HOUR_MS);
    expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact' });
  });
});

describe('a hostile teammate and the copy kept for offline sends', () => {
  test('Mal deleting the fan’s document (its body kept, as the rules require) takes no mark from Bea’s copy', async () => {
    await markDoNotContact(ann, comment);
    await bea.call({ type: 'team/sync' });
    const doc = await fanDocument();
    expect((await writeFanDocument({ ...doc, _deleted: true })).status).toBe(201);
    await bea.call({ type: 'team/sync' });
    await bea.disconnect();
    const { verdict, teamChecked } = await reserve(bea, comment);
    expect(teamChecked).toBe(false);
    expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact' });
  });
});

describe('when another admin lifts this admin’s mark', () => {
  test('the popup says who lifted it and when, and the mark still holds in this browser', async () => {
    await markDoNotContact(ann, comment);
    await markDoNotContact(bea, comment, false);
    await ann.pick(comment);
    const { checked } = await ann.call({ type: 'popup/refine' });
    expect(checked).toMatchObject({
      doNotContact: true,
      markLiftedBy: { by: 'Bea', at: expect.any(Number) },
    });
    expect(checked?.verdicts.thanks).toMatchObject({ allowed: false, rule: 'do-not-contact' });
  });
});

describe('a hostile teammate and the team’s contacts', () => {
  test('Mal cannot move Ann’s unsettled contact to “failed”, and Bea is still refused the fan', async () => {
    const { entry } = await reserve(ann, comment);
    expect(entry).not.toBeNull();
    const doc = await fanDocument();
    const recent = (doc.recent as Array<Record<string, unknown>>).map((contact) => ({
      ...contact,
      st: 'failed',
    }));
    expect((await writeFanDocument({ ...doc, recent })).status).toBe(403);
    const { verdict } = await reserve(bea, sameFan(comment, '999'));
    expect(verdict).toMatchObject({ allowed: false, lastContactBy: 'Ann' });
  });

  test('Mal cannot drop Ann’s contact with a replicated write of her own', async () => {
    await reserve(ann, comment);
    const doc = await fanDocument();
    const branch = { ...doc, _rev: '1000-ffff', _revisions: { start: 1000, ids: ['ffff'] }, recent: [] };
    const answer = await asMal('POST', '_bulk_docs', { docs: [branch], new_edits: false });
    expect(answer.body).toMatchObject([{ error: 'forbidden', reason: 'page-outreach:replicated-write' }]);
    const { verdict } = await reserve(bea, sameFan(comment, '999'));
    expect(verdict).toMatchObject({ allowed: false, lastContactBy: 'Ann' });
  });

  test('a conflicting branch that wins on the server hides no contact: every leaf is merged before the verdict', async () => {
    await reserve(ann, comment);
    const doc = await fanDocument();
    // Only the server's admin (or a cluster) can do this: a branch with no contact, which CouchDB shows.
    const branch = { ...doc, _rev: '1000-ffff', _revisions: { start: 1000, ids: ['ffff'] }, recent: [] };
    await asServerAdmin('POST', '_bulk_docs', { docs: [branch], new_edits: false });
    expect(await fanDocument()).toMatchObject({ _rev: '1000-ffff', recent: [] });

    const { verdict } = await reserve(bea, sameFan(comment, '999'));
    expect(verdict).toMatchObject({ allowed: false, lastContactBy: 'Ann' });
  });

  test('a conflict is settled by the next write: one leaf shows, and the deleted one keeps what it held', async () => {
    await reserve(ann, comment);
    const doc = await fanDocument();
    const branch = { ...doc, _rev: '1000-ffff', _revisions: { start: 1000, ids: ['ffff'] }, recent: [] };
    await asServerAdmin('POST', '_bulk_docs', { docs: [branch], new_edits: false });
    await markDoNotContact(bea, comment);

    const id = encodeURIComponent(await fanDocumentId());
    expect((await asMal('GET', `${id}?conflicts=true`)).body).not.toHaveProperty('_conflicts');
    const leaves = (await asMal('GET', `${id}?open_revs=all`)).body as Array<{ ok: Doc }>;
    const deleted = leaves.map((leaf) => leaf.ok).filter((leaf) => leaf._deleted);
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ recent: [{ by: 'Ann' }] });
  });
});

describe('a server that accepts a write it may lose', () => {
  test('a contact answered 202 and never stored is not taken as the team’s: the send is not team-confirmed', async () => {
    const proxy = await acceptingProxy(
      couch.url,
      (method, url) => method === 'PUT' && url.includes('/fan%3A'),
    );
    try {
      await bea.useServer(proxy.url);
      const { entry, teamChecked } = await reserve(bea, comment);
      expect(teamChecked).toBe(false);
      expect(entry?.team).toBe('pending');
    } finally {
      await proxy.close();
    }
  });
});

describe('a hostile teammate and the shared log', () => {
  const sync = (admin: Admin) => admin.call({ type: 'team/sync' });
  const fanKeyOf = async () => (await fanDocumentId()).slice('fan:'.length);

  test('Mal’s contact claiming Ann’s entry never replaces Ann’s contact in Bea’s log', async () => {
    const { entry } = await reserve(ann, comment);
    await settle(ann, entry!.id);
    await sync(ann);
    await sync(bea);
    const fanKey = await fanKeyOf();
    const later = entry!.createdAt + 1;
    const claim = {
      ...(await logOf(bea)).find((row) => row.id === entry!.id),
      type: 'contact',
      schema: 2,
      fanKey,
      entryId: entry!.id,
      createdAt: later,
      status: 'failed',
      author: malInvite.user,
    };
    delete (claim as Record<string, unknown>).id;
    const id = `contact:${fanKey}:${later}:${entry!.id}`;
    expect((await asMal('PUT', encodeURIComponent(id), { ...claim, _id: id })).status).toBe(201);
    await sync(bea);
    const row = (await logOf(bea)).find((kept) => kept.id === entry!.id);
    expect(row).toMatchObject({ author: 'Ann', status: 'copied', createdAt: entry!.createdAt });
  });

  test('Mal’s stripped contact naming Bea’s own entry makes Bea forget nobody', async () => {
    const { entry } = await reserve(bea, comment);
    const fanKey = await fanKeyOf();
    const at = Date.now();
    const id = `contact:${fanKey}:${at}:${entry!.id}`;
    const stripped = {
      _id: id,
      type: 'contact',
      schema: 2,
      fanKey,
      entryId: entry!.id,
      createdAt: at,
      author: malInvite.user,
      status: 'sent',
      category: 'thanks',
      commentId: comment.commentId,
      forgotten: true,
    };
    expect((await asMal('PUT', encodeURIComponent(id), stripped)).status).toBe(201);
    await sync(bea);
    const row = (await logOf(bea)).find((kept) => kept.id === entry!.id);
    expect(row).toMatchObject({ fanName: comment.authorName });
    expect(row?.forgotten).toBeUndefined();
  });

  test('Mal’s note under a key that is not its fan’s is not taken, and is counted as refused', async () => {
    const id = 'note:not-giulias-key';
    const note = {
      _id: id,
      type: 'note',
      schema: 2,
      fanKey: 'not-giulias-key',
      fanId: comment.authorId,
      fanName: 'Giulia (hacked)',
      text: 'Call her at 555-0100',
      by: malInvite.user,
      at: Date.now(),
    };
    expect((await asMal('PUT', id, note)).status).toBe(201);
    await sync(bea);
    await bea.pick(comment);
    expect((await bea.call({ type: 'popup/open' })).notes).toBe('');
    const [team] = (await bea.call({ type: 'team/status' })).teams;
    expect(team?.refusedDocuments).toMatchObject({ lastId: id });
  });
});

describe('taking a hostile teammate off the team', () => {
  test('the owner removes Mal with a server admin’s password: her credentials no longer reach the team', async () => {
    expect((await asMal('GET', 'team')).status).toBe(200);
    const { teams } = await ann.call({
      type: 'team/remove-member',
      pageId: comment.pageId,
      member: malInvite.user,
      ...serverAdmin(couch),
    });
    expect(teams).toHaveLength(1);
    expect((await asMal('GET', 'team')).status).toBe(401);
    const security = (await asServerAdmin('GET', '_security')).body as { members: { names: string[] } };
    expect(security.members.names).not.toContain(`${malInvite.database}/${malInvite.user}`);
  });

  test('removing someone who is not on the team is refused with a clear error, and nothing changes', async () => {
    const reply = await ann.send({
      type: 'team/remove-member',
      pageId: comment.pageId,
      member: 'Nobody',
      ...serverAdmin(couch),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await asMal('GET', 'team')).status).toBe(200);
  });
});
