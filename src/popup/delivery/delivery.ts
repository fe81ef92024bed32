import type { GraphError } from '../../shared/graph';
import type { ComposerFailure } from '../../shared/messages';

export interface OutgoingMessage {
  entryId: string;
  recipientName: string;
  text: string;
}

/**
 * What became of a reserved message: waiting in Facebook's own message box for the admin to press
 * Send there, or (when that box could not take it, for `fallback`) copied or not; or, through the
 * Graph API, sent, refused by Facebook for `error`, or unknown.
 */
export type DeliveryResult =
  | { status: 'prepared' }
  | { status: 'copied' | 'failed'; fallback: ComposerFailure }
  | { status: 'api-sent'; alreadyAnswered?: true }
  | { status: 'api-unknown' }
  | { status: 'api-failed'; error: GraphError; retryAt?: number }
  | { status: 'error'; message: string };

/**
 * How a reserved message reaches the fan. The entry is reserved before `deliver` runs and settled by
 * it, so a delivery interrupted half-way stays visible as "unknown".
 */
export interface Delivery {
  deliver(message: OutgoingMessage): Promise<DeliveryResult>;
}
