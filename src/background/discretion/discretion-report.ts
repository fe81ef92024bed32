import type { CameBackFigure, DiscretionReport, SourceCoverage } from '../../shared/discretion';
import { CAME_BACK_WINDOWS, SERIES_WEEKS } from '../../shared/discretion';
import { CATEGORIES, type Category, type OutreachEntry } from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { postKeyOf } from '../../shared/post-key';
import { SIGHTING_SOURCES, type SightingRecord, type SightingSource } from '../../shared/sightings';
import { DAY_MS } from '../../shared/time';
import { graphCommentKey, sightingCommentKey, sightingFanKey, fanSalt } from '../fans/salted-keys';
import { counts } from '../policy/frequency-policy';
import type { OutreachDatabase } from '../storage/schema';
import { figureOf, matchIndex, matchMessages, type SentMessage } from './came-back';
import { earlyWarning, weeklySeries } from './early-warning';
import { findSightings, loadSightings } from './sighting-store';

/**
 * The Discretion view's figures for one Page, where the sightings store, the log and the estimators
 * meet: the Page's comments seen and its messages (this browser's and, in team mode, the teammates'
 * the log holds) within the sightings' retention, matched under one salted key per fan. Each source
 * of sightings (posts opened here, the Graph API) names fans its own way, so each gets its own figures:
 * a message counts in a source once that source has the comment it answered (or its post) in view.
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

/** Each source's messages: the log's entries placed among its sightings, and how many it could not place. */
interface Placed {
  sent: Sent[];
  unplaced: number;
}

const entryMessage = (entry: OutreachEntry, placed: Omit<SentMessage, 'category' | 'at'>): Sent => ({
  message: { ...placed, category: entry.category, at: entry.createdAt },
  fanName: entry.fanName,
});

/**
 * The entries among the sightings of posts opened here: each fan under the sightings' key, on the
 * entry's post. A forgotten fan's contacts are left out (they keep no post).
 */
function placeOnPages(salt: string, entries: readonly OutreachEntry[]): Placed {
  // A fan has many entries: each is hashed once.
  const keys = new Map<string, string>();
  const keyOf = (entry: OutreachEntry) => {
    let key = keys.get(entry.fanId);
    if (key === undefined) {
      key = sightingFanKey(salt, entry);
      keys.set(entry.fanId, key);
    }
    return key;
  };
  const placed = entries.flatMap((entry) => {
    const postKey = postKeyOf(entry.postUrl);
    if (entry.forgotten || !postKey) return [];
    const fanKey = keyOf(entry);
    return [entryMessage(entry, { fanKey, postKey, commentAt: entry.commentPostedAt ?? entry.createdAt })];
  });
  return { sent: placed, unplaced: entries.length - placed.length };
}

/**
 * The entries among the comments read through the Graph API: found by the comment each answered,
 * which gives the fan as the Graph API names them, the post and Facebook's time of the comment.
 */
async function placeOnGraph(
  db: OutreachDatabase,
  salt: string,
  pageId: string,
  entries: readonly OutreachEntry[],
): Promise<Placed> {
  const keys = entries.map((entry) =>
    entry.forgotten ? null : graphCommentKey(salt, sightingCommentKey(salt, entry.commentId)),
  );
  const reads = await findSightings(db, pageId, keys);
  const sent = entries.flatMap((entry, index) => {
    const read = reads[index];
    return read
      ? [entryMessage(entry, { fanKey: read.fanKey, postKey: read.postKey, commentAt: read.at })]
      : [];
  });
  return { sent, unplaced: entries.length - sent.length };
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

/** What one source's sightings say: its figures, and what they rest on. */
function fromSource(
  source: SightingSource,
  sightings: readonly SightingRecord[],
  placed: Placed,
  now: number,
): { figures: CameBackFigure[]; coverage: SourceCoverage } {
  const index = matchIndex(
    sightings,
    placed.sent.map(({ message }) => message),
  );
  const figures = CAME_BACK_WINDOWS.flatMap((windowDays) =>
    CATEGORIES.map((category) => ({
      source,
      ...figureOf(category, windowDays, matchMessages(category, windowDays, index, now)),
    })),
  );
  const coverage = {
    source,
    sightings: sightings.length,
    posts: new Set(sightings.map(({ postKey }) => postKey)).size,
    since: sightings[0]?.at ?? null,
    withFacebookTime: sightings.filter(({ timeFrom }) => timeFrom === 'facebook').length,
    placed: placed.sent.length,
    unplaced: placed.unplaced,
  };
  return { figures, coverage };
}

/** A Page's figures, all but what the Graph API connection allows (the handler adds that, never cached). */
export type PageFigures = Omit<DiscretionReport, 'graph'>;

export async function discretionReport(
  db: OutreachDatabase,
  pageId: string,
  settings: PolicySettings,
  now: number,
): Promise<PageFigures> {
  const since = now - settings.sightingsKeepDays * DAY_MS;
  const [sightings, entries, salt] = await Promise.all([
    loadSightings(db, pageId, since),
    sentSince(db, pageId, since),
    fanSalt(db),
  ]);
  const seen = {
    page: sightings.filter(({ source }) => source === 'page'),
    graph: sightings.filter(({ source }) => source === 'graph'),
  };
  const placed = {
    page: placeOnPages(salt, entries),
    graph: seen.graph.length > 0 ? await placeOnGraph(db, salt, pageId, entries) : { sent: [], unplaced: 0 },
  };
  const sources = SIGHTING_SOURCES.filter((source) => source === 'page' || seen[source].length > 0);
  const results = sources.map((source) => fromSource(source, seen[source], placed[source], now));
  const primarySource: SightingSource = seen.graph.length > seen.page.length ? 'graph' : 'page';
  const series = weeklySeries(
    seen[primarySource],
    entries.map(({ category, createdAt }) => ({ category, at: createdAt })),
    now,
    SERIES_WEEKS,
  );
  return {
    pageId,
    figures: results.flatMap(({ figures }) => figures),
    primarySource,
    series,
    warning: earlyWarning(series),
    wentQuiet: wentQuiet(placed[primarySource].sent, seen[primarySource], now),
    posts: postsByReplies(entries),
    coverage: results.map(({ coverage }) => coverage),
  };
}
