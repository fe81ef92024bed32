import type { OutreachEntry } from '../../shared/outreach';
import type { OutreachDatabase } from '../storage/schema';
import { commentKeysOfFan, forgetSightings } from '../discretion/sighting-store';
import { withReplies } from './private-replies';
import {
  commentAliasUnder,
  fanAliasUnder,
  fanSalt,
  graphCommentKey,
  keyOfAlias,
  saltedAlias as alias,
} from './salted-keys';

/** What a forgotten fan's contacts are filed under instead of their Facebook ids. */
export interface ForgottenAliases {
  fanId: string;
  commentId: string;
}

/** The tombstone an entry becomes when its fan is forgotten, under a given salt. */
export function tombstoneUnder(salt: string, entry: OutreachEntry, now: number): OutreachEntry {
  const aliases = {
    fanId: alias(salt, entry.pageId, entry.fanId),
    commentId: commentAliasUnder(salt, entry.commentId),
  };
  return tombstone(entry, aliases, now, entry.forgottenBy);
}

/**
 * The salted hashes a forgotten fan's contacts are kept under: the same fan commenting again maps to
 * the same alias, so their limits still hold, but the log no longer says who they were. Computed
 * before any transaction opens: the salt is read in a transaction of its own.
 */
export async function forgottenAliases(
  db: OutreachDatabase,
  request: { pageId: string; fanId: string; commentId: string },
): Promise<ForgottenAliases> {
  const salt = await fanSalt(db);
  return { fanId: alias(salt, request.pageId, request.fanId), commentId: alias(salt, request.commentId) };
}

/**
 * The aliases of many fans at once, for questions about fans rather than comments (their statuses):
 * the salt read once, one hash per fan, and no comment alias, since no comment is asked about.
 */
export async function forgottenFanAliases(
  db: OutreachDatabase,
  fans: readonly { pageId: string; fanId: string }[],
): Promise<ForgottenAliases[]> {
  const salt = await fanSalt(db);
  return fans.map(({ pageId, fanId }) => ({ fanId: alias(salt, pageId, fanId), commentId: '' }));
}

/** A forgotten fan's entries and standing, read back as theirs (and their comments'), so the policy counts them. */
export function reclaim<T extends { fanId: string; commentId?: string }>(
  entry: T,
  request: { fanId: string; commentId: string },
  aliases: ForgottenAliases,
): T {
  return {
    ...entry,
    ...(entry.fanId === aliases.fanId ? { fanId: request.fanId } : {}),
    ...(entry.commentId === aliases.commentId ? { commentId: request.commentId } : {}),
  };
}

/**
 * The count-only tombstone of an entry: what the limits need (Page, category, template id, time,
 * status), nothing that tells who the fan was or what they were sent.
 */
function tombstone(
  entry: OutreachEntry,
  aliases: ForgottenAliases,
  now: number,
  by: string | undefined,
): OutreachEntry {
  const { override, commentSlot, ...kept } = entry;
  // When the comment was written would point back at it; what was sent is the fan's message too;
  // Facebook's message id reads back the fan and the text with the Page's token.
  delete kept.commentPostedAt;
  delete kept.sentText;
  delete kept.messageId;
  return {
    ...kept,
    fanId: aliases.fanId,
    fanName: '',
    fanUrl: '',
    commentId: aliases.commentId,
    // The post and a template the admin titled may name the fan's thread or the fan.
    postUrl: '',
    templateTitle: '',
    commentExcerpt: '',
    text: '',
    updatedAt: now,
    forgotten: true,
    ...(by !== undefined ? { forgottenBy: by } : {}),
    ...(override ? { override: { rule: override.rule, reason: '' } } : {}),
    ...(commentSlot !== undefined ? { commentSlot: aliases.commentId } : {}),
  };
}

/**
 * The keys, among the Graph API's sightings, of the fan's comments this browser knows: those they were
 * sent messages about and those seen on a page. Hashed before the write (see graphCommentKey).
 */
async function graphKeysOfFan(
  db: OutreachDatabase,
  salt: string,
  fan: { pageId: string; fanKey: string },
  commentAliases: readonly string[],
): Promise<string[]> {
  const commentKeys = new Set([
    ...(await commentKeysOfFan(db, fan.pageId, fan.fanKey)),
    ...commentAliases.map(keyOfAlias),
  ]);
  return [...commentKeys].map((commentKey) => graphCommentKey(salt, commentKey));
}

/**
 * Erases what the Page knows about a fan — names, profile, comments, messages, override reasons —
 * leaving for each contact a tombstone with only its Page, category, time and status under a salted
 * alias, deleting the comments of theirs seen (sightings), and the "do not contact" mark and the private replies seen under their comments (by time and
 * comment alias) if there were any. Returns how many tombstones were left, and the alias the fan is
 * known by from now on.
 */
export async function forgetFan(
  db: OutreachDatabase,
  fan: { pageId: string; fanId: string },
  now: number,
  /** The teammate who asked the team to forget the fan; none when this admin did. */
  by?: string,
): Promise<{ tombstones: number; alias: string }> {
  const range = IDBKeyRange.bound([fan.pageId, fan.fanId, -Infinity], [fan.pageId, fan.fanId, Infinity]);
  // One salt read for every hash below, however many comments the fan has.
  const salt = await fanSalt(db);
  const fanAlias = fanAliasUnder(salt, fan);
  const fanKey = keyOfAlias(fanAlias);
  for (;;) {
    // Every comment id read and hashed first: nothing but the write's own requests may be awaited in it.
    const commentIds = new Set([
      ...(await db.getAllFromIndex('outreach', 'byPageFanTime', range)).map((entry) => entry.commentId),
      ...((await db.get('fans', [fan.pageId, fan.fanId]))?.answered ?? []).map((reply) => reply.commentId),
    ]);
    const aliasByComment = new Map(
      [...commentIds].map(
        (commentId) =>
          [commentId, { fanId: fanAlias, commentId: commentAliasUnder(salt, commentId) }] as const,
      ),
    );
    const graphKeys = await graphKeysOfFan(
      db,
      salt,
      { pageId: fan.pageId, fanKey },
      [...aliasByComment.values()].map(({ commentId }) => commentId),
    );
    const tx = db.transaction(['outreach', 'fans', 'sightingChunks'], 'readwrite', { durability: 'strict' });
    const outreach = tx.objectStore('outreach');
    const fans = tx.objectStore('fans');
    const [entries, standing, previous] = await Promise.all([
      outreach.index('byPageFanTime').getAll(range),
      fans.get([fan.pageId, fan.fanId]),
      fans.get([fan.pageId, fanAlias]),
    ]);
    const replies = standing?.answered ?? [];
    if ([...entries, ...replies].some(({ commentId }) => !aliasByComment.has(commentId))) {
      // A message to the fan (or a reply seen) was recorded meanwhile: start over to hash its comment too.
      tx.abort();
      await tx.done.catch(() => undefined);
      continue;
    }
    const answered = withReplies(
      previous?.answered,
      replies.map((reply) => ({ ...reply, commentId: aliasByComment.get(reply.commentId)!.commentId })),
    );
    const marked = standing?.doNotContact === true;
    const kept = {
      pageId: fan.pageId,
      fanId: fanAlias,
      name: '',
      doNotContact: marked || previous?.doNotContact === true,
      updatedAt: marked ? now : (previous?.updatedAt ?? now),
      ...(answered.length > 0 ? { answered } : {}),
    };
    await Promise.all([
      ...entries.map((entry) =>
        outreach.put(tombstone(entry, aliasByComment.get(entry.commentId)!, now, by)),
      ),
      fans.delete([fan.pageId, fan.fanId]),
      forgetSightings(tx.objectStore('sightingChunks'), fan.pageId, fanKey, graphKeys),
      ...(marked || answered.length > 0 ? [fans.put(kept)] : []),
    ]);
    await tx.done;
    return { tombstones: entries.length, alias: fanAlias };
  }
}
