import { afterEach, describe, expect, test, vi } from 'vitest';
import { grantTeamHost } from '../../src/options/team-permission';
import { fakeBrowser } from './fake-browser';

afterEach(() => vi.restoreAllMocks());

/** The browser as Firefox's build sees it, or Chrome's (no data consent in its manifest). */
function browserWith(optionalConsent: string[] | null) {
  const manifest = optionalConsent
    ? { browser_specific_settings: { gecko: { data_collection_permissions: { optional: optionalConsent } } } }
    : {};
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(manifest as never);
  const asked: unknown[] = [];
  Object.assign(fakeBrowser, {
    permissions: {
      request: async (wanted: unknown) => {
        asked.push(wanted);
        return true;
      },
    },
  });
  return asked;
}

describe('joining a team asks the browser', () => {
  test('in Firefox, for the server’s origin and consent to send fans’ identities and messages', async () => {
    const asked = browserWith(['personalCommunications', 'personallyIdentifyingInfo']);
    expect(await grantTeamHost('https://couch.agency.example')).toBe(true);
    expect(asked).toEqual([
      {
        origins: ['https://couch.agency.example/*'],
        data_collection: ['personallyIdentifyingInfo', 'personalCommunications'],
      },
    ]);
  });

  test('in Chrome, for the server’s origin only', async () => {
    const asked = browserWith(null);
    await grantTeamHost('https://couch.agency.example');
    expect(asked).toEqual([{ origins: ['https://couch.agency.example/*'] }]);
  });
});
