import { IDBFactory } from 'fake-indexeddb';
import { withDatabase } from '../../src/background/storage/database';
import { setDoNotContact } from '../../src/background/fans/fan-store';
import { settleOutreach } from '../../src/background/outreach/settle';
import { type NewEntry, type ReserveOptions } from '../../src/background/outreach/reserve';
import { markInTeam } from '../../src/background/team/share';
import type { Membership } from '../../src/background/team/membership';
import { reserveThroughTeam } from '../../src/background/team/reserve';
import { createTeam } from '../../src/background/team/setup';
import { syncMembership } from '../../src/background/team/sync';
import type { PolicySettings } from '../../src/shared/policy-settings';
import { DAY_MS } from '../../src/shared/time';
import type { SimulationConfig } from './scenario';

/** A CouchDB-compatible server the simulator's admins share, and one of its server admins. */
export interface TeamServer {
  url: string;
  admin: { user: string; password: string };
}

type FanProfile = Parameters<typeof setDoNotContact>[1];

/** A port where nothing listens: the team server as the offline admin's browser sees it. */
const UNREACHABLE = 'http://127.0.0.1:9';

/**
 * The simulator's admins in team mode: each browser (its own IndexedDB) joined to the Page's team on
 * the server, deciding each send through the real team gate. One admin is offline for one day: their
 * sends are decided alone and told to the team when they come back.
 */
export async function joinTeam(server: TeamServer, config: SimulationConfig, settings: PolicySettings) {
  const invites = await createTeam({
    serverAdmin: { server: server.url, ...server.admin },
    pageId: 'acmecoffee',
    pageName: 'Acme Coffee',
    owner: 'admin-0',
    members: Array.from({ length: config.admins - 1 }, (_, index) => `admin-${index + 1}`),
    policy: settings,
    now: config.start,
  });
  const browsers = invites.map((invite) => ({
    indexedDB: new IDBFactory(),
    membership: { ...invite, remembered: false } as Membership,
    wasOffline: false,
  }));
  const { admin: offlineAdmin, day: offlineDay } = config.teamOffline;
  const dayOf = (at: number) => Math.floor((at - config.start) / DAY_MS);

  /** Runs `work` in the admin's browser, on the network or off it as the day has it. */
  async function as<T>(admin: number, at: number, work: (membership: Membership) => Promise<T>): Promise<T> {
    const browser = browsers[admin]!;
    globalThis.indexedDB = browser.indexedDB;
    const offline = admin === offlineAdmin && dayOf(at) === offlineDay;
    if (browser.wasOffline && !offline) await syncMembership(browser.membership, at);
    browser.wasOffline = offline;
    return work(offline ? { ...browser.membership, server: UNREACHABLE } : browser.membership);
  }

  return {
    reserve: (
      admin: number,
      draft: NewEntry,
      now: number,
      options: Omit<ReserveOptions, 'team' | 'forTeam'>,
    ) => as(admin, now, (membership) => reserveThroughTeam(membership, draft, settings, now, options)),
    settle: (admin: number, entryId: string, status: 'sent' | 'failed', at: number) =>
      as(admin, at, () => withDatabase((db) => settleOutreach(db, entryId, status, at))),
    /** The admin who reads a STOP marks the fan "do not contact", here and for the whole team. */
    markStop: (admin: number, fan: FanProfile, at: number) =>
      as(admin, at, async (membership) => {
        await withDatabase((db) => setDoNotContact(db, fan, true, at));
        await markInTeam(membership, fan.fanId, true, at);
      }),
    /**
     * Every browser tells the team what still waits; then, how many contacts went over its limits,
     * and the fans they went to (each marked in its author's log).
     */
    async finish(at: number): Promise<{ over: number; fans: number[] }> {
      let over = 0;
      const fans = new Set<number>();
      for (const browser of browsers) {
        globalThis.indexedDB = browser.indexedDB;
        await syncMembership(browser.membership, at);
        const entries = await withDatabase((db) => db.getAll('outreach'));
        const marked = entries.filter((entry) => entry.overTeamLimit);
        over += marked.length;
        for (const entry of marked) fans.add(Number(entry.fanId.slice('fan-'.length)));
      }
      return { over, fans: [...fans] };
    },
  };
}
