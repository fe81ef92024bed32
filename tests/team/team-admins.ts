import { IDBFactory } from 'fake-indexeddb';
import type browser from 'webextension-polyfill';
import { routeMessage } from '../unit/checked-router';
import type { MessageType, ReplyOf } from '../../src/shared/messages';
import { fakeBrowser } from '../unit/fake-browser';
import '../unit/indexeddb';
import { facebookTab, popup } from '../unit/senders';
import { giuliaComment } from '../unit/sample-comment';
import type { CommentContext } from '../../src/shared/comment-context';
import { OUTREACH_CHANGE_KEY } from '../../src/shared/fan-status';
import { parseInvite } from '../../src/shared/team-invite';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startCouchServer, type CouchServer } from './couch-process.mjs';

type Message = { type: string } & Record<string, unknown>;

/** Where the background keeps the joined teams in `storage.session` (see team-membership.ts). */
const MEMBERSHIPS_KEY = 'teamMemberships';
/** A port nothing listens on: the team server as seen from a browser that lost the network. */
const UNREACHABLE = 'http://127.0.0.1:9';

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

  async call<K extends MessageType>(message: { type: K } & Record<string, unknown>, now = Date.now()) {
    const reply = await this.send(message, now);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data as ReplyOf<K>;
  }

  /** The team server stops answering this admin (a port where nothing listens), or answers again. */
  async disconnect(): Promise<void> {
    await this.pointAt((server) => `${UNREACHABLE}#${server}`);
  }

  /**
   * The admin's requests go through another server first (one a test controls), until reconnect:
   * for every team, or only for the team of `pageId`.
   */
  async routeThrough(url: string, pageId?: string): Promise<void> {
    await this.pointAt((server, page) =>
      pageId === undefined || page === pageId ? `${url}#${server.split('#').pop()!}` : server,
    );
  }

  /**
   * The admin's requests go to another server in place of the team's, paths and all (a proxy a test
   * controls); `reconnect` cannot undo this.
   */
  async useServer(url: string): Promise<void> {
    await this.pointAt(() => url);
  }

  async reconnect(): Promise<void> {
    await this.pointAt((server) => server.split('#').pop()!);
  }

  private async pointAt(where: (server: string, pageId: string) => string): Promise<void> {
    await this.as(async () => {
      const stored = await fakeBrowser.storage.session.get(MEMBERSHIPS_KEY);
      const memberships = (stored[MEMBERSHIPS_KEY] ?? []) as Array<{ server: string; pageId: string }>;
      const moved = memberships.map((membership) => ({
        ...membership,
        server: where(membership.server, membership.pageId),
      }));
      await fakeBrowser.storage.session.set({ [MEMBERSHIPS_KEY]: moved });
    });
  }

  /** This admin's account as their browser keeps it (the password joining set, not the invite's). */
  account(): Promise<{ database: string; user: string; password: string; server: string; pageId: string }> {
    return this.as(async () => {
      const stored = await fakeBrowser.storage.session.get(MEMBERSHIPS_KEY);
      const [membership] = (stored[MEMBERSHIPS_KEY] ?? []) as Array<{
        database: string;
        user: string;
        password: string;
        server: string;
        pageId: string;
      }>;
      if (!membership) throw new Error('this admin joined no team');
      return membership;
    });
  }

  /** The last change the background announced to this admin's tabs and pages. */
  lastChange(): Promise<unknown> {
    return this.as(
      async () => (await fakeBrowser.storage.local.get(OUTREACH_CHANGE_KEY))[OUTREACH_CHANGE_KEY],
    );
  }

  /** The admin clicks "Send message" under a comment on facebook.com. */
  async pick(comment: object, now = Date.now()): Promise<void> {
    const reply = await this.send({ type: 'target/select', comment }, now, facebookTab);
    if (!reply.ok) throw new Error(reply.error.message);
  }
}

/**
 * The team tests' set-up: one CouchDB-compatible server per test file, as its own process, and before
 * each test a fresh team of two on a Page of its own, handed to `take` with the server.
 */
export function eachTestATeamOfTwo(
  take: (team: Awaited<ReturnType<typeof teamOfTwo>> & { couch: CouchServer }) => void,
): void {
  let couch: CouchServer;
  beforeAll(async () => (couch = await startCouchServer()));
  afterAll(() => couch.stop());
  beforeEach(async () => take({ ...(await teamOfTwo(couch)), couch }));
}

/**
 * A Page's team of two on the test server: Ann set it up, Bea joined with her invite. A third member,
 * Mal, has an invite too, and talks to the server directly with its credentials (`malInvite`).
 */
export async function teamOfTwo(couch: CouchServer) {
  const ann = new Admin();
  const bea = new Admin();
  // A Page of its own per test: the test server's databases are never destroyed.
  const pageId = `acme${crypto.randomUUID().slice(0, 8)}`;
  const invites = await setUpTeam(ann, couch, { pageId, pageName: 'Acme Coffee', members: ['Bea', 'Mal'] });
  await bea.call({ type: 'team/join', invite: invites[0]!.invite, remember: false });
  const [beaInvite, malInvite] = invites.map(({ invite }) => {
    const parsed = parseInvite(invite);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.invite;
  });
  return { ann, bea, beaInvite: beaInvite!, malInvite: malInvite!, comment: { ...giuliaComment, pageId } };
}

/** `owner` sets up a Page's team on the test server (joining it) and gets the others' invites. */
export async function setUpTeam(
  owner: Admin,
  couch: CouchServer,
  { pageId, pageName, members }: { pageId: string; pageName: string; members: string[] },
) {
  const { invites } = await owner.call({
    type: 'team/create',
    server: couch.url,
    ...serverAdmin(couch),
    pageId,
    pageName,
    owner: 'Ann',
    members,
    remember: false,
  });
  return invites;
}

/** The server admin's name and password, as the owner types them for a change to the team. */
export const serverAdmin = (couch: CouchServer) => ({
  adminName: couch.admin.user,
  adminPassword: couch.admin.password,
});

/** The owner makes the team refuse sends its server cannot check. */
export async function makeStrict(owner: Admin, couch: CouchServer, pageId: string): Promise<void> {
  await owner.call({
    type: 'team/settings',
    pageId,
    strict: true,
    useTheseLimits: false,
    ...serverAdmin(couch),
  });
}

/** The same fan's comment `commentId` on the same post. */
export const sameFan = (comment: CommentContext, commentId: string): CommentContext => ({
  ...comment,
  commentId,
  graphCommentId: `123_${commentId}`,
});

/** Another fan's comment on the same post. */
export const anotherFan = (on: CommentContext, commentId = '777'): CommentContext => ({
  ...sameFan(on, commentId),
  authorId: `marco.bianchi.${commentId}`,
  authorName: 'Marco Bianchi',
  authorUrl: `https://www.facebook.com/marco.bianchi.${commentId}`,
});

/** The admin picks the comment and confirms a message of `category` to its author. */
export async function reserve(admin: Admin, on: CommentContext, category = 'thanks', now = Date.now()) {
  await admin.pick(on, now);
  return admin.call(
    {
      type: 'outreach/reserve',
      commentId: on.commentId,
      category,
      templateId: `default-${category}-1-en`,
      text: 'Hi Giulia!',
    },
    now,
  );
}

/** The admin sends the reserved entry by the clipboard: the outcome settles it (and tells the team). */
export async function settle(admin: Admin, entryId: string): Promise<void> {
  await admin.call({ type: 'outreach/deliver', entryId });
  await admin.call({ type: 'outreach/confirm', entryId, outcome: 'copied' });
}

/** The admin's log, newest first. */
export const logOf = async (admin: Admin) => (await admin.call({ type: 'log/list' })).entries;

/** The Basic auth header of the test server's admin. */
export const serverAdminAuth = (couch: CouchServer) =>
  `Basic ${Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64')}`;

/**
 * One request to the test server as `authorization` (a member's, the server admin's), the way a
 * teammate talking to it directly would make it: the status and the JSON it answered.
 */
export async function requestAs(
  couch: CouchServer,
  authorization: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${couch.url}/${path}`, {
    method,
    headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The Basic auth header of a team member's own account, as a browser with their invite logs in. */
export function memberAuth({
  database,
  user,
  password,
}: {
  database: string;
  user: string;
  password: string;
}) {
  return `Basic ${Buffer.from(`${database}/${user}:${password}`).toString('base64')}`;
}
