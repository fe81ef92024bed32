/**
 * The team tests' server holds where the team's rules depend on CouchDB's behaviour, so that no team
 * test passes because its server is laxer or stricter than CouchDB. Run against a real CouchDB
 * (TEAM_COUCH_URL, see the README), these same tests show the two agree.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCouchServer, type CouchServer } from './couch-process.mjs';

let couch: CouchServer;
let database = '';
const member = { user: `mal${crypto.randomUUID().slice(0, 8)}`, password: crypto.randomUUID() };

/** Rules that refuse what they are asked to, and otherwise tell what CouchDB handed them. */
function probeRules(newDoc: Record<string, unknown>, oldDoc: Record<string, unknown> | null) {
  if (newDoc.refuse) throw { forbidden: 'refused' };
  if (newDoc.probe)
    throw {
      forbidden: JSON.stringify({
        oldRev: oldDoc ? oldDoc._rev : null,
        newRev: newDoc._rev === undefined ? null : newDoc._rev,
      }),
    };
}

beforeAll(async () => {
  couch = await startCouchServer();
  database = `probe_${crypto.randomUUID().slice(0, 8)}`;
  await asAdmin('PUT', database);
  await asAdmin('PUT', `_users/org.couchdb.user:${member.user}`, {
    name: member.user,
    password: member.password,
    roles: [],
    type: 'user',
  });
  await asAdmin('PUT', `${database}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [member.user], roles: [] },
  });
  await asAdmin('PUT', `${database}/_design/probe`, { validate_doc_update: probeRules.toString() });
});
afterAll(async () => {
  await asAdmin('DELETE', database);
  await couch.stop();
});

async function request(
  auth: { user: string; password: string },
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${couch.url}/${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const asMember = (method: string, path: string, body?: unknown) => request(member, method, path, body);
async function asAdmin(method: string, path: string, body?: unknown) {
  const answer = await request(couch.admin, method, path, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** What the rules saw of a member's write, read back from their refusal. */
async function seenBy(answer: { status: number; body: Record<string, unknown> }) {
  expect(answer.status).toBe(403);
  return JSON.parse(String(answer.body.reason)) as { oldRev: string | null; newRev: string | null };
}

describe('the team test server, where CouchDB’s behaviour matters', () => {
  test('a member cannot rewrite the database’s security, by any route', async () => {
    const makeMeAdmin = { admins: { names: [member.user] }, members: { names: [member.user] } };
    expect((await asMember('PUT', `${database}/_security`, makeMeAdmin)).status).toBeGreaterThanOrEqual(401);
    // express-pouchdb keeps _security in this document (CouchDB does not): write over its revision.
    const held = await asMember('GET', `${database}/_local/_security`);
    const rewrite = { _id: '_local/_security', _rev: held.body._rev, security: makeMeAdmin };
    await asMember('PUT', `${database}/_local/_security`, rewrite);
    await asMember('POST', `${database}/_bulk_docs`, { docs: [rewrite] });
    const security = await asAdmin('GET', `${database}/_security`);
    expect(security).toMatchObject({ admins: { names: [] } });
    const rules = await asMember('PUT', `${database}/_design/mine`, { validate_doc_update: 'x' });
    expect(rules.status).toBeGreaterThanOrEqual(401);
  });

  test('a write over a stale revision gets 409 before any rule runs', async () => {
    const first = await asMember('PUT', `${database}/stale`, { n: 1 });
    await asMember('PUT', `${database}/stale`, { n: 2, _rev: first.body.rev });
    const stale = await asMember('PUT', `${database}/stale`, { refuse: true, _rev: first.body.rev });
    expect(stale.status).toBe(409);
  });

  test('the rules see a create with no revision, and an edit with the revision it builds on', async () => {
    expect(await seenBy(await asMember('PUT', `${database}/fresh`, { probe: true }))).toEqual({
      oldRev: null,
      newRev: null,
    });
    const made = await asMember('PUT', `${database}/edited`, { n: 1 });
    const seen = await seenBy(
      await asMember('PUT', `${database}/edited`, { probe: true, _rev: made.body.rev }),
    );
    expect(seen).toEqual({ oldRev: made.body.rev, newRev: made.body.rev });
  });

  test('a replicated write with a path of its own is checked against nothing on disk', async () => {
    await asMember('PUT', `${database}/branch`, { n: 1 });
    const forged = {
      _id: 'branch',
      _rev: '1000-ffff',
      _revisions: { start: 1000, ids: ['ffff', 'eeee'] },
      probe: true,
    };
    const answer = await asMember('POST', `${database}/_bulk_docs`, { docs: [forged], new_edits: false });
    const [item] = answer.body as unknown as Array<{ error: string; reason: string }>;
    expect(item).toMatchObject({ error: 'forbidden' });
    expect(JSON.parse(item!.reason)).toEqual({ oldRev: null, newRev: '1000-ffff' });
  });

  test('a replicated write onto an old revision is checked against that revision', async () => {
    const first = await asMember('PUT', `${database}/grafted`, { n: 1 });
    await asMember('PUT', `${database}/grafted`, { n: 2, _rev: first.body.rev });
    const [, firstId] = String(first.body.rev).split('-');
    const graft = {
      _id: 'grafted',
      _rev: '2-abcd',
      _revisions: { start: 2, ids: ['abcd', firstId] },
      probe: true,
    };
    const answer = await asMember('POST', `${database}/_bulk_docs`, { docs: [graft], new_edits: false });
    const [item] = answer.body as unknown as Array<{ reason: string }>;
    expect(JSON.parse(item!.reason)).toEqual({ oldRev: first.body.rev, newRev: '2-abcd' });
  });
});
