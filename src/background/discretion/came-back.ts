import { MIN_MATCHED_FANS } from '../../shared/discretion';
import type { Category } from '../../shared/outreach';
import { DAY_MS } from '../../shared/time';
import { withInterval, wilsonInterval } from './intervals';
import { FanTimes, groupBy, type Sighting } from './sightings';
import { weekOf } from './weeks';

/**
 * "Did they come back?": of the fans a Page messaged, the share seen commenting on it again within a
 * window, against matched fans who got nothing. Pure: what the browser saw and sent in, figures out.
 *
 * A message is compared with fans who, when it was sent, had commented on the same post in the same
 * week, had been seen as often before, and had not been messaged in the 30 days before: the same
 * chance of being picked, the same news, the same habit. Each messaged fan's outcome is set against
 * the share of their own matched fans who came back; the difference is averaged, and its interval
 * allows for one fan serving as a match many times (a standard error clustered by fan).
 */

/** One private message the Page sent, about a fan's comment on a post. */
export interface SentMessage {
  fanKey: string;
  category: Category;
  postKey: string;
  /** When the message went out. */
  at: number;
  /** When the comment it answered was written. */
  commentAt: number;
}

/**
 * Matched fans kept per message, the nearest in time: beyond this many, more add little to its baseline
 * and cost time on a big Page (a post-week can hold thousands of commenters of one habit).
 */
export const MAX_MATCHES = 20;
/** Fans messaged within this long before are neither compared nor a comparison: a message still acts. */
export const QUIET_BEFORE_MS = 30 * DAY_MS;

export interface CameBack {
  category: Category;
  windowDays: number;
  /** Messaged fans with complete follow-up and at least one match: the figure's sample size. */
  matched: number;
  /** Messaged fans with complete follow-up but nobody to compare them with; left out. */
  unmatched: number;
  /** Distinct fans who served as comparisons. */
  controls: number;
  /** Share of the matched messaged fans seen again within the window, with its 95 % interval. */
  messagedRate: number;
  messagedInterval: { low: number; high: number };
  /** Share of their matched fans seen again, averaged per messaged fan. */
  baselineRate: number;
  /** messagedRate − baselineRate, with its 95 % interval; null below MIN_MATCHED_FANS. */
  difference: { estimate: number; low: number; high: number } | null;
}

/** "0 earlier sightings", "1", "2", "3–5", "6 or more": habits close enough to compare. */
export function habitBucket(earlierSightings: number): number {
  if (earlierSightings <= 2) return earlierSightings;
  return earlierSightings <= 5 ? 3 : 4;
}

/** Each fan's messages: when sent, and when the comment each answered was written. */
type MessageTimes = Map<string, Array<{ at: number; commentAt: number }>>;

/** Was the fan messaged in [from, until) about a comment written before `writtenBefore`? */
function messagedAbout(
  times: MessageTimes,
  fanKey: string,
  from: number,
  until: number,
  writtenBefore: number,
) {
  return (times.get(fanKey) ?? []).some(
    ({ at, commentAt }) => at >= from && at < until && commentAt < writtenBefore,
  );
}

/** One messaged fan set against their matched fans: who they were, and who came back. */
export interface MatchedMessage {
  message: SentMessage;
  /** The matched fans, and whether each was seen again within the window. */
  matches: Array<{ fanKey: string; cameBack: number }>;
  /** 1 if the messaged fan was seen again within the window. */
  outcome: number;
  /** The share of the matched fans seen again within the same window. */
  baseline: number;
  /** The habit bucket the message was matched in. */
  habit: number;
}

/** A commenter's first comment on a post in a week, and their habit then (earlier sightings). */
interface FirstComment {
  fanKey: string;
  at: number;
  habit: number;
}

/** One post's commenters of one week: each one's first comment, and those comments by habit, oldest first. */
interface PostWeek {
  byFan: Map<string, FirstComment>;
  byHabit: Map<number, FirstComment[]>;
}

/**
 * What matching reads, built once for every figure of a Page: each fan's sighting times and messages,
 * and for each post and week its commenters' first comments there, with each one's habit then.
 */
export interface MatchIndex {
  fans: FanTimes;
  messaged: MessageTimes;
  postWeeks: Map<string, PostWeek>;
  messages: readonly SentMessage[];
}

/** The index of the first comment at or after `at` in a list sorted by time. */
function firstAtOrAfter(list: readonly FirstComment[], at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

const postWeekKey = (postKey: string, week: number) => `${postKey}\u0000${week}`;

export function matchIndex(sightings: readonly Sighting[], messages: readonly SentMessage[]): MatchIndex {
  const fans = new FanTimes(sightings);
  const earliest = new Map<string, Map<string, number>>();
  for (const { fanKey, postKey, at } of sightings) {
    const key = postWeekKey(postKey, weekOf(at));
    const firsts = earliest.get(key) ?? new Map<string, number>();
    const known = firsts.get(fanKey);
    if (known === undefined || at < known) firsts.set(fanKey, at);
    earliest.set(key, firsts);
  }
  const postWeeks = new Map<string, PostWeek>();
  for (const [key, firsts] of earliest) {
    const byFan = new Map<string, FirstComment>();
    const byHabit = new Map<number, FirstComment[]>();
    for (const [fanKey, at] of firsts) {
      const first = { fanKey, at, habit: habitBucket(fans.before(fanKey, at)) };
      byFan.set(fanKey, first);
      const sameHabit = byHabit.get(first.habit);
      if (sameHabit) sameHabit.push(first);
      else byHabit.set(first.habit, [first]);
    }
    for (const list of byHabit.values()) list.sort((a, b) => a.at - b.at);
    postWeeks.set(key, { byFan, byHabit });
  }
  const messaged: MessageTimes = groupBy(
    messages,
    ({ fanKey }) => fanKey,
    ({ at, commentAt }) => ({ at, commentAt }),
  );
  return { fans, messaged, postWeeks, messages };
}

/**
 * Each message of `category` whose window has ended by `now`, with its matched fans (see above); the
 * messages with nobody to match are counted apart. Every message of every category keeps a fan out
 * of the comparison while it may still act.
 */
export function matchMessages(
  category: Category,
  windowDays: number,
  { fans, messaged, postWeeks, messages }: MatchIndex,
  now: number,
): { matched: MatchedMessage[]; unmatched: number } {
  const window = windowDays * DAY_MS;
  const matched: MatchedMessage[] = [];
  let unmatched = 0;
  for (const message of messages) {
    const until = message.at + window;
    if (message.category !== category || until > now) continue;
    // A fan messaged shortly before is still under that message's influence: not a clean comparison.
    if (messagedAbout(messaged, message.fanKey, message.at - QUIET_BEFORE_MS, message.at, message.at))
      continue;
    // Each fan's habit is taken at their first comment on the post that week, messaged fan and
    // matches alike: a fan who commented there twice is not given two chances to match. Only comments
    // written before the message count: who commented after it may have been moved by it.
    const postWeek = postWeeks.get(postWeekKey(message.postKey, weekOf(message.commentAt)));
    const own = postWeek?.byFan.get(message.fanKey);
    const habit =
      own && own.at < message.at ? own.habit : habitBucket(fans.before(message.fanKey, message.commentAt));
    const matches = new Set<string>();
    const candidates = postWeek?.byHabit.get(habit) ?? [];
    // The nearest in time first, back from the message: the same moment of the news, and a bounded cost.
    for (let index = firstAtOrAfter(candidates, message.at) - 1; index >= 0; index -= 1) {
      if (matches.size === MAX_MATCHES) break;
      const { fanKey } = candidates[index]!;
      if (fanKey === message.fanKey) continue;
      // Nor a fan messaged about a comment already written: that message may act within the window.
      // One about a later comment cannot change whether they came back: that comment is the return.
      if (messagedAbout(messaged, fanKey, message.at - QUIET_BEFORE_MS, until, message.at)) continue;
      matches.add(fanKey);
    }
    if (matches.size === 0) {
      unmatched += 1;
      continue;
    }
    const outcomes = [...matches].map((fanKey) => ({
      fanKey,
      cameBack: fans.seenWithin(fanKey, message.at, until) ? 1 : 0,
    }));
    matched.push({
      message,
      matches: outcomes,
      outcome: fans.seenWithin(message.fanKey, message.at, until) ? 1 : 0,
      baseline: outcomes.reduce((sum, { cameBack }) => sum + cameBack, 0) / outcomes.length,
      habit,
    });
  }
  return { matched, unmatched };
}

/** The came-back figure of one category over one window (see matchMessages for who counts). */
export function cameBack(
  category: Category,
  windowDays: number,
  sightings: readonly Sighting[],
  messages: readonly SentMessage[],
  now: number,
): CameBack {
  const index = matchIndex(sightings, messages);
  return figureOf(category, windowDays, matchMessages(category, windowDays, index, now));
}

/** The figure of messages already matched: rates, their intervals, and the difference. */
export function figureOf(
  category: Category,
  windowDays: number,
  { matched, unmatched }: { matched: readonly MatchedMessage[]; unmatched: number },
): CameBack {
  const n = matched.length;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, n);
  const estimate = mean(matched.map(({ outcome, baseline }) => outcome - baseline));
  const cameBackCount = matched.filter((unit) => unit.outcome === 1).length;
  return {
    category,
    windowDays,
    matched: n,
    unmatched,
    controls: new Set(matched.flatMap((unit) => unit.matches.map(({ fanKey }) => fanKey))).size,
    messagedRate: cameBackCount / Math.max(1, n),
    messagedInterval: wilsonInterval(cameBackCount, n),
    baselineRate: mean(matched.map((unit) => unit.baseline)),
    difference: n < MIN_MATCHED_FANS ? null : withInterval(estimate, fanClusteredError(matched, estimate)),
  };
}

/**
 * The standard error of the difference when one fan may count many times: a matched fan serves every
 * messaged fan of the posts they commented on, and their windows overlap, so their outcomes move
 * together. Each fan's part of the estimate (as messaged fan, and as a match, weighted as in the
 * baseline) is summed before squaring: the sandwich estimator clustered by fan, with G/(G−1).
 * Outcomes are centred on their habit bucket's mean over all messages, not on each message's own few
 * matches, which would hide their noise (one match is its own mean); what differs between posts and
 * weeks stays in, so the interval errs wide.
 */
export function fanClusteredError(matched: readonly MatchedMessage[], estimate: number): number {
  const n = matched.length;
  const baselineByHabit = new Map<number, { sum: number; count: number }>();
  for (const { habit, baseline } of matched) {
    const bucket = baselineByHabit.get(habit) ?? { sum: 0, count: 0 };
    baselineByHabit.set(habit, { sum: bucket.sum + baseline, count: bucket.count + 1 });
  }
  const expected = (habit: number) => {
    const bucket = baselineByHabit.get(habit)!;
    return bucket.sum / bucket.count;
  };
  const parts = new Map<string, number>();
  const add = (fanKey: string, part: number) => parts.set(fanKey, (parts.get(fanKey) ?? 0) + part);
  for (const { message, matches, outcome, habit } of matched) {
    add(message.fanKey, (outcome - expected(habit) - estimate) / n);
    for (const { fanKey, cameBack } of matches)
      add(fanKey, -(cameBack - expected(habit)) / (n * matches.length));
  }
  const clusters = parts.size;
  if (clusters < 2) return Number.POSITIVE_INFINITY;
  let squares = 0;
  for (const part of parts.values()) squares += part * part;
  return Math.sqrt((clusters / (clusters - 1)) * squares);
}
