import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from '../unit/checked-router';
import { TEAM_SCHEMA } from '../../src/background/team/design-document';
import { teamDatabaseName } from '../../src/background/team/setup';
import { parseInvite } from '../../src/shared/team-invite';
import type { MessageType, ReplyOf } from '../../src/shared/messages';
import { fakeBrowser } from '../unit/fake-browser';
import { freshIndexedDB } from '../unit/indexeddb';
import { popup } from '../unit/senders';
import { startCouchServer, type CouchServer } from './couch-process.mjs';

let couch: CouchServer;
beforeAll(async () => (couch = await startCouchServer()));
afterAll(() => couch.stop());

/** Each test its own Page, so its own database: the test server's databases are never destroyed. */
let pageId = '';
beforeEach(() => {
  freshIndexedDB();
  fakeBrowser.reset();
  pageId = `page${crypto.randomUUID().slice(0, 8)}`;
});

const send = (message: { type: string } & Record<string, unknown>) =>
  routeMessage(message, popup, Date.now());

async function call<K extends MessageType>(message: { type: K } & Record<string, unknown>) {
  const reply = await send(message);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<K>;
}

const createTeam = (fields: Record<string, unknown> = {}) =>
  send({
    type: 'team/create',
    server: couch.url,
    adminName: couch.admin.user,
    adminPassword: couch.admin.password,
    pageId,
    pageName: 'Caffè Acme',
    owner: 'Ann',
    members: ['Bea', 'Carlo'],
    remember: false,
    ...fields,
  });

/** The passwords of the teams this browser joined, as it keeps them for this session. */
async function sessionPasswords(): Promise<string[]> {
  const stored = await fakeBrowser.storage.session.get('teamMemberships');
  return ((stored.teamMemberships ?? []) as Array<{ password: string }>).map(({ password }) => password);
}

/** Reads from the server as its admin, to see what a set-up really wrote. */
async function onServer(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const auth = Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64');
  const response = await fetch(`${couch.url}/${path}`, { headers: { Authorization: `Basic ${auth}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('setting up a Page’s team on CouchDB', () => {
  test('the owner is joined at once and gets an invite for each other admin', async () => {
    const reply = await createTeam();
    expect(reply).toMatchObject({
      ok: true,
      data: {
        team: { pageId, pageName: 'Caffè Acme', server: couch.url, user: 'Ann', removed: false },
        invites: [{ user: 'Bea' }, { user: 'Carlo' }],
      },
    });
    expect((await call({ type: 'team/status' })).teams).toMatchObject([{ pageId, user: 'Ann' }]);
  });

  test('the server holds the team’s database, who may use it, its rules and the team’s limits', async () => {
    await createTeam();
    const database = teamDatabaseName(pageId);
    // Each team's accounts are its own: named after its database.
    // No member is the database's admin, the owner included (settings take a server admin).
    expect((await onServer(`${database}/_security`)).body).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [`${database}/Ann`, `${database}/Bea`, `${database}/Carlo`], roles: [] },
    });
    expect((await onServer(`${database}/_design/page-outreach`)).body).toMatchObject({
      validate_doc_update: expect.stringContaining('not-your-contact'),
    });
    expect((await onServer(`${database}/team`)).body).toMatchObject({
      type: 'team',
      pageId,
      policy: { fanWindowDays: 7 },
      salt: expect.stringMatching(/^[\w-]{40,}$/),
    });
  });

  test('an invite lets another admin join from their own browser', async () => {
    const { invites } = await created();
    freshIndexedDB();
    fakeBrowser.reset();
    expect(await call({ type: 'team/join', invite: invites[0]!.invite, remember: false })).toEqual({
      team: {
        pageId,
        pageName: 'Caffè Acme',
        server: couch.url,
        user: 'Bea',
        remembered: false,
        removed: false,
        refused: false,
        lastSyncedAt: expect.any(Number),
        pending: 0,
        strict: false,
        refusedDocuments: null,
      },
    });
  });

  test('setting up a second Page’s team with a same-named admin leaves the first team’s accounts as they were', async () => {
    const first = await created();
    const bea = parseInvite(first.invites[0]!.invite);
    if (!bea.ok) throw new Error(bea.error);
    const firstPage = pageId;
    pageId = `page${crypto.randomUUID().slice(0, 8)}`;
    await created();
    // The first team's Bea still logs in with her invite, and reads her own team only.
    const login = Buffer.from(`${bea.invite.database}/Bea:${bea.invite.password}`).toString('base64');
    const read = (database: string) =>
      fetch(`${couch.url}/${database}/team`, { headers: { Authorization: `Basic ${login}` } });
    expect((await read(teamDatabaseName(firstPage))).status).toBe(200);
    expect((await read(teamDatabaseName(pageId))).status).toBeGreaterThanOrEqual(401);
  });

  test('a Page that already has a team on the server is refused, and its team is left as it was', async () => {
    await created();
    const before = await onServer(`${teamDatabaseName(pageId)}/_security`);
    freshIndexedDB();
    fakeBrowser.reset();
    expect(await createTeam({ members: ['Mallory'] })).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          '“Caffè Acme” already has a team on this server. Nothing was changed; ask its owner for an invite.',
      },
    });
    expect(await onServer(`${teamDatabaseName(pageId)}/_security`)).toEqual(before);
    expect((await call({ type: 'team/status' })).teams).toEqual([]);
  });

  test('a wrong server admin password is refused with a clear error, and nothing is created', async () => {
    expect(await createTeam({ adminPassword: 'not-it' })).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'The team server refused this name and password: setting up a team needs one of its server admins. Nothing was changed.',
      },
    });
    expect((await onServer(teamDatabaseName(pageId))).status).toBe(404);
    expect((await call({ type: 'team/status' })).teams).toEqual([]);
  });

  test('a team server over plain http elsewhere than this computer is refused before anything is sent', async () => {
    expect(await createTeam({ server: 'http://couch.agency.example' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^The team server must use https:\/\//) },
    });
  });
});

describe('joining a team with an invite', () => {
  test('text that is not an invite is refused with a clear error, and nothing is kept', async () => {
    expect(await send({ type: 'team/join', invite: 'please join my team', remember: false })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^This is not a Page Outreach team invite/) },
    });
    expect((await call({ type: 'team/status' })).teams).toEqual([]);
  });

  test('an admin the owner removed from the team is told their account is no longer accepted', async () => {
    const { invites } = await created();
    await onServerPut(`${teamDatabaseName(pageId)}/_security`, {
      admins: { names: ['Ann'], roles: [] },
      members: { names: ['Ann', 'Carlo'], roles: [] },
    });
    expect(await send({ type: 'team/join', invite: invites[0]!.invite, remember: false })).toMatchObject({
      ok: false,
      error: {
        message:
          'The team server does not accept the account “Bea” any more. Ask the Page’s owner for a new invite. Nothing was changed.',
      },
    });
  });

  test('credentials stay out of storage that content scripts read, and out of IndexedDB unless remembered', async () => {
    const { invites } = await created();
    await call({ type: 'team/join', invite: invites[0]!.invite, remember: false });
    const password = (await sessionPasswords())[0]!;
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(password);
    expect(await withDatabase((db) => db.get('meta', 'teamMemberships'))).toBeUndefined();
    freshIndexedDB();
    fakeBrowser.reset();
    await call({ type: 'team/join', invite: invites[1]!.invite, remember: true });
    expect(await withDatabase((db) => db.get('meta', 'teamMemberships'))).toContain(
      (await sessionPasswords())[0],
    );
  });

  test('joining replaces the invite’s password: the invite no longer works, the browser does', async () => {
    const { invites } = await created();
    const bea = parseInvite(invites[0]!.invite);
    if (!bea.ok) throw new Error(bea.error);
    await call({ type: 'team/join', invite: invites[0]!.invite, remember: false });
    const login = (password: string) =>
      fetch(`${couch.url}/${bea.invite.database}/team`, {
        headers: {
          Authorization: `Basic ${Buffer.from(`${bea.invite.database}/Bea:${password}`).toString('base64')}`,
        },
      });
    expect((await login(bea.invite.password)).status).toBe(401);
    const [own] = await sessionPasswords();
    expect(own).not.toBe(bea.invite.password);
    expect((await login(own!)).status).toBe(200);
    const again = await send({ type: 'team/join', invite: invites[0]!.invite, remember: false });
    expect(again).toMatchObject({ ok: false });
  });

  test('an invite past its week is refused with a clear error, and nothing is kept', async () => {
    const { invites } = await created();
    const before = await sessionPasswords();
    const later = Date.now() + 8 * 24 * 60 * 60 * 1000;
    const reply = await routeMessage(
      { type: 'team/join', invite: invites[0]!.invite, remember: false },
      popup,
      later,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!reply.ok && reply.error.message).toContain('expired');
    expect(await sessionPasswords()).toEqual(before);
  });

  test('leaving a team forgets its credentials in this browser', async () => {
    await created({ remember: true });
    await call({ type: 'team/leave', pageId });
    expect((await call({ type: 'team/status' })).teams).toEqual([]);
    expect(await withDatabase((db) => db.get('meta', 'teamMemberships'))).toBeUndefined();
  });
});

describe('the team server', () => {
  test('runs the shipped rules: an admin’s contact is accepted, one in another admin’s name refused', async () => {
    const { invites } = await created();
    const bea = parseInvite(invites[0]!.invite);
    if (!bea.ok) throw new Error(bea.error);
    const auth = Buffer.from(`${bea.invite.database}/${bea.invite.user}:${bea.invite.password}`).toString(
      'base64',
    );
    const put = (author: string, entryId: string) => {
      const contact = { type: 'contact', schema: TEAM_SCHEMA, author, entryId, fanKey: 'K', commentId: '1' };
      const id = `contact:K:1000:${entryId}`;
      return fetch(`${couch.url}/${bea.invite.database}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...contact, category: 'thanks', createdAt: 1000, status: 'reserved' }),
      });
    };
    expect((await put('Bea', 'e1')).status).toBe(201);
    const forged = await put('Ann', 'e2');
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ reason: 'page-outreach:not-your-contact' });
  });
});

async function created(fields: Record<string, unknown> = {}): Promise<ReplyOf<'team/create'>> {
  const reply = await createTeam(fields);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<'team/create'>;
}

async function onServerPut(path: string, body: unknown): Promise<void> {
  const auth = Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64');
  const response = await fetch(`${couch.url}/${path}`, {
    method: 'PUT',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
}
