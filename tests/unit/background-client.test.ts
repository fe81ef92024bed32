import { expect, test } from 'vitest';
import { request } from '../../src/shared/background-client';
import { fakeBrowser } from './fake-browser';

test('a worker that cannot be reached gives an error reply to show, never a rejection that leaves “Loading…”', async () => {
  fakeBrowser.reset();
  // The stand-in browser has no worker to answer runtime.sendMessage, as after an update.
  expect(await request({ type: 'popup/open' })).toEqual({
    ok: false,
    error: {
      code: 'unavailable',
      message: expect.stringMatching(/^Page Outreach did not answer\. Nothing was sent\./),
    },
  });
});
