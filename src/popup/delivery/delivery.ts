import type { DeliveryOutcome } from '../../shared/outreach';

export interface OutgoingMessage {
  recipientName: string;
  text: string;
}

/**
 * How a reserved message reaches the fan. The entry is reserved before `deliver` runs and confirmed
 * with its outcome after, so a delivery interrupted half-way stays visible as "unknown".
 */
export interface Delivery {
  deliver(message: OutgoingMessage): Promise<DeliveryOutcome>;
}
