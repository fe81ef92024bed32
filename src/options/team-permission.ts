import browser from 'webextension-polyfill';
import { teamHostPermission } from '../shared/team-invite';

/**
 * Asks for the one team server's host, and nothing else; must run first in a click handler, while the
 * gesture lasts. The server is reached by the background only.
 */
export async function grantTeamHost(serverUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [teamHostPermission(serverUrl)] });
  } catch {
    return false;
  }
}
