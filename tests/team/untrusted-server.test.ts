/**
 * What the team server hands this browser is checked like any input (review S23): a team document,
 * a fan document or a changes feed this browser cannot use is refused and counted, never thrown on,
 * never a lifted limit; and one team's failure never stops another team's sync.
 */
import { describe, expect, test } from 'vitest';
import { DESIGN_DOCUMENT_ID, TEAM_SCHEMA } from '../../src/background/team/design-document';
import { fanKeyUnder } from '../../src/background/team/fan-document';
import { TEAM_SETTINGS_TTL_MS } from '../../src/background/team/state';
import type { CommentContext } from '../../src/shared/comment-context';
import type { TeamInvite } from '../../src/shared/team-invite';
import type { CouchServer } from './couch-process.mjs';
import { answeringServer } from './stand-in-servers';
import {
  eachTestATeamOfTwo,
  reserve,
  sameFan,
  type Admin,
  makeStrict,
  setUpTeam,
  requestAs,
  serverAdminAuth,
} from './team-admins';

let couch: CouchServer;
let ann: Admin;
let bea: Admin;
let beaInvite: TeamInvite;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ couch, ann, bea, beaInvite, comment } = team));

/** Later than the team's settings stay fresh: the next decision reads them from the server again. */
const stale = () => Date.now() + TEAM_SETTINGS_TTL_MS + 1;

async function asServerAdmin(method: string, path: string, body?: unknown) {
  const answer = await requestAs(
    couch,
    serverAdminAuth(couch),
    method,
    `${beaInvite.database}/${path}`,
    body,
  );
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}

/** A hostile server's admin takes the team's rules away, so that anything can be written. */
async function dropRules(): Promise<void> {
  const design = await asServerAdmin('GET', DESIGN_DOCUMENT_ID);
  await asServerAdmin('DELETE', `${DESIGN_DOCUMENT_ID}?rev=${String(design._rev)}`);
}

const refusedOf = async (admin: Admin) =>
  (await admin.call({ type: 'team/status' })).teams[0]!.refusedDocuments;

describe('what the team server sends, checked', () => {
  test('team limits outside their bounds are refused: sends follow the limits last read, and the admin is told', async () => {
    await reserve(ann, comment);
    const team = await asServerAdmin('GET', 'team');
    await asServerAdmin('PUT', 'team', { ...team, policy: { fanWindowDays: -1, pageDailyMax: 1e9 } });
    const { verdict, entry } = await reserve(bea, sameFan(comment, '999'), 'thanks', stale());
    expect(entry).toBeNull();
    expect(verdict).toMatchObject({ allowed: false, lastContactBy: 'Ann' });
    expect(await refusedOf(bea)).toEqual({ count: 1, lastId: 'team' });
  });

  test('a fan document in a shape the rules never allow makes the send wait for the team, in a strict team', async () => {
    await makeStrict(ann, couch, comment.pageId);
    const { salt } = (await asServerAdmin('GET', 'team')) as { salt: string };
    const fanKey = await fanKeyUnder(salt, comment.authorId);
    await dropRules();
    const broken = { type: 'fan', schema: TEAM_SCHEMA, fanKey, recent: [null], marks: [], lifts: [] };
    await asServerAdmin('PUT', encodeURIComponent(`fan:${fanKey}`), broken);
    const { verdict, entry } = await reserve(bea, comment, 'thanks', stale());
    expect(entry).toBeNull();
    expect(verdict).toEqual({ allowed: false, rule: 'team-unreachable' });
    expect(await refusedOf(bea)).toEqual({ count: 1, lastId: `fan:${fanKey}` });
  });

  test('a flood of far-future contacts a hostile server serves neither enters the log nor blocks the Page', async () => {
    const { salt } = (await asServerAdmin('GET', 'team')) as { salt: string };
    await dropRules();
    const future = Date.UTC(9999, 0, 1);
    const docs = await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        const fanId = `fan-${index}`;
        const fanKey = await fanKeyUnder(salt, fanId);
        const entryId = crypto.randomUUID();
        return {
          _id: `contact:${fanKey}:${future}:${entryId}`,
          type: 'contact',
          schema: TEAM_SCHEMA,
          fanKey,
          entryId,
          author: 'Mal',
          pageId: comment.pageId,
          pageName: 'Acme Coffee',
          fanId,
          fanName: `Fan ${index}`,
          fanUrl: `https://www.facebook.com/${fanId}`,
          commentId: String(index),
          postUrl: 'https://www.facebook.com/acme/posts/1',
          commentExcerpt: '',
          category: 'care',
          templateId: 'default-care-1-en',
          templateTitle: 'Care',
          text: 'Hi',
          createdAt: future,
          updatedAt: future,
          status: 'sent',
        };
      }),
    );
    await asServerAdmin('POST', '_bulk_docs', { docs });
    await bea.call({ type: 'team/sync' });
    expect((await bea.call({ type: 'log/list' })).entries.filter((row) => row.author === 'Mal')).toEqual([]);
    expect((await refusedOf(bea))?.count).toBe(50);
    const { verdict } = await reserve(bea, comment);
    expect(verdict).toEqual({ allowed: true });
  });

  test('a changes feed that is not one is refused, and another team of the same admin still syncs', async () => {
    // Ann sets up a second Page's team, with Bea in it.
    const otherPage = `other${crypto.randomUUID().slice(0, 8)}`;
    const invites = await setUpTeam(ann, couch, {
      pageId: otherPage,
      pageName: 'Other Coffee',
      members: ['Bea'],
    });
    await bea.call({ type: 'team/join', invite: invites[0]!.invite, remember: false });
    const garbage = await answeringServer({ results: [null], last_seq: { not: 'a sequence' } });
    try {
      await bea.routeThrough(garbage.url, comment.pageId);
      const before = Date.now();
      const { teams } = await bea.call({ type: 'team/sync' }, stale());
      const [broken, other] = [comment.pageId, otherPage].map((page) =>
        teams.find((team) => team.pageId === page),
      );
      console.log(JSON.stringify(teams));
      expect(broken?.refusedDocuments).toMatchObject({ lastId: '_changes' });
      expect(other?.lastSyncedAt).toBeGreaterThanOrEqual(before);
    } finally {
      await garbage.close();
    }
  });
});
