import type { Category } from '../../src/shared/outreach';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { seeded, type Random } from './random';

/** Everything the generated 90 days depend on; the seed makes them repeatable. */
export interface SimulationConfig {
  seed: number;
  days: number;
  fans: number;
  admins: number;
  /** Midnight UTC of the first day; the default spans Europe's daylight-saving change. */
  start: number;
  timeZone: string;
  /** Comments per fan follow a Pareto law: most fans comment once, a few every day. */
  commentShape: number;
  maxCommentsPerFan: number;
  /** How often an admin answers an ordinary comment privately, per category. */
  propensity: Record<Category, number>;
  /** Fans who harm the community, and how often their comments earn a pre-ban warning. */
  trollShare: number;
  trollWarning: number;
  /** A viral post: extra comments, all on one day. */
  viral: { day: number; comments: number };
  /** A service outage: comments asking for help within a few hours, most answered by care. */
  outage: { day: number; hours: number; comments: number; care: number };
  /** Chance that a fan answers a message with STOP (the admin then marks them "do not contact"). */
  stopRate: number;
  /** Chance that a second admin also answers a comment someone already answered. */
  doubleHandling: number;
  /** Share of answers given a week or more after the comment. */
  lateShare: number;
  /** One admin's device clock runs behind for a day. */
  clockSkew: { admin: number; day: number; hours: number };
  /** In team mode, one admin's browser cannot reach the team server for a day. */
  teamOffline: { admin: number; day: number };
}

export const FULL_CONFIG: SimulationConfig = {
  seed: 20261125,
  days: 90,
  fans: 10_000,
  admins: 3,
  start: Date.UTC(2026, 8, 1),
  timeZone: 'Europe/Rome',
  commentShape: 1.3,
  maxCommentsPerFan: 90,
  propensity: { thanks: 0.06, promo: 0.04, warning: 0.002, care: 0.03 },
  trollShare: 0.02,
  trollWarning: 0.3,
  viral: { day: 20, comments: 4000 },
  outage: { day: 50, hours: 10, comments: 1500, care: 0.6 },
  stopRate: 0.03,
  doubleHandling: 0.03,
  lateShare: 0.03,
  clockSkew: { admin: 2, day: 60, hours: -3 },
  teamOffline: { admin: 1, day: 20 },
};

/** A configuration small enough for the unit tests, with every effect still in it. */
export const SMALL_CONFIG: SimulationConfig = {
  ...FULL_CONFIG,
  seed: 7,
  // Sixty days from 1 September still cross the end of daylight-saving time (25 October).
  days: 60,
  fans: 400,
  maxCommentsPerFan: 40,
  propensity: { thanks: 0.12, promo: 0.08, warning: 0.01, care: 0.06 },
  viral: { day: 10, comments: 300 },
  outage: { day: 25, hours: 6, comments: 300, care: 0.6 },
  clockSkew: { admin: 2, day: 30, hours: -3 },
  teamOffline: { admin: 1, day: 10 },
};

export interface Comment {
  id: string;
  fan: number;
  at: number;
  /** The post it is on: one of the day's posts, the viral post, or the outage's. */
  post: string;
}

/** The Page posts this many times a day; a day's comments are spread over its posts. */
const POSTS_PER_DAY = 3;

/** An admin deciding to message a fan about one comment, at one moment. */
export interface Intent {
  comment: Comment;
  category: Category;
  admin: number;
  /** When the admin acts, by the true clock. */
  at: number;
}

export interface Scenario {
  config: SimulationConfig;
  comments: Comment[];
  intents: Intent[];
  trolls: Set<number>;
}

/** People comment by day and evening, rarely at night. */
const HOURLY_WEIGHT = [1, 1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 8, 8, 7, 7, 7, 8, 9, 10, 10, 9, 6, 3];
const HOURLY_TOTAL = HOURLY_WEIGHT.reduce((sum, weight) => sum + weight, 0);
const MINUTE_MS = 60_000;
/**
 * Admins answer within minutes to a day, customer care within two hours; `lateShare` of the time, a
 * week or more later.
 */
const USUAL_DELAY_MAX_MS = DAY_MS;
const CARE_DELAY_MAX_MS = 2 * HOUR_MS;
const LATE_DELAY_MS = { from: 7 * DAY_MS, span: 5 * DAY_MS };

function hourOfDay(random: Random): number {
  let pick = random.below(HOURLY_TOTAL);
  for (const [hour, weight] of HOURLY_WEIGHT.entries()) {
    if (pick < weight) return hour;
    pick -= weight;
  }
  return 12;
}

function momentOn(day: number, config: SimulationConfig, random: Random): number {
  return config.start + day * DAY_MS + hourOfDay(random) * HOUR_MS + random.below(60) * MINUTE_MS;
}

function commentsOf(random: Random, config: SimulationConfig): number {
  const pareto = 1 / (1 - random.next()) ** (1 / config.commentShape);
  return Math.min(config.maxCommentsPerFan, Math.floor(pareto));
}

function ordinaryCategory(random: Random, config: SimulationConfig, troll: boolean): Category | null {
  if (troll && random.chance(config.trollWarning)) return 'warning';
  const roll = random.next();
  let threshold = 0;
  for (const category of ['care', 'thanks', 'promo', 'warning'] as const) {
    threshold += config.propensity[category];
    if (roll < threshold) return category;
  }
  return null;
}

/** The 90 days of a busy Page: who commented when, and which comments an admin chose to answer. */
export function generateScenario(config: SimulationConfig): Scenario {
  const random = seeded(config.seed);
  const comments: Comment[] = [];
  const trolls = new Set<number>();
  for (let fan = 0; fan < config.fans; fan += 1) {
    if (random.chance(config.trollShare)) trolls.add(fan);
    const count = commentsOf(random, config);
    for (let index = 0; index < count; index += 1) {
      const day = random.below(config.days);
      const at = momentOn(day, config, random);
      comments.push({
        id: `c${comments.length}`,
        fan,
        at,
        post: `d${day}p${comments.length % POSTS_PER_DAY}`,
      });
    }
  }
  const viral = Array.from({ length: config.viral.comments }, () => ({
    fan: random.below(config.fans),
    at: momentOn(config.viral.day, config, random),
  }));
  const outageStart = config.start + config.outage.day * DAY_MS + 9 * HOUR_MS;
  const outage = Array.from({ length: config.outage.comments }, () => ({
    fan: random.below(config.fans),
    at: outageStart + random.below(config.outage.hours * 60) * MINUTE_MS,
  }));

  const intents: Intent[] = [];
  const answer = (comment: Comment, category: Category) => {
    const late = random.chance(config.lateShare);
    const delay = late
      ? LATE_DELAY_MS.from + random.below(LATE_DELAY_MS.span)
      : MINUTE_MS + random.below(category === 'care' ? CARE_DELAY_MAX_MS : USUAL_DELAY_MAX_MS);
    const admin = random.below(config.admins);
    intents.push({ comment, category, admin, at: comment.at + delay });
    if (random.chance(config.doubleHandling)) {
      const other = (admin + 1 + random.below(config.admins - 1)) % config.admins;
      intents.push({ comment, category, admin: other, at: comment.at + delay + random.below(2 * HOUR_MS) });
    }
  };
  for (const comment of comments) {
    const category = ordinaryCategory(random, config, trolls.has(comment.fan));
    if (category) answer(comment, category);
  }
  for (const { fan, at } of viral) {
    const comment = { id: `c${comments.length}`, fan, at, post: 'viral' };
    comments.push(comment);
    const category = ordinaryCategory(random, config, trolls.has(fan));
    if (category) answer(comment, category);
  }
  for (const { fan, at } of outage) {
    const comment = { id: `c${comments.length}`, fan, at, post: 'outage' };
    comments.push(comment);
    if (random.chance(config.outage.care)) answer(comment, 'care');
  }
  intents.sort((a, b) => a.at - b.at || a.comment.id.localeCompare(b.comment.id) || a.admin - b.admin);
  return { config, comments, intents, trolls };
}
