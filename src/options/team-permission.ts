import browser from 'webextension-polyfill';
import { teamHostPermission } from '../shared/team-invite';

interface DataConsentManifest {
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } };
}

/**
 * What a team server is sent, in Firefox's terms: fans' names and ids, and the messages sent to them.
 * Asked only where the manifest declares them (Firefox's).
 */
const TEAM_DATA = ['personallyIdentifyingInfo', 'personalCommunications'];

/**
 * Asks for the one team server's host, and in Firefox for consent to the data a team server is sent;
 * nothing else. Must run first in a click handler, while the gesture lasts. The server is reached by the
 * background only.
 */
export async function grantTeamHost(serverUrl: string): Promise<boolean> {
  const manifest = browser.runtime.getManifest() as DataConsentManifest;
  const declared = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? [];
  const consent = TEAM_DATA.filter((kind) => declared.includes(kind));
  try {
    return await browser.permissions.request({
      origins: [teamHostPermission(serverUrl)],
      ...(consent.length > 0 ? { data_collection: consent } : {}),
    } as browser.Permissions.Permissions);
  } catch {
    return false;
  }
}
