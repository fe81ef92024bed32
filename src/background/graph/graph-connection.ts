import type { CommentContext } from '../../shared/comment-context';
import type { z } from 'zod';
import type { PausingError } from '../../shared/graph';
import type { ConnectedPage, GraphPause } from '../../shared/messages';
import { HOUR_MS } from '../../shared/time';
import { KEYS, type StoredConnectionSchema } from '../storage/keys';
import { readStored, removeStored, writeStored } from '../storage/stored';
import { canReadConversations, readTokenPage, type GraphPage } from './graph-api';
import { GRAPH_ORIGIN, type GraphCall } from './graph-request';
import { RequestError } from '../request';

/*
 * The Page connected to the Graph API and its token. The token lives in `storage.session` (gone when
 * the browser closes; content scripts cannot read it), and in IndexedDB only when the admin asks to
 * remember it. It never leaves the background: the extension's pages only ever see `ConnectedPage`.
 * A pause is kept in `storage.local`, so a Page that Facebook blocked stays paused across browser
 * restarts; it names the Page, so connecting another one is not held by it.
 */
/**
 * How long the Graph API rests after each of Facebook's page-wide answers: a rate limit passes within
 * minutes (longer when Facebook says so); a block for abuse (368) or a restriction of the Page lasts
 * hours to days, and sending on meanwhile is what makes Facebook escalate it.
 */
export const PAUSE_MS: Record<PausingError, number> = {
  'rate-limited': 15 * 60_000,
  'page-blocked': 24 * HOUR_MS,
  'page-restricted': 24 * HOUR_MS,
};

export type StoredConnection = z.infer<typeof StoredConnectionSchema>;

/** The Graph API's address: the real one, except in test builds where the tests may point it home. */
export async function graphBaseUrl(): Promise<string> {
  if (!__TEST_BUILD__) return GRAPH_ORIGIN;
  return (await readStored(KEYS.graphTestBaseUrl)) ?? GRAPH_ORIGIN;
}

export async function loadConnection(): Promise<StoredConnection | null> {
  const current = await readStored(KEYS.graphConnection);
  if (current) return current;
  const remembered = await readStored(KEYS.graphConnectionRemembered);
  if (remembered) await writeStored(KEYS.graphConnection, remembered);
  return remembered;
}

export function publicView(connection: StoredConnection | null): ConnectedPage | null {
  return (
    connection && {
      id: connection.page.id,
      name: connection.page.name,
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
  await writeStored(KEYS.graphConnection, connection);
  if (remember) await writeStored(KEYS.graphConnectionRemembered, connection);
  else await removeStored(KEYS.graphConnectionRemembered);
  return publicView(connection)!;
}

export async function disconnectPage(): Promise<void> {
  await removeStored(KEYS.graphConnection);
  await removeStored(KEYS.graphConnectionRemembered);
}

/** Does the connection speak for the Page a comment names: by its id or its vanity, never its name? */
export function speaksFor(page: GraphPage, pageId: string): boolean {
  return pageId === page.id || (page.username?.toLowerCase() === pageId.toLowerCase() && pageId !== '');
}

/** The pause Facebook imposed on this Page's Graph API use, while it lasts. */
export async function graphPause(pageId: string, now: number): Promise<GraphPause | null> {
  const pause = await readStored(KEYS.graphPause);
  return pause?.pageId === pageId && pause.until > now ? pause : null;
}

/**
 * Pauses the Page's Graph API use after a page-wide answer, for as long as Facebook said or our
 * default, whichever is longer; a longer pause already running is never shortened.
 */
export async function pauseGraph(
  pageId: string,
  reason: PausingError,
  now: number,
  retryAfterMs = 0,
): Promise<GraphPause> {
  const running = await graphPause(pageId, now);
  const until = now + Math.max(PAUSE_MS[reason], retryAfterMs);
  if (running && running.until >= until) return running;
  const pause: GraphPause = { pageId, until, reason };
  await writeStored(KEYS.graphPause, pause);
  return pause;
}

/** Does the Graph API connection speak for the Page this comment is on, and can it name the comment? */
export function graphCanDeliver(
  connection: StoredConnection | null,
  comment: CommentContext,
): connection is StoredConnection {
  return (
    connection !== null && comment.graphCommentId !== undefined && speaksFor(connection.page, comment.pageId)
  );
}
