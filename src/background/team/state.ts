import { readStored, writeStored } from '../storage/stored';
import { RequestError } from '../request';
import { couchPath, couchRequest, GATE_REQUEST_TIMEOUT_MS } from './couch-http';
import { interpret } from './answers';
import type { Membership } from './membership';
import { TeamDocumentSchema, type TeamDocument } from '../storage/keys';
import { noteBadDocument } from './bad-documents';
import { expectOk } from './setup';
import { teamKeys } from './local-state';

/** How long the team's settings, as last read, are used before asking the server again. */
export const TEAM_SETTINGS_TTL_MS = 60_000;

async function readCached(pageId: string) {
  return readStored(teamKeys.settings, pageId);
}

/**
 * The team's document as the server sent it, checked: one this browser cannot use (bad shape, limits
 * out of bounds, another Page's) is counted as refused (bad-documents.ts) and treated as no answer.
 */
export async function checkedTeamDocument(
  membership: Membership,
  body: unknown,
  now: number,
): Promise<TeamDocument | null> {
  const parsed = TeamDocumentSchema.safeParse(body);
  if (parsed.success && parsed.data.pageId === membership.pageId) return parsed.data;
  await noteBadDocument(membership.pageId, 'team', now);
  return null;
}

async function keep(pageId: string, team: TeamDocument, now: number): Promise<TeamDocument> {
  await writeStored(teamKeys.settings, { fetchedAt: now, team }, pageId);
  return team;
}

/**
 * The team's settings (its salt and limits): as last read when that is recent, otherwise read again;
 * when the server does not answer, as last read however old, so an offline send still follows the
 * team's limits. Null when they were never read and cannot be.
 */
export async function teamSettings(membership: Membership, now: number): Promise<TeamDocument | null> {
  const cached = await readCached(membership.pageId);
  if (cached && now - cached.fetchedAt < TEAM_SETTINGS_TTL_MS && now >= cached.fetchedAt) return cached.team;
  const answer = await interpret(
    membership,
    await couchRequest<unknown>(
      membership,
      'GET',
      couchPath(membership.database, 'team'),
      undefined,
      GATE_REQUEST_TIMEOUT_MS,
    ),
  );
  const team = answer.kind === 'ok' ? await checkedTeamDocument(membership, answer.value, now) : null;
  if (!team) return cached?.team ?? null;
  return keep(membership.pageId, team, now);
}

/** The team's settings as last read, without asking the server. */
export async function cachedTeamSettings(pageId: string): Promise<TeamDocument | null> {
  return (await readCached(pageId))?.team ?? null;
}

/**
 * Changes the team's settings on the server, as one of its server admins (the server's rules let only
 * database admins write them, and no member is one): whether a send the server cannot check is
 * refused, and, when given, the limits every admin uses.
 */
export async function changeTeamSettings(
  membership: Membership,
  change: Pick<TeamDocument, 'strict'> & { policy?: TeamDocument['policy'] },
  serverAdmin: { user: string; password: string },
  now: number,
): Promise<TeamDocument> {
  const admin = { server: membership.server, ...serverAdmin };
  const path = couchPath(membership.database, 'team');
  const team = await checkedTeamDocument(membership, expectOk(await couchRequest(admin, 'GET', path)), now);
  if (!team) throw new RequestError('unavailable', 'errorTeamBadSettings');
  const changed: TeamDocument = { ...team, ...change };
  const written = await couchRequest<{ rev: string }>(admin, 'PUT', path, changed);
  // Another change between the read and this write: nothing is overwritten, the owner tries again.
  if (!written.ok && written.status === 409)
    throw new RequestError('unavailable', 'errorTeamSettingsChanged');
  return keep(membership.pageId, { ...changed, _rev: expectOk(written).rev }, now);
}
