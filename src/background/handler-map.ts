import type { ReplyOf, ToBackground } from '../shared/messages';
import type { TeamPort } from './team-port';

/** What every handler is told besides its message. */
export interface HandlerContext {
  /** The tab the message came from: the facebook.com tab for content scripts, if any for our pages. */
  tabId?: number;
  now: number;
  /** Team mode, as plugged in by the worker's entry (see team-port.ts). */
  team: TeamPort;
}

/** One handler per message type of `M`, each answering with that type's reply data. */
export type HandlerMap<M extends ToBackground> = {
  [K in M['type']]: (message: Extract<M, { type: K }>, context: HandlerContext) => Promise<ReplyOf<K>>;
};
