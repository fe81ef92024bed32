import { sha256 } from '@noble/hashes/sha2.js';
import { KEYS } from '../storage/keys';
import type { OutreachDatabase } from '../storage/schema';

/*
 * Salted keys: how a fan or a comment is named where they must not be — a forgotten fan's tombstones,
 * and every fan comment seen (sightings). One salt per browser (kept in `meta`), SHA-256, 128 bits kept.
 * Hashed in place (noble-hashes) rather than by `crypto.subtle`: a thread seen once asks for two keys
 * per comment, and each of WebCrypto's digests is a trip to another thread and back, far more than the
 * hashing itself: about 450 ms of CPU for a post of 5,000 comments (10,000 keys), 15–40 ms here.
 * A fan's sighting key is their alias without its prefix, so their sightings and their log entries,
 * forgotten or not, meet under one key.
 */

/** This browser's salt. */
export async function fanSalt(db: OutreachDatabase): Promise<string> {
  const salt = await db.get('meta', KEYS.fanSalt.key());
  if (!salt) throw new Error('The database has no salt for forgotten fans');
  return salt;
}

/** Marks ids that stand in for a forgotten fan or comment; Facebook ids never contain a colon. */
export const FORGOTTEN_PREFIX = 'forgotten:';
/** Digest bytes kept: 128 bits, so two fans of one Page never share an alias. */
const ALIAS_BYTES = 16;
/** Marks a fan named by the Graph API (a Page-scoped id), so their key never meets a facebook.com id's. */
const GRAPH_FAN = 'graph:';
/** Marks the key of a comment read through the Graph API, derived from its key when seen on a page. */
const GRAPH_COMMENT = 'graph-comment';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

const utf8 = new TextEncoder();

export function saltedAlias(salt: string, ...parts: string[]): string {
  const digest = sha256(utf8.encode([salt, ...parts].join('\u0000')));
  return FORGOTTEN_PREFIX + base64Url(digest.subarray(0, ALIAS_BYTES));
}

/** The key an alias gives where fans and comments are kept unnamed (sightings). */
export function keyOfAlias(alias: string): string {
  return alias.slice(FORGOTTEN_PREFIX.length);
}

/** A fan's alias under a given salt: this browser's, or a backup's being restored. */
export function fanAliasUnder(salt: string, fan: { pageId: string; fanId: string }): string {
  return saltedAlias(salt, fan.pageId, fan.fanId);
}

/** A comment's alias under a given salt, as a forgotten fan's tombstones hold it. */
export function commentAliasUnder(salt: string, commentId: string): string {
  return saltedAlias(salt, commentId);
}

/** A fan's key in the sightings, by the id facebook.com shows. */
export function sightingFanKey(salt: string, fan: { pageId: string; fanId: string }): string {
  return keyOfAlias(fanAliasUnder(salt, fan));
}

/** A comment's key in the sightings, by the id facebook.com shows. */
export function sightingCommentKey(salt: string, commentId: string): string {
  return keyOfAlias(commentAliasUnder(salt, commentId));
}

/** A fan's key in the sightings read through the Graph API, by the Page-scoped id it names them by. */
export function graphFanKey(salt: string, pageId: string, graphFanId: string): string {
  return sightingFanKey(salt, { pageId, fanId: GRAPH_FAN + graphFanId });
}

/**
 * A comment's key in the sightings read through the Graph API: derived from its key when seen on a
 * page, so the same comment seen both ways is kept twice (one per source) and is found from either —
 * which is how a messaged fan, and a fan being forgotten, are found among the Graph's sightings.
 */
export function graphCommentKey(salt: string, commentKey: string): string {
  return keyOfAlias(saltedAlias(salt, GRAPH_COMMENT, commentKey));
}
