import type { SentMessage } from '../../src/background/discretion/came-back';
import type { Sighting } from '../../src/background/discretion/sightings';
import { evaluate, type PastContact } from '../../src/background/policy/frequency-policy';
import { CATEGORIES, type Category } from '../../src/shared/outreach';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../../src/shared/policy-settings';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { seeded, type Random } from './random';

/**
 * A Page whose fans answer its messages: each fan comments on a day with a chance set by their own
 * habit, and a message multiplies that chance for the 30 days after it, by a factor per kind of
 * message (the true effect the came-back figure must recover). The admin opens only some posts: the
 * comments on the others are never seen, and are never answered.
 *
 * The admin picks which comments to answer at random, by kind: the estimator's one assumption, that
 * whom the Page messages depends only on what it matches on (the post, the week, the habit seen so
 * far). Every fan's daily draws are kept, so each message's counterfactual (no message) is replayed
 * on the very same draws: the true effect is measured on the same fans, not modelled.
 */

export interface FanModelConfig {
  seed: number;
  fans: number;
  /** Days with posts; messages' windows may run past them into the follow-up days. */
  days: number;
  followUpDays: number;
  postsPerDay: number;
  /** A comment goes to a post of the last this many days. */
  postLifeDays: number;
  /** Share of posts the admin opens in this browser. */
  openedShare: number;
  /** Fans' daily comment rates are log-normal: most comment rarely, a few daily. */
  medianDailyRate: number;
  rateSpread: number;
  /** Chance that the admin answers a seen comment privately, per kind. */
  propensity: Record<Category, number>;
  /** What a message does to the fan's daily comment rate for the 30 days after it. */
  effect: Record<Category, number>;
  /**
   * Who decides whether a wished message goes out. `clean`: the admin writes to nobody still under a
   * message (the estimator's clean case: one message acts at a time). `off`: every wish goes out, and
   * messages' effects multiply. `team`: the policy engine decides, over the Page's whole log, as team
   * mode enforces it (default limits, no pace: the model sends no bursts).
   */
  policy: 'clean' | 'off' | 'team';
  /** The promo propensity grows linearly to this many times itself over the days: a Page pushing promos. */
  promoRamp: number;
}

export const FAN_MODEL_CONFIG: FanModelConfig = {
  seed: 1,
  fans: 4000,
  days: 90,
  followUpDays: 30,
  postsPerDay: 2,
  postLifeDays: 3,
  openedShare: 0.6,
  medianDailyRate: 0.04,
  rateSpread: 1,
  propensity: { thanks: 0.05, promo: 0.03, warning: 0.012, care: 0.025 },
  effect: { thanks: 1.6, promo: 0.6, warning: 0.4, care: 1.3 },
  policy: 'clean',
  promoRamp: 1,
};

/** The same Page pushing promos ever harder (a promo wished for 16 times as often by the end). */
export const PROMO_PUSH: Pick<FanModelConfig, 'promoRamp'> = { promoRamp: 16 };

/** A message keeps acting on the fan this long; the admin writes to nobody still under one. */
const EFFECT_DAYS = 30;
/**
 * Fans comment before 8 pm, at most once a day; the admin answers from 8 to 9 pm (before promos' quiet
 * hours), after the day's comments, so a message's window and its matched fans' windows hold the same days.
 */
const COMMENT_HOURS = 20;
const ANSWER_FROM_HOUR = 20;
const PAGE_ID = 'simulated-page';
/** The policy as team mode applies it in the model: the defaults, without the pace between sends. */
const TEAM_SETTINGS: PolicySettings = { ...DEFAULT_POLICY_SETTINGS, paceSeconds: 0, timeZone: 'UTC' };

export interface FanModelRun {
  sightings: Sighting[];
  messages: SentMessage[];
  /** Last moment of the follow-up: the "now" the figures are taken at. */
  end: number;
  /** The true effect of one message on whether its fan came back within a window: 1, 0 or −1. */
  effectOf(message: SentMessage, windowDays: number): number;
}

/**
 * The policy engine over the Page's log as it grows: each fan's own contacts and the Page's last day,
 * all a verdict reads (frequency-policy.ts), so a long run stays fast.
 */
function teamPolicy() {
  const byFan = new Map<string, PastContact[]>();
  let recent: PastContact[] = [];
  return {
    allows(message: SentMessage, at: number): boolean {
      recent = recent.filter((contact) => contact.createdAt > at - DAY_MS);
      const own = byFan.get(message.fanKey) ?? [];
      const request = {
        pageId: PAGE_ID,
        fanId: message.fanKey,
        commentId: `${message.fanKey}@${message.commentAt}`,
        commentPostedAt: message.commentAt,
        postKey: `/${PAGE_ID}/posts/${message.postKey}`,
        category: message.category,
      };
      const history = [...new Set([...own, ...recent])];
      if (!evaluate(request, history, TEAM_SETTINGS, at).allowed) return false;
      const contact: PastContact = { ...request, createdAt: at, status: 'sent' };
      byFan.set(message.fanKey, [...own, contact]);
      recent.push(contact);
      return true;
    },
  };
}

function logNormal(random: Random, median: number, spread: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return median * Math.exp(spread * normal);
}

/** Runs the model over days from `start` (midnight UTC). */
export function runFanModel(config: FanModelConfig, start: number): FanModelRun {
  const random = seeded(config.seed);
  const totalDays = config.days + config.followUpDays;
  const rates = Array.from({ length: config.fans }, () =>
    logNormal(random, config.medianDailyRate, config.rateSpread),
  );
  // Every fan-day's draws, kept for the counterfactual: whether the fan comments, on which post, when.
  // Filled in a loop: Float64Array.from over a callback takes several times as long.
  const draws = new Float64Array(config.fans * totalDays * 3);
  for (let index = 0; index < draws.length; index += 1) draws[index] = random.next();
  const draw = (fan: number, day: number, which: number) => draws[(fan * totalDays + day) * 3 + which]!;
  const postCount = config.days * config.postsPerDay;
  const opened = Array.from({ length: postCount }, () => random.chance(config.openedShare));
  const chance = (fan: number, multiplier: number) => 1 - Math.exp(-rates[fan]! * multiplier);
  /** The post a fan's comment of `day` goes to, or null once posting has stopped. */
  const postOf = (fan: number, day: number): number | null => {
    if (day >= config.days) return null;
    const firstDay = Math.max(0, day - config.postLifeDays + 1);
    const span = (day - firstDay + 1) * config.postsPerDay;
    return firstDay * config.postsPerDay + Math.floor(draw(fan, day, 1) * span);
  };
  /** Did the fan comment where the admin looks on `day`, with this multiplier on their rate? */
  const seenOn = (fan: number, day: number, multiplier: number): boolean => {
    const post = postOf(fan, day);
    return post !== null && opened[post]! && draw(fan, day, 0) < chance(fan, multiplier);
  };

  const commentTime = (fan: number, day: number) =>
    start + day * DAY_MS + Math.floor(draw(fan, day, 2) * COMMENT_HOURS * HOUR_MS);

  const sightings: Sighting[] = [];
  const messages: SentMessage[] = [];
  /** Each fan's messages, by the day they went out. */
  const fanMessages = Array.from(
    { length: config.fans },
    () => [] as Array<{ day: number; message: SentMessage }>,
  );
  /** The fan's rate multiplier on `day`: every message of the last EFFECT_DAYS acts (but `except`). */
  const multiplierOn = (fan: number, day: number, except?: SentMessage): number =>
    fanMessages[fan]!.reduce(
      (product, { day: sentDay, message }) =>
        message !== except && day > sentDay && day <= sentDay + EFFECT_DAYS
          ? product * config.effect[message.category]
          : product,
      1,
    );
  const propensity = (category: Category, day: number): number =>
    config.propensity[category] *
    (category === 'promo' ? 1 + ((config.promoRamp - 1) * day) / config.days : 1);
  const policy = teamPolicy();
  for (let day = 0; day < totalDays; day += 1) {
    for (let fan = 0; fan < config.fans; fan += 1) {
      if (!seenOn(fan, day, multiplierOn(fan, day))) continue;
      const post = postOf(fan, day)!;
      const commentAt = commentTime(fan, day);
      sightings.push({ fanKey: `fan${fan}`, postKey: `post${post}`, at: commentAt });
      const last = fanMessages[fan]!.at(-1);
      if (config.policy === 'clean' && last && day <= last.day + EFFECT_DAYS + 1) continue;
      const category = CATEGORIES.find((candidate) => random.chance(propensity(candidate, day)));
      if (!category) continue;
      const at = start + day * DAY_MS + Math.floor((ANSWER_FROM_HOUR + random.next()) * HOUR_MS);
      const message = { fanKey: `fan${fan}`, category, postKey: `post${post}`, at, commentAt };
      if (config.policy === 'team' && !policy.allows(message, at)) continue;
      messages.push(message);
      fanMessages[fan]!.push({ day, message });
    }
  }

  /**
   * What the message did to whether its fan came back within `windowDays`: came back with it, minus
   * without it (every other message of theirs kept), on the fan's same draws. The window is the
   * figure's, (at, at + w]: the days after the message's, through the w-th, whose comments all come
   * before the message's hour.
   */
  const effectOf = (message: SentMessage, windowDays: number): number => {
    const fan = Number(message.fanKey.slice('fan'.length));
    const day = Math.floor((message.at - start) / DAY_MS);
    const until = message.at + windowDays * DAY_MS;
    let withMessage = 0;
    let without = 0;
    for (let next = day + 1; next <= day + windowDays && commentTime(fan, next) <= until; next += 1) {
      withMessage ||= seenOn(fan, next, multiplierOn(fan, next)) ? 1 : 0;
      without ||= seenOn(fan, next, multiplierOn(fan, next, message)) ? 1 : 0;
    }
    return withMessage - without;
  };
  return { sightings, messages, end: start + totalDays * DAY_MS, effectOf };
}
