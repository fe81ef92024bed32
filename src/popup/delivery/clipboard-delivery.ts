import type { DeliveryOutcome } from '../../shared/outreach';

/** Puts the final text on the clipboard; the admin pastes it into Facebook's message box and sends. */
export async function copyToClipboard(text: string): Promise<DeliveryOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}
