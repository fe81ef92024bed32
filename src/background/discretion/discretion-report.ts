import type { DiscretionReport } from '../../shared/discretion';
import { CAME_BACK_WINDOWS, SERIES_WEEKS } from '../../shared/discretion';
import { CATEGORIES, type Category, type OutreachEntry } from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { postKeyOf } from '../../shared/post-key';
import type { SightingRecord } from '../../shared/sightings';
import { DAY_MS } from '../../shared/time';
import { fanAliasUnder, fanKeyOfAlias, fanSalt } from '../fans/forgotten-fans';
import { counts } from '../policy/frequency-policy';
import type { OutreachDatabase } from '../storage/schema';
import { figureOf, matchIndex, matchMessages, type SentMessage } from './came-back';
import { earlyWarning, weeklySeries } from './early-warning';
import { loadSightings } from './sighting-store';

/**
 * The Discretion view's figures for one Page, where the sightings store, the log and the estimators
 * meet: the Page's comments seen and its messages (this browser's and, in team mode, the teammates'
 * the log holds) within the sightings' retention, matched under one salted key per fan.
 */

/** A fan not seen for this long after a promo or a warning "went quiet". */
const QUIET_AFTER_DAYS = 14;
const MAX_WENT_QUIET = 20;
const MAX_POSTS = 10;
const QUIETING: readonly Category[] = ['promo', 'warning'];

/** The Page's log entries from `since` on that reached (or may have reached) their fan. */
async function sentSince(db: OutreachDatabase, pageId: string, since: number): Promise<OutreachEntry[]> {
  const range = IDBKeyRange.bound([pageId, since], [pageId, Infinity]);
  return (await db.getAllFromIndex('outreach', 'byPageTime', range)).filter(counts);
}

/** A message as the estimators see it, and the name the log gives its fan. */
interface Sent {
  message: SentMessage;
  fanName: string;
}

/** Each entry's fan under the sightings' key; a forgotten fan's contacts are left out (they keep no post). */
async function asMessages(db: OutreachDatabase, entries: readonly OutreachEntry[]): Promise<Sent[]> {
  const salt = await fanSalt(db);
  const keys = new Map<string, Promise<string>>();
  const keyOf = (entry: OutreachEntry) => {
    let key = keys.get(entry.fanId);
    if (!key) {
      key = fanAliasUnder(salt, entry).then(fanKeyOfAlias);
      keys.set(entry.fanId, key);
    }
    return key;
  };
  const messages = await Promise.all(
    entries.map(async (entry): Promise<Sent | null> => {
      const postKey = postKeyOf(entry.postUrl);
      if (entry.forgotten || !postKey) return null;
      const at = entry.createdAt;
      const fanKey = await keyOf(entry);
      const message = {
        fanKey,
        category: entry.category,
        postKey,
        at,
        commentAt: entry.commentPostedAt ?? at,
      };
      return { message, fanName: entry.fanName };
    }),
  );
  return messages.filter((message) => message !== null);
}

/** Messaged fans last sent a promo or a warning long enough ago, and not seen since. */
function wentQuiet(sent: readonly Sent[], sightings: readonly SightingRecord[], now: number) {
  const lastSeen = new Map<string, number>();
  for (const { fanKey, at } of sightings) lastSeen.set(fanKey, Math.max(lastSeen.get(fanKey) ?? 0, at));
  const lastMessage = new Map<string, Sent>();
  for (const one of sent) {
    const known = lastMessage.get(one.message.fanKey);
    if (!known || known.message.at < one.message.at) lastMessage.set(one.message.fanKey, one);
  }
  return [...lastMessage.values()]
    .filter(
      ({ message }) => QUIETING.includes(message.category) && message.at <= now - QUIET_AFTER_DAYS * DAY_MS,
    )
    .filter(({ message }) => (lastSeen.get(message.fanKey) ?? 0) <= message.at)
    .sort((a, b) => b.message.at - a.message.at)
    .slice(0, MAX_WENT_QUIET)
    .map(({ message, fanName }) => ({ fanName, category: message.category, at: message.at }));
}

/** Posts by the private replies sent under their comments. */
function postsByReplies(entries: readonly OutreachEntry[]) {
  const posts = new Map<string, { postUrl: string; replies: number; lastAt: number }>();
  for (const entry of entries) {
    const key = postKeyOf(entry.postUrl);
    if (!key) continue;
    const post = posts.get(key) ?? { postUrl: entry.postUrl, replies: 0, lastAt: 0 };
    posts.set(key, { ...post, replies: post.replies + 1, lastAt: Math.max(post.lastAt, entry.createdAt) });
  }
  return [...posts.values()].sort((a, b) => b.replies - a.replies || b.lastAt - a.lastAt).slice(0, MAX_POSTS);
}

export async function discretionReport(
  db: OutreachDatabase,
  pageId: string,
  settings: PolicySettings,
  now: number,
): Promise<DiscretionReport> {
  const since = now - settings.sightingsKeepDays * DAY_MS;
  const [sightings, entries] = await Promise.all([
    loadSightings(db, pageId, since),
    sentSince(db, pageId, since),
  ]);
  const sent = await asMessages(db, entries);
  const messages = sent.map(({ message }) => message);
  const index = matchIndex(sightings, messages);
  const figures = CAME_BACK_WINDOWS.flatMap((windowDays) =>
    CATEGORIES.map((category) =>
      figureOf(category, windowDays, matchMessages(category, windowDays, index, now)),
    ),
  );
  const series = weeklySeries(
    sightings,
    entries.map(({ category, createdAt }) => ({ category, at: createdAt })),
    now,
    SERIES_WEEKS,
  );
  return {
    pageId,
    figures,
    series,
    warning: earlyWarning(series),
    wentQuiet: wentQuiet(sent, sightings, now),
    posts: postsByReplies(entries),
    coverage: {
      sightings: sightings.length,
      posts: new Set(sightings.map(({ postKey }) => postKey)).size,
      since: sightings[0]?.at ?? null,
      withFacebookTime: sightings.filter(({ timeFrom }) => timeFrom === 'facebook').length,
      bySource: {
        page: sightings.filter(({ source }) => source === 'page').length,
        graph: sightings.filter(({ source }) => source === 'graph').length,
      },
    },
  };
}
