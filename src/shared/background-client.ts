import browser from 'webextension-polyfill';
import type { Reply, ToBackground } from './messages';

/** Sends one protocol message to the background and returns its typed reply. */
export async function request<M extends ToBackground>(message: M): Promise<Reply<M['type']>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M['type']>;
}
