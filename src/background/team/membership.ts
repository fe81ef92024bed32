import type { TeamView } from '../../shared/team';
import { parseInvite, type TeamInvite } from '../../shared/team-invite';
import { KEYS, TeamDocumentSchema } from '../storage/keys';
import { readStored, removeStored, writeStored } from '../storage/stored';
import { RequestError } from '../request';
import { accountName, couchPath, couchRequest } from './couch-http';
import { PASSWORD_BYTES, randomText } from './setup';
import { TEAM_SCHEMA } from './design-document';
import { resetWhenLeft, resetWhenRemoved } from './local-state';

/**
 * The teams this browser has joined, one per Page, with this admin's credentials. Kept like the Graph
 * token: in `storage.session` (gone when the browser closes; content scripts cannot read it), and in
 * IndexedDB only for the teams the admin asked to be remembered. Only the background reads them.
 */
export interface Membership extends TeamInvite {
  remembered: boolean;
  /** The server confirmed it no longer accepts this admin: removed, working on local limits. */
  removed?: boolean;
  /**
   * Something refused this admin's credentials, and the server did not confirm a removal (a proxy or
   * a gateway may say 401 or 403): a strict team refuses to send until it is checked again.
   */
  refused?: boolean;
}

export async function loadMemberships(): Promise<Membership[]> {
  const session = await readStored(KEYS.teamMemberships);
  if (session) return session;
  const memberships = (await readStored(KEYS.teamMembershipsRemembered)) ?? [];
  await writeStored(KEYS.teamMemberships, memberships);
  return memberships;
}

async function saveMemberships(memberships: Membership[]): Promise<void> {
  await writeStored(KEYS.teamMemberships, memberships);
  const remembered = memberships.filter((membership) => membership.remembered);
  if (remembered.length > 0) await writeStored(KEYS.teamMembershipsRemembered, remembered);
  else await removeStored(KEYS.teamMembershipsRemembered);
}

/** What the extension's pages may see of a membership, with how its sync stands. */
export type MembershipView = Omit<TeamView, 'lastSyncedAt' | 'pending' | 'strict' | 'refusedDocuments'>;

export const membershipView = ({
  pageId,
  pageName,
  server,
  user,
  remembered,
  removed,
  refused,
}: Membership): MembershipView => ({
  pageId,
  pageName,
  server,
  user,
  remembered,
  removed: removed ?? false,
  refused: !removed && (refused ?? false),
});

/**
 * Joins a Page's team with a pasted invite: the server must know these credentials and hold a team of
 * this version for that Page. Nothing is kept unless it does.
 */
export async function joinTeam(pasted: string, remember: boolean, now: number): Promise<MembershipView> {
  const parsed = parseInvite(pasted);
  if (!parsed.ok) throw new RequestError('invalid-request', parsed.error);
  const invite = parsed.invite;
  if (invite.expiresAt !== undefined && now > invite.expiresAt)
    throw new RequestError('invalid-request', 'errorTeamInviteExpired', [invite.pageName]);
  const answer = await couchRequest<unknown>(invite, 'GET', couchPath(invite.database, 'team'));
  if (!answer.ok) {
    if (answer.status === 0) throw new RequestError('unavailable', 'errorTeamUnreachable');
    if (answer.status === 401 || answer.status === 403)
      throw new RequestError('forbidden', 'errorTeamCredentials', [invite.user]);
    if (answer.status === 404) throw new RequestError('not-found', 'errorTeamNotFound', [invite.pageName]);
    throw new RequestError('unavailable', 'errorTeamServerRefused', [`${answer.status} ${answer.error}`]);
  }
  const read = TeamDocumentSchema.safeParse(answer.body);
  if (!read.success) throw new RequestError('invalid-request', 'errorTeamBadSettings');
  const team = read.data;
  if (team.pageId !== invite.pageId)
    throw new RequestError('not-found', 'errorTeamNotFound', [invite.pageName]);
  if (team.schema > TEAM_SCHEMA) throw new RequestError('invalid-request', 'errorTeamUpdateExtension');
  if (team.schema < TEAM_SCHEMA) throw new RequestError('invalid-request', 'errorTeamUpdateServerRules');
  // The invite's password is replaced at once: whoever else saw the invite cannot use it, and the
  // owner who made it no longer knows this admin's password.
  const password = await replacePassword(invite);
  const { expiresAt: _used, ...account } = invite;
  const membership: Membership = { ...account, password, pageName: team.pageName, remembered: remember };
  const others = (await loadMemberships()).filter((joined) => joined.pageId !== invite.pageId);
  await saveMemberships([...others, membership]);
  return membershipView(membership);
}

/**
 * Sets a new random password on this admin's own account (CouchDB lets a user change their own) and
 * returns it. The join is refused if the server does not take it.
 */
async function replacePassword(invite: TeamInvite): Promise<string> {
  const path = couchPath('_users', `org.couchdb.user:${accountName(invite.database, invite.user)}`);
  const own = await couchRequest<Record<string, unknown> & { _rev: string }>(invite, 'GET', path);
  if (!own.ok) throw new RequestError('unavailable', 'errorTeamAccountNotSecured');
  const password = randomText(PASSWORD_BYTES);
  const { password_scheme: _s, iterations: _i, derived_key: _d, salt: _salt, ...kept } = own.body;
  const changed = await couchRequest(invite, 'PUT', path, { ...kept, password });
  if (!changed.ok) throw new RequestError('unavailable', 'errorTeamAccountNotSecured');
  return password;
}

async function change(pageId: string, changed: Pick<Membership, 'removed' | 'refused'>): Promise<void> {
  const memberships = await loadMemberships();
  await saveMemberships(
    memberships.map((membership) =>
      membership.pageId === pageId ? { ...membership, ...changed } : membership,
    ),
  );
}

/** The server confirmed it refuses this admin's credentials: the team no longer reaches this browser. */
export async function markRemoved(pageId: string): Promise<void> {
  await change(pageId, { removed: true, refused: false });
  await resetWhenRemoved(pageId);
}

/** Credentials refused by something the server did not confirm (see answers.ts). */
export async function noteRefusal(pageId: string): Promise<void> {
  const membership = (await loadMemberships()).find((joined) => joined.pageId === pageId);
  if (membership && !membership.refused) await change(pageId, { refused: true });
}

/** The server accepts this admin again (or always did): nothing is refused any more. */
export async function clearRefusal(pageId: string): Promise<void> {
  const membership = (await loadMemberships()).find((joined) => joined.pageId === pageId);
  if (membership && (membership.refused || membership.removed))
    await change(pageId, { removed: false, refused: false });
}

/** The joined team of a Page, if any, while the server still accepts this admin. */
export async function activeMembership(pageId: string): Promise<Membership | null> {
  return (
    (await loadMemberships()).find((membership) => membership.pageId === pageId && !membership.removed) ??
    null
  );
}

/** Leaves a Page's team: this browser forgets the credentials and goes back to its own limits. */
export async function leaveTeam(pageId: string): Promise<void> {
  const memberships = await loadMemberships();
  await saveMemberships(memberships.filter((membership) => membership.pageId !== pageId));
  await resetWhenLeft(pageId);
}
