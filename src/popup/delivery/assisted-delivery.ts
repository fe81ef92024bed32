import { request } from '../../shared/background-client';
import type { Delivery } from './delivery';
import { copyToClipboard } from './clipboard-delivery';

/**
 * Facebook's own message box, in the comment's tab: the background has the tab put the text there and
 * the admin presses Facebook's Send. When the box cannot take it, the clipboard does, and the popup
 * says why and what to do next.
 */
export const assistedDelivery: Delivery = {
  async deliver({ entryId, text }) {
    const assisted = await request({ type: 'outreach/deliver', entryId });
    if (!assisted.ok) return { status: 'error', message: assisted.error.message };
    if (assisted.data.prepared) return { status: 'prepared' };
    const copied = await copyToClipboard(text);
    const confirmed = await request({ type: 'outreach/confirm', entryId, outcome: copied });
    if (!confirmed.ok) return { status: 'error', message: confirmed.error.message };
    return { status: copied, fallback: assisted.data.reason };
  },
};
