import { readStored, writeStored } from '../storage/stored';
import { RequestError } from '../request';
import { couchPath, couchRequest, GATE_REQUEST_TIMEOUT_MS } from './couch-http';
import { interpret, type TeamAnswer } from './answers';
import type { Membership } from './membership';
import type { TeamDocument } from './setup';
import { teamKeys } from './local-state';

/** How long the team's settings, as last read, are used before asking the server again. */
export const TEAM_SETTINGS_TTL_MS = 60_000;

interface CachedTeam {
  fetchedAt: number;
  team: TeamDocument;
}

async function readCached(pageId: string): Promise<CachedTeam | null> {
  // The schema checks what this browser acts on; the document is the team's, as its server sent it.
  return (await readStored(teamKeys.settings, pageId)) as CachedTeam | null;
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
    await couchRequest<TeamDocument>(
      membership,
      'GET',
      couchPath(membership.database, 'team'),
      undefined,
      GATE_REQUEST_TIMEOUT_MS,
    ),
  );
  if (answer.kind !== 'ok') return cached?.team ?? null;
  return keep(membership.pageId, answer.value, now);
}

/** The team's settings as last read, without asking the server. */
export async function cachedTeamSettings(pageId: string): Promise<TeamDocument | null> {
  return (await readCached(pageId))?.team ?? null;
}

/**
 * Changes the team's settings on the server (the server's rules let only the team's admins do it):
 * whether a send the server cannot check is refused, and, when given, the limits every admin uses.
 */
export async function changeTeamSettings(
  membership: Membership,
  change: Pick<TeamDocument, 'strict'> & { policy?: TeamDocument['policy'] },
  now: number,
): Promise<TeamDocument> {
  const path = couchPath(membership.database, 'team');
  const current = await interpret(membership, await couchRequest<TeamDocument>(membership, 'GET', path));
  if (current.kind !== 'ok') throw refusal(current.kind);
  const changed: TeamDocument = { ...current.value, ...change };
  const written = await interpret(
    membership,
    await couchRequest<{ rev: string }>(membership, 'PUT', path, changed),
  );
  if (written.kind !== 'ok') throw refusal(written.kind);
  return keep(membership.pageId, { ...changed, _rev: written.value.rev }, now);
}

function refusal(kind: Exclude<TeamAnswer<unknown>['kind'], 'ok'>): RequestError {
  if (kind === 'unreachable') return new RequestError('unavailable', 'errorTeamUnreachable');
  if (kind === 'removed') return new RequestError('forbidden', 'teamRemoved');
  if (kind === 'conflict') return new RequestError('unavailable', 'errorTeamSettingsChanged');
  return new RequestError('forbidden', 'errorTeamSettingsForbidden');
}
