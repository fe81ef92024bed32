import type { Delivery } from './delivery';

/** Puts the final text on the clipboard; the admin pastes it into Facebook's message box and sends. */
export const clipboardDelivery: Delivery = {
  async deliver({ text }) {
    try {
      await navigator.clipboard.writeText(text);
      return 'copied';
    } catch {
      return 'failed';
    }
  },
};
