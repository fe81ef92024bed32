import browser from 'webextension-polyfill';
import type { ConnectedPage } from '../shared/graph';
import { GRAPH_CONNECTION_KEY, withDatabase } from './database';
import { canReadConversations, GRAPH_ORIGIN, readTokenPage, type GraphCall } from './graph-api';
import { RequestError } from './request-error';

/**
 * The Page connected to the Graph API and its token. The token lives in `storage.session` (gone when
 * the browser closes; content scripts cannot read it), and in IndexedDB only when the admin asks to
 * remember it. It never leaves the background: the extension's pages only ever see `ConnectedPage`.
 */
const SESSION_KEY = 'graphConnection';
const BACKOFF_KEY = 'graphBackoffUntil';
/** Where a test build's Graph API is: a stub on loopback that the tests start themselves. */
const TEST_BASE_URL_KEY = 'test:graphBaseUrl';
/** How long the Graph API rests after Facebook said the Page sends too fast. */
export const RATE_LIMIT_BACKOFF_MS = 15 * 60_000;

export interface StoredConnection {
  token: string;
  page: { id: string; name: string };
  canReadConversations: boolean;
  remembered: boolean;
}

/** The Graph API's address: the real one, except in test builds where the tests may point it home. */
export async function graphBaseUrl(): Promise<string> {
  if (!__TEST_BUILD__) return GRAPH_ORIGIN;
  const stored = await browser.storage.local.get(TEST_BASE_URL_KEY);
  return (stored[TEST_BASE_URL_KEY] as string | undefined) ?? GRAPH_ORIGIN;
}

export async function loadConnection(): Promise<StoredConnection | null> {
  const session = await browser.storage.session.get(SESSION_KEY);
  const current = session[SESSION_KEY] as StoredConnection | undefined;
  if (current) return current;
  const remembered = await withDatabase((db) => db.get('meta', GRAPH_CONNECTION_KEY));
  if (!remembered) return null;
  const connection = JSON.parse(remembered) as StoredConnection;
  await browser.storage.session.set({ [SESSION_KEY]: connection });
  return connection;
}

export function publicView(connection: StoredConnection | null): ConnectedPage | null {
  return (
    connection && {
      ...connection.page,
      canReadConversations: connection.canReadConversations,
      remembered: connection.remembered,
    }
  );
}

export async function callFor(connection: StoredConnection): Promise<GraphCall> {
  return { token: connection.token, baseUrl: await graphBaseUrl() };
}

/**
 * Checks a Page access token with Facebook before keeping it: it must name a Page and be allowed to
 * handle the Page's messages. Nothing is stored when it is not.
 */
export async function connectPage(token: string, remember: boolean): Promise<ConnectedPage> {
  const call = { token, baseUrl: await graphBaseUrl() };
  const page = await readTokenPage(call);
  if (page.kind === 'unknown') throw new RequestError('unavailable', 'graphUnreachable');
  if (page.kind === 'refused') throw new RequestError('invalid-request', 'graphTokenRefused');
  const conversations = await canReadConversations(call);
  if (conversations.kind === 'unknown') throw new RequestError('unavailable', 'graphUnreachable');
  if (conversations.kind === 'refused' || !conversations.data) {
    throw new RequestError('invalid-request', 'graphNoMessaging', [page.data.name]);
  }
  const connection: StoredConnection = {
    token,
    page: page.data,
    canReadConversations: conversations.data,
    remembered: remember,
  };
  await browser.storage.session.set({ [SESSION_KEY]: connection });
  await withDatabase(async (db) => {
    if (remember) await db.put('meta', JSON.stringify(connection), GRAPH_CONNECTION_KEY);
    else await db.delete('meta', GRAPH_CONNECTION_KEY);
  });
  return publicView(connection)!;
}

export async function disconnectPage(): Promise<void> {
  await browser.storage.session.remove([SESSION_KEY, BACKOFF_KEY]);
  await withDatabase((db) => db.delete('meta', GRAPH_CONNECTION_KEY));
}

/** Until when Facebook asked the Page to slow down, if it did. */
export async function backoffUntil(now: number): Promise<number | null> {
  const stored = await browser.storage.session.get(BACKOFF_KEY);
  const until = stored[BACKOFF_KEY] as number | undefined;
  return until !== undefined && until > now ? until : null;
}

export async function startBackoff(now: number): Promise<void> {
  await browser.storage.session.set({ [BACKOFF_KEY]: now + RATE_LIMIT_BACKOFF_MS });
}
