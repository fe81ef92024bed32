import { beforeEach, describe, expect, test, vi } from 'vitest';
// IndexedDB first: the worker settles interrupted deliveries as soon as it starts.
import { freshIndexedDB } from './indexeddb';
// The worker itself, as the browser starts it: its listeners register on the stand-in browser.
import '../../src/background/index';
import { withDatabase } from '../../src/background/storage/database';
import { listOutreach } from '../../src/background/outreach/log';
import { MAINTENANCE_ALARM } from '../../src/background/maintenance';
import { TEAM_SYNC_ALARM } from '../../src/background/team/sync';
import { fakeBrowser } from './fake-browser';
import { pickAndReserveThanks } from './pick-and-reserve';
import { popup, TAB_ID } from './senders';
import { routeMessage } from './checked-router';

/** Long before the worker's own clock: any reservation made then is past every delivery timeout. */
const THEN = Date.UTC(2026, 0, 5, 12, 0, 0);

type Alarm = Parameters<typeof fakeBrowser.alarms.onAlarm.trigger>[0];
type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
const alarm = (name: string): Alarm => ({ name, scheduledTime: Date.now(), persistAcrossSessions: false });
const noResponse = () => undefined;

/**
 * The listeners start their work and return: the tests poll for its effect, for as long as a loaded
 * machine may need within a test's time (the effect usually shows within milliseconds).
 */
const SETTLED = { timeout: 4_000, interval: 10 };

const statuses = async () => (await withDatabase((db) => listOutreach(db))).map((entry) => entry.status);

// Not fakeBrowser.reset(): it would drop the listeners the worker registered when it was imported.
beforeEach(async () => {
  freshIndexedDB();
  await fakeBrowser.storage.session.clear();
  await fakeBrowser.alarms.clearAll();
});

describe('the worker’s entry', () => {
  test('answers an extension page’s message through its runtime listener', async () => {
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'templates/list' },
      popup as Sender,
      noResponse,
    );
    expect(reply).toMatchObject({ ok: true, data: { templates: expect.any(Array) } });
  });

  test('refuses a message from a sender it cannot vouch for', async () => {
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'templates/list' }, {}, noResponse);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('on install, schedules maintenance, and no team sync while no team is joined', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(
      async () => expect(await fakeBrowser.alarms.get(MAINTENANCE_ALARM)).toBeDefined(),
      SETTLED,
    );
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toBeUndefined();
  });

  test('the maintenance alarm turns a reservation nobody delivered into unknown, still counting', async () => {
    await pickAndReserveThanks(THEN);
    expect(await statuses()).toEqual(['reserved']);
    await fakeBrowser.alarms.onAlarm.trigger(alarm(MAINTENANCE_ALARM));
    await vi.waitFor(async () => expect(await statuses()).toEqual(['unknown']), SETTLED);
  });

  test('closing the tab while its message waits in Facebook’s box leaves the message unknown', async () => {
    const entryId = await pickAndReserveThanks(Date.now());
    fakeBrowser.tabReplies = () => ({ prepared: true });
    await routeMessage({ type: 'outreach/deliver', entryId }, popup, Date.now());
    expect(await statuses()).toEqual(['prepared']);
    await fakeBrowser.tabs.onRemoved.trigger(TAB_ID, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await statuses()).toEqual(['unknown']), SETTLED);
  });
});
