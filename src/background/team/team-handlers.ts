import type { PopupToBackground } from '../../shared/messages';
import { encodeInvite, teamServerUrl } from '../../shared/team-invite';
import { withDatabase } from '../database';
import type { HandlerMap } from '../handlers';
import { pagesInLog } from '../outreach-store';
import { RequestError } from '../request-error';
import { loadPolicySettings } from '../settings-store';
import { joinTeam, leaveTeam, loadMemberships, teamView } from './team-membership';
import { createTeam } from './team-setup';

type TeamMessages = Extract<PopupToBackground, { type: `team/${string}` }>;

/** The extension pages' requests about team mode (the options page's Team section). */
export const teamHandlers: HandlerMap<TeamMessages> = {
  async 'team/status'() {
    const [memberships, pages] = await Promise.all([loadMemberships(), withDatabase(pagesInLog)]);
    return { teams: memberships.map(teamView), pages };
  },

  async 'team/create'({ server, adminName, adminPassword, pageId, pageName, owner, members, remember }) {
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
    });
    const [own, ...others] = invites.map((invite) => ({ user: invite.user, invite: encodeInvite(invite) }));
    const team = await joinTeam(own!.invite, remember);
    return { team, invites: others };
  },

  async 'team/join'({ invite, remember }) {
    return { team: await joinTeam(invite, remember) };
  },

  async 'team/leave'({ pageId }) {
    await leaveTeam(pageId);
    return {};
  },
};
