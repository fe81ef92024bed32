import type { PolicySettings } from '../../shared/policy-settings';
import type { TeamInvite } from '../../shared/team-invite';
import { RequestError } from '../request';
import { accountName, couchPath, couchRequest, type CouchAccount, type CouchAnswer } from './couch-http';
import { TEAM_SCHEMA, teamDesignDocument } from './design-document';
import type { TeamDocument } from '../storage/keys';

/** Random bytes in each admin's password (160 bits) and in the team's salt for fans' keys. */
export const PASSWORD_BYTES = 20;
/** How long an invite may wait to be used; its password is replaced as soon as it is (membership.ts). */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const SALT_BYTES = 32;

export type { TeamDocument } from '../storage/keys';

export interface NewTeam {
  /** The server's address and one of its server admins, used for the set-up only and never kept. */
  serverAdmin: CouchAccount;
  pageId: string;
  pageName: string;
  /** The owner's own name on the team: a member like the others (settings take a server admin). */
  owner: string;
  members: string[];
  policy: PolicySettings;
  now: number;
}

/** One database per Facebook Page, named by CouchDB's rules (lowercase letters, digits, `_$()+-`). */
export function teamDatabaseName(pageId: string): string {
  return `po_${pageId.toLowerCase().replace(/[^a-z0-9_$()+-]/g, '_')}`;
}

export const randomText = (bytes: number) =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** Turns what the server answered a server admin's request into the error the admin reads, if one. */
export function expectOk<T>(answer: CouchAnswer<T>): T {
  if (answer.ok) return answer.body;
  if (answer.status === 0) throw new RequestError('unavailable', 'errorTeamUnreachable');
  if (answer.status === 401 || answer.status === 403)
    throw new RequestError('forbidden', 'errorTeamServerAdmin');
  throw new RequestError('unavailable', 'errorTeamServerRefused', [`${answer.status} ${answer.error}`]);
}

/**
 * Creates the Page's team on a CouchDB server: its database, who may read and write it, the write
 * rules, the team's settings, and one account per admin. Returns one invite per admin, the owner's
 * first. A Page that already has a team there is refused, so nothing of it is overwritten.
 */
export async function createTeam(team: NewTeam): Promise<TeamInvite[]> {
  const admin = team.serverAdmin;
  const welcome = await couchRequest<{ couchdb?: string; 'express-pouchdb'?: string }>(admin, 'GET', '');
  const server = expectOk(welcome);
  if (!server.couchdb && !server['express-pouchdb'])
    throw new RequestError('invalid-request', 'errorTeamNotCouch');
  // A fresh single-node CouchDB has no user database until someone makes it.
  const users = await couchRequest(admin, 'PUT', '_users');
  if (!users.ok && users.status !== 412) expectOk(users);

  const database = teamDatabaseName(team.pageId);
  const created = await couchRequest(admin, 'PUT', couchPath(database));
  if (!created.ok && created.status === 412)
    throw new RequestError('invalid-request', 'errorTeamExists', [team.pageName]);
  expectOk(created);

  const names = [team.owner, ...team.members.filter((name) => name !== team.owner)];
  const invites: TeamInvite[] = [];
  for (const user of names) {
    const password = randomText(PASSWORD_BYTES);
    await putUser(admin, accountName(database, user), password);
    invites.push({
      server: admin.server,
      database,
      pageId: team.pageId,
      pageName: team.pageName,
      user,
      password,
      expiresAt: team.now + INVITE_TTL_MS,
    });
  }
  expectOk(
    await couchRequest(admin, 'PUT', couchPath(database, '_security'), {
      // No member is the database's admin, the owner included: their everyday account, kept in a
      // browser, could otherwise replace the rules. Settings changes take the server admin's password.
      admins: { names: [], roles: [] },
      members: { names: names.map((name) => accountName(database, name)), roles: [] },
    }),
  );
  expectOk(
    await couchRequest(admin, 'PUT', couchPath(database, '_design', 'page-outreach'), teamDesignDocument()),
  );
  const settings: TeamDocument = {
    _id: 'team',
    type: 'team',
    schema: TEAM_SCHEMA,
    pageId: team.pageId,
    pageName: team.pageName,
    salt: randomText(SALT_BYTES),
    policy: team.policy,
    strict: false,
  };
  expectOk(await couchRequest(admin, 'PUT', couchPath(database, 'team'), settings));
  return invites;
}

/**
 * Makes one admin's account on the server, in the team's namespace. An account already there is never
 * overwritten (that would reset someone's password): its name belongs to a team set up before.
 */
async function putUser(admin: CouchAccount, name: string, password: string): Promise<void> {
  const path = couchPath('_users', `org.couchdb.user:${name}`);
  const made = await couchRequest(admin, 'PUT', path, {
    _id: `org.couchdb.user:${name}`,
    name,
    password,
    roles: [],
    type: 'user',
  });
  if (!made.ok && made.status === 409)
    throw new RequestError('invalid-request', 'errorTeamUserExists', [name]);
  expectOk(made);
}

/**
 * Takes one admin off a Page's team, as one of the server's admins: their account leaves the team's
 * database (`_security`) and is deleted, so neither their invite nor their browser reaches the team.
 */
export async function removeMember(admin: CouchAccount, database: string, member: string): Promise<void> {
  const account = accountName(database, member);
  const security = expectOk(
    await couchRequest<{ admins?: { names?: string[] }; members?: { names?: string[]; roles?: string[] } }>(
      admin,
      'GET',
      couchPath(database, '_security'),
    ),
  );
  const names = security.members?.names ?? [];
  if (!names.includes(account)) throw new RequestError('not-found', 'errorTeamMemberUnknown', [member]);
  expectOk(
    await couchRequest(admin, 'PUT', couchPath(database, '_security'), {
      ...security,
      members: { ...security.members, names: names.filter((name) => name !== account) },
    }),
  );
  const path = couchPath('_users', `org.couchdb.user:${account}`);
  const user = await couchRequest<{ _rev: string }>(admin, 'GET', path);
  if (user.ok)
    expectOk(await couchRequest(admin, 'DELETE', `${path}?rev=${encodeURIComponent(user.body._rev)}`));
}
