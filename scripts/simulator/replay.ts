// The simulator runs in Node: a faithful in-memory IndexedDB stands in for each browser's.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { withDatabase } from '../../src/background/storage/database';
import { type OutreachDatabase } from '../../src/background/storage/schema';
import { setDoNotContact } from '../../src/background/fans/fan-store';
import { reserveOutreach } from '../../src/background/outreach/reserve';
import { settleOutreach } from '../../src/background/outreach/settle';
import {
  COMMENT_REPLY_WINDOW_DAYS,
  HARD_RULES,
  type Category,
  type PolicyRule,
} from '../../src/shared/outreach';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../../src/shared/policy-settings';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import type { Intent, Scenario } from './scenario';
import { joinTeam, type TeamServer } from './team-server';

/**
 * How outreach is decided: `off` sends whatever the admins choose (the baseline); `isolated` runs the
 * real policy and store in each admin's browser, knowing only its own log; `team` also tells each
 * browser what the Page sent from the others, as a Graph API token that reads conversations does;
 * `server` joins the browsers to the Page's team on a CouchDB-compatible server (team mode).
 */
export type Mode = 'off' | 'isolated' | 'team' | 'server';
/** The modes that need no server. */
export const MODES: readonly Mode[] = ['off', 'isolated', 'team'];

/** Facebook's own rules, which hold whatever the extension does: the platform refuses the send. */
type PlatformRule = 'one-per-comment' | 'comment-age';

export interface Sent {
  fan: number;
  category: Category;
  at: number;
  admin: number;
  comment: string;
  /** A soft rule the admin overrode (only ever for customer care). */
  override?: PolicyRule;
}

export interface Refused {
  fan: number;
  category: Category;
  rule: PolicyRule;
  at: number;
  eligibleAt?: number;
}

export interface ReplayResult {
  mode: Mode;
  sent: Sent[];
  refused: Refused[];
  platformRefused: Array<{ category: Category; rule: PlatformRule }>;
  /** Messages other than customer care sent to fans after they replied STOP. */
  afterStop: number;
  /** Team mode: contacts decided offline that the team, hearing of them later, found over its limits. */
  overTeamLimit: number;
  /** Team mode: the fans those contacts went to, marked over the team's limits in their author's log. */
  fansMarkedOverLimit: number[];
  decisions: number;
  elapsedMs: number;
}

/** Most times an admin waits out the pace between sends for one message before giving up. */
const MAX_PACE_RETRIES = 50;
const OVERRIDE_REASON = 'Customer care: the fan asked for help';
const PAGE = { pageId: 'acmecoffee', pageName: 'Acme Coffee' };

/** A fixed coin per (fan, comment): whether a message makes the fan reply STOP, the same in every mode. */
function repliesStop(fan: number, comment: string, rate: number): boolean {
  let hash = 2166136261;
  for (const char of `${fan}:${comment}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash >>> 0) / 2 ** 32 < rate;
}

/** The admin's device clock: true time, except on the skewed day. */
function adminClock(scenario: Scenario, admin: number, at: number): number {
  const { clockSkew, start } = scenario.config;
  const skewed = admin === clockSkew.admin && Math.floor((at - start) / DAY_MS) === clockSkew.day;
  return skewed ? at + clockSkew.hours * HOUR_MS : at;
}

async function openProfiles(count: number): Promise<OutreachDatabase[]> {
  const profiles: OutreachDatabase[] = [];
  for (let admin = 0; admin < count; admin += 1) {
    // Each admin's browser profile has its own IndexedDB, as the extension would.
    globalThis.indexedDB = new IDBFactory();
    profiles.push(await withDatabase(async (db) => db));
  }
  return profiles;
}

function draftFor(intent: Intent) {
  const fanId = `fan-${intent.comment.fan}`;
  return {
    ...PAGE,
    fanId,
    fanName: `Fan ${intent.comment.fan}`,
    fanUrl: `https://www.facebook.com/${fanId}`,
    commentId: intent.comment.id,
    postUrl: `https://www.facebook.com/acmecoffee/posts/${intent.comment.post}`,
    commentExcerpt: '',
    commentPostedAt: intent.comment.at,
    category: intent.category,
    templateId: `sim-${intent.category}`,
    templateTitle: intent.category,
    text: `A ${intent.category} message`,
  };
}

/** Replays every intent of the scenario, in time order, through the chosen mode. */
export async function replay(
  scenario: Scenario,
  mode: Mode,
  settings: PolicySettings = { ...DEFAULT_POLICY_SETTINGS, timeZone: scenario.config.timeZone },
  server?: TeamServer,
): Promise<ReplayResult> {
  const began = performance.now();
  const profiles = mode === 'off' || mode === 'server' ? [] : await openProfiles(scenario.config.admins);
  if (mode === 'server' && !server) throw new Error('team mode needs a team server');
  const team = mode === 'server' ? await joinTeam(server!, scenario.config, settings) : null;
  const result: ReplayResult = {
    mode,
    sent: [],
    refused: [],
    platformRefused: [],
    afterStop: 0,
    overTeamLimit: 0,
    fansMarkedOverLimit: [],
    decisions: 0,
    elapsedMs: 0,
  };
  const answered = new Set<string>();
  const stopped = new Set<number>();
  const sentTo = new Map<number, Sent[]>();

  /** Facebook's verdict at delivery, or null when it lets the message through. */
  const platform = (intent: Intent): PlatformRule | null => {
    if (answered.has(intent.comment.id)) return 'one-per-comment';
    if (intent.at - intent.comment.at >= COMMENT_REPLY_WINDOW_DAYS * DAY_MS) return 'comment-age';
    return null;
  };
  const deliver = (intent: Intent, override?: PolicyRule): Sent => {
    answered.add(intent.comment.id);
    const sent: Sent = {
      fan: intent.comment.fan,
      category: intent.category,
      at: intent.at,
      admin: intent.admin,
      comment: intent.comment.id,
      ...(override ? { override } : {}),
    };
    if (stopped.has(sent.fan) && sent.category !== 'care') result.afterStop += 1;
    result.sent.push(sent);
    sentTo.set(sent.fan, [...(sentTo.get(sent.fan) ?? []), sent]);
    return sent;
  };

  for (const intent of scenario.intents) {
    result.decisions += 1;
    if (mode === 'off') {
      const refusal = platform(intent);
      if (refusal) {
        result.platformRefused.push({ category: intent.category, rule: refusal });
        continue;
      }
      deliver(intent);
    } else {
      const outsideContacts =
        mode === 'team'
          ? (sentTo.get(intent.comment.fan) ?? [])
              .filter((sent) => sent.admin !== intent.admin)
              .map((sent) => sent.at)
          : [];
      let now = adminClock(scenario, intent.admin, intent.at);
      let overrideReason: string | undefined;
      const reserve = (at: number, options: { outsideContacts: number[]; overrideReason?: string }) =>
        team
          ? team.reserve(intent.admin, draftFor(intent), at, options)
          : reserveOutreach(profiles[intent.admin]!, draftFor(intent), settings, at, options);
      const settle = (entryId: string, status: 'sent' | 'failed', at: number) =>
        team
          ? team.settle(intent.admin, entryId, status, at)
          : settleOutreach(profiles[intent.admin]!, entryId, status, at);
      let outcome = await reserve(now, { outsideContacts });
      for (let retries = 0; !outcome.entry && retries < MAX_PACE_RETRIES; retries += 1) {
        const { verdict } = outcome;
        if (verdict.allowed) break;
        const softForCare = intent.category === 'care' && !HARD_RULES.includes(verdict.rule);
        if (verdict.rule === 'pace' && verdict.eligibleAt !== undefined) now = verdict.eligibleAt;
        else if (softForCare && overrideReason === undefined) overrideReason = OVERRIDE_REASON;
        else break;
        result.decisions += 1;
        outcome = await reserve(now, { outsideContacts, overrideReason });
      }
      const { entry, verdict } = outcome;
      if (!entry) {
        if (!verdict.allowed) {
          result.refused.push({
            fan: intent.comment.fan,
            category: intent.category,
            rule: verdict.rule,
            at: now,
            ...(verdict.eligibleAt === undefined ? {} : { eligibleAt: verdict.eligibleAt }),
          });
        }
        continue;
      }
      const refusal = platform(intent);
      if (refusal) {
        await settle(entry.id, 'failed', now);
        result.platformRefused.push({ category: intent.category, rule: refusal });
        continue;
      }
      await settle(entry.id, 'sent', now);
      deliver(intent, entry.override?.rule);
    }
    // Only a delivered message reaches this point; some make the fan answer STOP.
    if (repliesStop(intent.comment.fan, intent.comment.id, scenario.config.stopRate)) {
      if (!stopped.has(intent.comment.fan)) {
        stopped.add(intent.comment.fan);
        const fan = { ...PAGE, fanId: `fan-${intent.comment.fan}`, name: `Fan ${intent.comment.fan}` };
        // The admin who reads the STOP marks the fan in their own browser (and in team mode, the team).
        if (team) await team.markStop(intent.admin, fan, intent.at);
        else if (mode !== 'off') await setDoNotContact(profiles[intent.admin]!, fan, true, intent.at);
      }
    }
  }
  if (team) {
    const marked = await team.finish(scenario.intents.at(-1)?.at ?? scenario.config.start);
    result.overTeamLimit = marked.over;
    result.fansMarkedOverLimit = marked.fans;
  }
  for (const db of profiles) db.close();
  result.elapsedMs = performance.now() - began;
  return result;
}
