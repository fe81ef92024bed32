import { IDBFactory } from 'fake-indexeddb';
import type browser from 'webextension-polyfill';
import { routeMessage } from '../../src/background/message-router';
import type { ReplyData } from '../../src/shared/messages';
import { fakeBrowser } from '../unit/fake-browser';
import '../unit/indexeddb';
import { facebookTab, popup } from '../unit/senders';

type Message = { type: string } & Record<string, unknown>;

/**
 * One admin's browser for the team tests: their own IndexedDB and extension storage. The stand-in
 * browser is one per process, so admins take turns: each call runs wholly as one of them.
 */
export class Admin {
  private readonly indexedDB = new IDBFactory();
  private session: Record<string, unknown> = {};
  private local: Record<string, unknown> = {};

  async as<T>(work: () => Promise<T>): Promise<T> {
    globalThis.indexedDB = this.indexedDB;
    fakeBrowser.reset();
    await fakeBrowser.storage.session.set(this.session);
    await fakeBrowser.storage.local.set(this.local);
    try {
      return await work();
    } finally {
      this.session = await fakeBrowser.storage.session.get();
      this.local = await fakeBrowser.storage.local.get();
    }
  }

  send(message: Message, now = Date.now(), sender: browser.Runtime.MessageSender = popup) {
    return this.as(() => routeMessage(message, sender, now));
  }

  async call<K extends keyof ReplyData>(message: { type: K } & Record<string, unknown>, now = Date.now()) {
    const reply = await this.send(message, now);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data as ReplyData[K];
  }

  /** The admin clicks "Send message" under a comment on facebook.com. */
  async pick(comment: object, now = Date.now()): Promise<void> {
    const reply = await this.send({ type: 'target/select', comment }, now, facebookTab);
    if (!reply.ok) throw new Error(reply.error.message);
  }
}
