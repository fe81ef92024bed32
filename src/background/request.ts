import type { ErrorReply } from '../shared/messages';
import type { MessageKey } from '../shared/i18n';

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
