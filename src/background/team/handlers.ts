import type { PopupToBackground } from '../../shared/messages';
import { encodeInvite, teamServerUrl } from '../../shared/team-invite';
import { withDatabase } from '../storage/database';
import type { HandlerMap } from '../handler-map';
import { pagesInLog } from '../outreach/log';
import { RequestError } from '../request';
import { loadPolicySettings } from '../settings/settings-store';
import {
  activeMembership,
  joinTeam,
  leaveTeam,
  loadMemberships,
  membershipView,
  type MembershipView,
} from './membership';
import { checkAgain } from './answers';
import { badDocuments } from './bad-documents';
import { createTeam, removeMember } from './setup';
import { cachedTeamSettings, changeTeamSettings } from './state';
import { scheduleTeamSync, syncState, syncTeams } from './sync';

/** What the options page shows of a joined team: who and where, and how its sync stands. */
const viewOf = async (membership: MembershipView) => ({
  ...membership,
  ...(await syncState(membership.pageId)),
  strict: (await cachedTeamSettings(membership.pageId))?.strict ?? false,
  refusedDocuments: await badDocuments(membership.pageId),
});

async function allTeams() {
  const memberships = await loadMemberships();
  return Promise.all(memberships.map((membership) => viewOf(membershipView(membership))));
}

/** After joining: the alarm runs, and the first sync tells the team what waited. */
async function joined(membership: MembershipView, now: number) {
  await scheduleTeamSync();
  await syncTeams(now);
  return viewOf(membership);
}

type TeamMessages = Extract<PopupToBackground, { type: `team/${string}` }>;

/** The extension pages' requests about team mode (the options page's Team section). */
export const teamHandlers: HandlerMap<TeamMessages> = {
  async 'team/status'() {
    const [teams, pages] = await Promise.all([allTeams(), withDatabase(pagesInLog)]);
    return { teams, pages };
  },

  async 'team/settings'({ pageId, strict, useTheseLimits, adminName, adminPassword }, { now }) {
    const membership = await activeMembership(pageId);
    if (!membership) throw new RequestError('not-found', 'errorTeamNotFound', [pageId]);
    const policy = useTheseLimits ? { policy: await withDatabase(loadPolicySettings) } : {};
    await changeTeamSettings(
      membership,
      { strict, ...policy },
      { user: adminName, password: adminPassword },
      now,
    );
    return { teams: await allTeams() };
  },

  async 'team/remove-member'({ pageId, member, adminName, adminPassword }) {
    const membership = await activeMembership(pageId);
    if (!membership) throw new RequestError('not-found', 'errorTeamNotFound', [pageId]);
    const admin = { server: membership.server, user: adminName, password: adminPassword };
    await removeMember(admin, membership.database, member);
    return { teams: await allTeams() };
  },

  async 'team/sync'(_message, { now }) {
    await syncTeams(now);
    return { teams: await allTeams() };
  },

  async 'team/check'({ pageId }, { now }) {
    await checkAgain(pageId);
    await scheduleTeamSync();
    await syncTeams(now);
    return { teams: await allTeams() };
  },

  async 'team/create'(
    { server, adminName, adminPassword, pageId, pageName, owner, members, remember },
    { now },
  ) {
    const url = teamServerUrl(server);
    if (!url.ok) throw new RequestError('invalid-request', url.error);
    const policy = await withDatabase(loadPolicySettings);
    const invites = await createTeam({
      serverAdmin: { server: url.url, user: adminName, password: adminPassword },
      pageId,
      pageName,
      owner,
      members,
      policy,
      now,
    });
    const [own, ...others] = invites.map((invite) => ({ user: invite.user, invite: encodeInvite(invite) }));
    const team = await joined(await joinTeam(own!.invite, remember, now), now);
    return { team, invites: others };
  },

  async 'team/join'({ invite, remember }, { now }) {
    return { team: await joined(await joinTeam(invite, remember, now), now) };
  },

  async 'team/leave'({ pageId }) {
    await leaveTeam(pageId);
    await scheduleTeamSync();
    return {};
  },
};
