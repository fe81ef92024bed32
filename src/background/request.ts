import type { ErrorReply, ReplyOf, ToBackground } from '../shared/messages';
import type { MessageKey } from '../shared/i18n';
import type { TeamPort } from './team-port';

type ErrorCode = ErrorReply['error']['code'];

const DEFAULT_MESSAGES: Record<ErrorCode, MessageKey> = {
  'invalid-request': 'errorInvalidRequest',
  forbidden: 'errorForbidden',
  'not-found': 'errorNotFound',
  storage: 'errorStorageUnavailable',
  unavailable: 'graphUnreachable',
  internal: 'errorInternal',
};

/** A refusal with a code the caller can act on and a message in the admin's UI language. */
export class RequestError extends Error {
  readonly messageKey: MessageKey;
  readonly substitutions: string[];

  constructor(
    readonly code: ErrorCode,
    messageKey: MessageKey = DEFAULT_MESSAGES[code],
    substitutions: string[] = [],
  ) {
    super(messageKey);
    this.messageKey = messageKey;
    this.substitutions = substitutions;
  }
}

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
