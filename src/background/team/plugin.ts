import type { TeamPort } from '../team-port';
import { forgetInTeam, markInTeam, shareNote } from './share';
import { activeMembership } from './membership';
import { reserveThroughTeam, teamViewOfFan } from './reserve';
import { syncPage, teamOfPage } from './sync';
import { resetAfterRestore } from './local-state';

/** Team mode as the core asks for it (see team-port.ts): each call finds the Page's active team first. */
export const teamPlugin: TeamPort = {
  status: teamOfPage,
  async viewOfFan(fan, now) {
    const membership = await activeMembership(fan.pageId);
    return membership ? teamViewOfFan(membership, fan, now) : null;
  },
  async reserve(draft, settings, now, options) {
    const membership = await activeMembership(draft.pageId);
    return membership ? reserveThroughTeam(membership, draft, settings, now, options) : null;
  },
  async mark(fan, on, now) {
    const membership = await activeMembership(fan.pageId);
    if (membership) await markInTeam(membership, fan.fanId, on, now);
  },
  async shareNote(fan, text, now) {
    const membership = await activeMembership(fan.pageId);
    if (membership) await shareNote(membership, fan, text, now);
  },
  async forget(fan, now) {
    const membership = await activeMembership(fan.pageId);
    if (membership) await forgetInTeam(membership, fan, now);
  },
  sync: syncPage,
  afterRestore: resetAfterRestore,
};
