import type browser from 'webextension-polyfill';
import { routeMessage as route } from '../../src/background/app';
import { REPLY_SCHEMAS, type MessageType } from '../../src/shared/messages';

/**
 * The worker's router as the tests use it: every successful reply is checked against its message's
 * definition, so a handler that answers anything else fails the test that sent the message.
 */
export async function routeMessage(raw: unknown, sender: browser.Runtime.MessageSender, now: number) {
  const reply = await route(raw, sender, now);
  if (reply.ok) {
    const type = (raw as { type: MessageType }).type;
    const checked = REPLY_SCHEMAS[type].safeParse(reply.data);
    if (!checked.success)
      throw new Error(`The reply to ${type} breaks its definition: ${checked.error.message}`);
  }
  return reply;
}
