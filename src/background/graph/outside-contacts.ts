import { KEYS } from '../storage/keys';
import { readStored, removeStored, writeStored } from '../storage/stored';
import type { PendingTarget } from '../../shared/messages';
import { commentAuthor, pageMessageTimes } from './graph-api';
import { callFor, graphCanDeliver, type StoredConnection } from './graph-connection';

/** How long what the Graph API said of a fan's conversation is reused: popup, then send. */
const CACHE_MS = 5 * 60_000;
/** A read that only informs the verdict gives up sooner than a send. */
const READ_TIMEOUT_MS = 5000;
/** Newest messages of the conversation read: more than any cap counts. */
const MESSAGES_READ = 50;

/**
 * What is known without asking Facebook: nothing to ask (no connection that reads conversations), or
 * a recent answer. Null when only a Graph read can tell.
 */
export async function knownOutsideContacts(
  target: PendingTarget,
  connection: StoredConnection | null,
  now: number,
): Promise<number[] | null> {
  const { comment } = target;
  if (!graphCanDeliver(connection, comment) || !connection.canReadConversations) return [];
  const cached = await readStored(KEYS.graphOutside, comment.pageId, comment.authorId);
  return cached && now - cached.at < CACHE_MS && now >= cached.at ? cached.times : null;
}

/** Drops what the Graph API said of a fan's conversation: a forgotten fan leaves nothing behind. */
export async function forgetOutsideContacts(fan: { pageId: string; fanId: string }): Promise<void> {
  await removeStored(KEYS.graphOutside, fan.pageId, fan.fanId);
}

/**
 * When the Page messaged the picked comment's author outside this browser, for the policy to count:
 * read from the Page's conversation with them, where the connected token may read conversations.
 * Empty when it may not or Facebook does not answer in time: the log's own limits still hold.
 */
export async function outsideContacts(
  target: PendingTarget,
  connection: StoredConnection | null,
  now: number,
): Promise<number[]> {
  const known = await knownOutsideContacts(target, connection, now);
  if (known) return known;
  const { comment } = target;
  // Always true here (nothing known means a connection that delivers); it narrows `connection`.
  if (!graphCanDeliver(connection, comment)) return [];
  const call = { ...(await callFor(connection)), timeoutMs: READ_TIMEOUT_MS };
  const author = await commentAuthor(call, comment.graphCommentId!);
  if (author.kind !== 'ok') return [];
  const times = await pageMessageTimes(call, connection.page.id, author.data.id, MESSAGES_READ);
  if (times.kind !== 'ok') return [];
  await writeStored(KEYS.graphOutside, { at: now, times: times.data }, comment.pageId, comment.authorId);
  return times.data;
}
