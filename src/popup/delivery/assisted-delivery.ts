import { request } from '../../shared/background-client';
import type { Delivery } from './delivery';
import { copyToClipboard } from './clipboard-delivery';

/**
 * The background delivers: through the Graph API for a connected Page, else through Facebook's own
 * message box in the comment's tab, where the admin presses Facebook's Send. When the box cannot take
 * it, the clipboard does, and the popup says why and what to do next.
 */
export const assistedDelivery: Delivery = {
  async deliver({ entryId, text }) {
    const assisted = await request({ type: 'outreach/deliver', entryId });
    if (!assisted.ok) return { status: 'error', message: assisted.error.message };
    const reply = assisted.data;
    if (reply.via === 'api') {
      if (reply.status === 'sent')
        return reply.error === 'already-answered'
          ? { status: 'api-sent', alreadyAnswered: true }
          : { status: 'api-sent' };
      if (reply.status === 'unknown') return { status: 'api-unknown' };
      return {
        status: 'api-failed',
        error: reply.error ?? 'rejected',
        ...(reply.retryAt === undefined ? {} : { retryAt: reply.retryAt }),
      };
    }
    if (reply.prepared) return { status: 'prepared' };
    const copied = await copyToClipboard(text);
    const confirmed = await request({ type: 'outreach/confirm', entryId, outcome: copied });
    if (!confirmed.ok) return { status: 'error', message: confirmed.error.message };
    return { status: copied, fallback: reply.reason };
  },
};
