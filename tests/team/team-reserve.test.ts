import { describe, expect, test } from 'vitest';
import { TEAM_SCHEMA } from '../../src/background/team/design-document';
import { fanKeyUnder } from '../../src/background/team/fan-document';
import { readFanDocument } from '../../src/background/team/gate';
import type { Membership } from '../../src/background/team/membership';
import { TEAM_SETTINGS_TTL_MS } from '../../src/background/team/state';
import type { TeamDocument } from '../../src/background/team/setup';
import type { CommentContext } from '../../src/shared/comment-context';
import type { TeamInvite } from '../../src/shared/team-invite';
import { DAY_MS } from '../../src/shared/time';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import type { CouchServer } from './couch-process.mjs';
import {
  eachTestATeamOfTwo,
  memberAuth,
  reserve,
  sameFan,
  type Admin,
  makeStrict,
  serverAdmin,
  requestAs,
  serverAdminAuth,
} from './team-admins';

let couch: CouchServer;
let ann: Admin;
let bea: Admin;
/** Bea's account, as her invite names it. */
let beaInvite: TeamInvite;
let comment: CommentContext;
eachTestATeamOfTwo((team) => ({ couch, ann, bea, beaInvite, comment } = team));

const another = (commentId: string) => sameFan(comment, commentId);

async function teamSettingsOnServer(): Promise<TeamDocument> {
  return (await requestAs(couch, serverAdminAuth(couch), 'GET', `${beaInvite.database}/team`))
    .body as TeamDocument;
}

const beaMembership = async (): Promise<Membership> => ({
  ...(await bea.account()),
  pageName: beaInvite.pageName,
  remembered: false,
});

describe('reserving a send on a Page whose team this browser has joined', () => {
  test('the fan’s document on the team server holds the contact, confirmed', async () => {
    const { entry, teamChecked } = await reserve(ann, comment);
    expect(teamChecked).toBe(true);
    expect(entry).toMatchObject({ status: 'reserved', team: 'confirmed' });
    const { salt } = await teamSettingsOnServer();
    const read = await readFanDocument(
      await beaMembership(),
      await fanKeyUnder(salt, comment.authorId),
      Date.now(),
    );
    expect(read).toMatchObject({
      kind: 'ok',
      value: {
        view: {
          recent: [
            {
              c: entry!.id,
              comment: expect.stringMatching(/^[0-9a-f]{64}$/),
              cat: 'thanks',
              by: 'Ann',
              st: 'reserved',
            },
          ],
        },
      },
    });
    // The fan's document holds the comment by its key, never its id (which names the fan to the Graph).
    if (read.kind === 'ok') expect(read.value.view.recent[0]?.comment).not.toBe(comment.commentId);
  });

  test('another admin is then refused that fan, told who messaged them and until when', async () => {
    await reserve(ann, comment);
    const { verdict, entry } = await reserve(bea, another('999'));
    expect(entry).toBeNull();
    // Of the rules that hold her back, the longest: a thanks every 14 days.
    expect(verdict).toMatchObject({ allowed: false, rule: 'thanks-window', lastContactBy: 'Ann' });
    expect(verdict).toHaveProperty('eligibleAt');
  });

  test('before any send, the popup’s verdicts show that a teammate messaged the fan', async () => {
    await reserve(ann, comment);
    await bea.pick(another('999'));
    expect(await bea.call({ type: 'popup/open' })).toMatchObject({
      refining: true,
      team: { user: 'Bea', removed: false },
    });
    const { checked } = await bea.call({ type: 'popup/refine' });
    expect(checked?.verdicts.thanks).toMatchObject({ allowed: false, lastContactBy: 'Ann' });
    expect(checked?.verdicts.care).toEqual({ allowed: true });
  });

  test('a comment another admin answered privately cannot be answered again, even with customer care', async () => {
    await reserve(ann, comment);
    const { verdict } = await reserve(bea, comment, 'care');
    expect(verdict).toMatchObject({ allowed: false, rule: 'one-per-comment', lastContactBy: 'Ann' });
  });

  test('customer care on another comment stays possible for the fan another admin thanked', async () => {
    await reserve(ann, comment);
    expect((await reserve(bea, another('999'), 'care')).entry).toMatchObject({ team: 'confirmed' });
  });

  test('when another admin writes the fan’s document first, the reservation is undone and refused', async () => {
    const { salt } = await teamSettingsOnServer();
    const fanKey = await fanKeyUnder(salt, comment.authorId);
    // Bea's browser reads the fan's document; Ann's contact lands before Bea's write does.
    const annAuth = await annAccount();
    const realFetch = globalThis.fetch;
    let raced = false;
    globalThis.fetch = async (input, init) => {
      if (!raced && init?.method === 'PUT' && String(input).includes('fan%3A')) {
        raced = true;
        const annDoc = {
          _id: `fan:${fanKey}`,
          type: 'fan',
          schema: TEAM_SCHEMA,
          fanKey,
          marks: [],
          lifts: [],
        };
        const contact = {
          c: crypto.randomUUID(),
          comment: '555',
          cat: 'promo',
          at: Date.now(),
          by: 'Ann',
          st: 'sent',
        };
        await realFetch(String(input), {
          method: 'PUT',
          headers: { Authorization: annAuth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...annDoc, recent: [contact] }),
        });
      }
      return realFetch(input, init);
    };
    try {
      const { verdict, entry } = await reserve(bea, comment);
      expect(entry).toBeNull();
      expect(verdict).toMatchObject({ allowed: false, rule: 'fan-window', lastContactBy: 'Ann' });
    } finally {
      globalThis.fetch = realFetch;
    }
    const log = await bea.call({ type: 'log/list' });
    expect(log.entries).toEqual([]);
  });

  test('of many simultaneous writes of one fan’s document, exactly one is accepted', async () => {
    const { salt } = await teamSettingsOnServer();
    const fanKey = await fanKeyUnder(salt, comment.authorId);
    const read = await readFanDocument(await beaMembership(), fanKey, Date.now());
    if (read.kind !== 'ok') throw new Error(read.kind);
    const auth = memberAuth(await bea.account());
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const contact = {
          c: `c${index}`,
          comment: String(index),
          cat: 'thanks',
          at: Date.now(),
          by: 'Bea',
          st: 'reserved',
        };
        const response = await fetch(
          `${couch.url}/${beaInvite.database}/${encodeURIComponent(`fan:${fanKey}`)}`,
          {
            method: 'PUT',
            headers: { Authorization: auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...read.value.winner, recent: [contact] }),
          },
        );
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });
});

describe('the team’s settings', () => {
  test('the owner makes this browser’s limits every admin’s, and Bea’s sends follow them', async () => {
    const strictLimits = { ...DEFAULT_POLICY_SETTINGS, thanksWindowDays: 60, paceSeconds: 0 };
    await ann.call({ type: 'settings/set', settings: strictLimits });
    const { teams } = await ann.call({
      type: 'team/settings',
      pageId: comment.pageId,
      strict: false,
      useTheseLimits: true,
      ...serverAdmin(couch),
    });
    expect(teams).toMatchObject([{ strict: false }]);
    expect((await teamSettingsOnServer()).policy).toMatchObject(strictLimits);
    await reserve(ann, comment);
    // Twenty days on: past Bea's own 14-day thanks window, not the team's 60.
    const { verdict } = await reserve(bea, another('999'), 'thanks', Date.now() + 20 * DAY_MS);
    expect(verdict).toMatchObject({ allowed: false, rule: 'thanks-window', lastContactBy: 'Ann' });
  });

  test('no admin’s own account changes them, not even the owner’s everyday one', async () => {
    const team = await teamSettingsOnServer();
    const written = await fetch(`${couch.url}/${beaInvite.database}/team`, {
      method: 'PUT',
      headers: { Authorization: await annAccount(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...team, strict: true }),
    });
    expect(written.status).toBe(403);
    expect((await teamSettingsOnServer()).strict).toBe(false);
  });

  test('without a server admin’s password they are not changed, and the owner is told so', async () => {
    const reply = await ann.send({
      type: 'team/settings',
      pageId: comment.pageId,
      strict: true,
      useTheseLimits: false,
      adminName: couch.admin.user,
      adminPassword: 'not the password',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await teamSettingsOnServer()).strict).toBe(false);
  });
});

describe('an admin the owner removed from the team', () => {
  test('is told so, and goes on with this browser’s own limits', async () => {
    await ann.call({
      type: 'team/remove-member',
      pageId: comment.pageId,
      member: 'Bea',
      ...serverAdmin(couch),
    });
    // Her next send reads the team's settings again: refused, the team no longer counts for her.
    const { entry, teamChecked } = await reserve(
      bea,
      comment,
      'thanks',
      Date.now() + TEAM_SETTINGS_TTL_MS + 1,
    );
    expect(teamChecked).toBe(false);
    expect(entry).toMatchObject({ status: 'reserved' });
    // Nothing is left waiting for a team that will not take it.
    expect(entry).not.toHaveProperty('team');
    expect((await bea.call({ type: 'team/status' })).teams).toMatchObject([{ user: 'Bea', removed: true }]);
  });
});

describe('when the team server does not answer', () => {
  test('the send is decided on this browser’s data and the contact waits to be told', async () => {
    await bea.disconnect();
    const { entry, teamChecked } = await reserve(bea, comment);
    expect(teamChecked).toBe(false);
    expect(entry).toMatchObject({ status: 'reserved', team: 'pending' });
  });

  test('a server that takes requests and never answers leaves the send decided on this browser’s data', async () => {
    await couch.setOnline('hang');
    try {
      const { entry, teamChecked } = await reserve(bea, comment);
      expect(teamChecked).toBe(false);
      expect(entry).toMatchObject({ status: 'reserved', team: 'pending' });
    } finally {
      await couch.setOnline(true);
    }
  });

  test('a strict team refuses instead, and nothing is reserved', async () => {
    await makeStrict(ann, couch, comment.pageId);
    // Bea reads the team's settings again once hers are stale, while the server answers; then loses it.
    const later = Date.now() + TEAM_SETTINGS_TTL_MS + 1;
    await reserve(bea, another('1'), 'care', later);
    await bea.disconnect();
    const { verdict, entry } = await reserve(bea, comment, 'thanks', later + 1);
    expect(entry).toBeNull();
    expect(verdict).toEqual({ allowed: false, rule: 'team-unreachable' });
  });
});

/** Ann's own account (the owner's), read from her browser's stored membership. */
async function annAccount(): Promise<string> {
  const memberships = await ann.as(async () => {
    const { fakeBrowser } = await import('../unit/fake-browser');
    return (await fakeBrowser.storage.session.get('teamMemberships')).teamMemberships as Membership[];
  });
  return memberAuth(memberships[0]!);
}
