import { describe, expect, test } from 'vitest';
import { TEAM_SETTINGS_TTL_MS } from '../../src/background/team/state';
import type { CommentContext } from '../../src/shared/comment-context';
import type { CouchServer } from './couch-process.mjs';
import { redirectingServer, refusingGateway } from './stand-in-servers';
import { reserve, sameFan, type Admin, eachTestATeamOfTwo, makeStrict } from './team-admins';

let couch: CouchServer;
let ann: Admin;
let bea: Admin;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ couch, ann, bea, comment } = team));

const teamOf = async (admin: Admin) => (await admin.call({ type: 'team/status' })).teams[0]!;

describe('a refusal the team server did not confirm', () => {
  test('one 403 from a gateway neither removes the admin nor lets a strict team send unchecked', async () => {
    await makeStrict(ann, couch, comment.pageId);
    // Bea reads the team's settings again once hers are stale, while the server answers.
    const later = Date.now() + TEAM_SETTINGS_TTL_MS + 1;
    await reserve(bea, sameFan(comment, '2'), 'care', later);
    const gateway = await refusingGateway();
    try {
      await bea.routeThrough(gateway.url);
      // Stale again: the send asks the server, and the gateway answers.
      const { verdict, entry } = await reserve(bea, comment, 'thanks', later + TEAM_SETTINGS_TTL_MS + 1);
      expect(entry).toBeNull();
      expect(verdict).toEqual({ allowed: false, rule: 'team-unreachable' });
      expect(await teamOf(bea)).toMatchObject({ removed: false, refused: true });
    } finally {
      await gateway.close();
    }
  });

  test('“check again” once the server answers clears the refusal, and the team checks sends again', async () => {
    const gateway = await refusingGateway();
    try {
      await bea.routeThrough(gateway.url);
      await reserve(bea, comment, 'thanks', Date.now() + TEAM_SETTINGS_TTL_MS + 1);
    } finally {
      await gateway.close();
    }
    await bea.reconnect();
    const { teams } = await bea.call({ type: 'team/check', pageId: comment.pageId });
    expect(teams[0]).toMatchObject({ removed: false, refused: false });
    const { teamChecked } = await reserve(bea, sameFan(comment, '2'), 'care');
    expect(teamChecked).toBe(true);
  });

  test('“check again” while the gateway still refuses says the server did not answer, and changes nothing', async () => {
    const gateway = await refusingGateway();
    try {
      await bea.routeThrough(gateway.url);
      await reserve(bea, comment, 'thanks', Date.now() + TEAM_SETTINGS_TTL_MS + 1);
      const reply = await bea.send({ type: 'team/check', pageId: comment.pageId });
      expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(await teamOf(bea)).toMatchObject({ removed: false, refused: true });
    } finally {
      await gateway.close();
    }
  });
});

describe('a team server that redirects', () => {
  test('gets no request followed, so no credentials go elsewhere, and counts as not answering', async () => {
    const redirecting = await redirectingServer();
    try {
      await bea.routeThrough(redirecting.url);
      const { teamChecked } = await reserve(bea, comment, 'thanks', Date.now() + TEAM_SETTINGS_TTL_MS + 1);
      expect(teamChecked).toBe(false);
      expect(redirecting.reached).toEqual([]);
      expect(await teamOf(bea)).toMatchObject({ removed: false });
    } finally {
      await redirecting.close();
    }
  });
});
