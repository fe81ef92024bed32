import type { FanKey } from '../shared/fan-status';
import type { PopupTeam } from '../shared/messages';
import type { PolicySettings } from '../shared/policy-settings';
import type { OutreachEntry, Verdict } from '../shared/outreach';
import type { FanIdentity } from './fans/fan-standing';
import type { TeamFacts } from './outreach/history';
import type { NewEntry, ReserveOptions } from './outreach/reserve';

/**
 * The port through which team mode plugs into the core. The core declares what it asks of a team and
 * never imports `team/`; the worker's entry (app.ts) plugs the team in, and a core without it works
 * alone (NO_TEAM). Every method is about one Page and does nothing where this browser has no active
 * team for it.
 */
export interface TeamPort {
  /** What the popup shows of the Page's team; null when this browser has joined none. */
  status(pageId: string): Promise<PopupTeam | null>;
  /**
   * What the team holds of a fan, to judge a send before it is made: the team's limits and its facts
   * about the fan. Null without an active team, or when the team was never heard from.
   */
  viewOfFan(target: FanKey & { commentId: string }, now: number): Promise<TeamFanView | null>;
  /**
   * Reserves through the team's gate, which makes the send exclusive across the team. Null when the
   * Page has no active team: the core reserves on its own.
   */
  reserve(
    draft: NewEntry,
    settings: PolicySettings,
    now: number,
    options: Omit<ReserveOptions, 'team' | 'forTeam'>,
  ): Promise<TeamReservation | null>;
  /** Tells the team an admin's "do not contact" decision (now, or with a later sync). */
  mark(fan: FanKey, on: boolean, now: number): Promise<void>;
  /** Shares the admin's note about a fan (now, or with a later sync). */
  shareNote(fan: FanIdentity, text: string, now: number): Promise<void>;
  /** Forgets the fan in the team's copies, before the core forgets them here. */
  forget(fan: FanKey, now: number): Promise<void>;
  /** Tells the team what waits and hears from it, for one Page. */
  sync(pageId: string, now: number): Promise<void>;
  /** This browser's data was replaced by a restore: what it kept of each team no longer holds. */
  afterRestore(): Promise<void>;
}

/** What the team holds of a fan, to judge a send on: the team's limits and its facts about the fan. */
export interface TeamFanView {
  settings: PolicySettings;
  team: TeamFacts;
  /** Another admin lifted this admin's "do not contact" mark on the fan, and none stands: who, when. */
  liftedBy: { by: string; at: number } | null;
}

export interface TeamReservation {
  verdict: Verdict;
  entry: OutreachEntry | null;
  /** Did the team server take part in the verdict? False: decided on this browser's data alone. */
  teamChecked: boolean;
}

const nothing = async () => undefined;

/** The core on its own: no Page has a team. */
export const NO_TEAM: TeamPort = {
  status: async () => null,
  viewOfFan: async () => null,
  reserve: async () => null,
  mark: nothing,
  shareNote: nothing,
  forget: nothing,
  sync: nothing,
  afterRestore: nothing,
};
