import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withDatabase } from '../../src/background/storage/database';
import { setDoNotContact } from '../../src/background/fans/fan-store';
import { forgetFan } from '../../src/background/fans/forgotten-fans';
import { listOutreach } from '../../src/background/outreach/log';
import { reserveOutreach } from '../../src/background/outreach/reserve';
import { CATEGORIES, type Category } from '../../src/shared/outreach';
import type { PolicySettings } from '../../src/shared/policy-settings';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { freshIndexedDB } from './indexeddb';
import { deliverAndSettle } from './settle';

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
const PAGES = ['acmecoffee', 'bakery'];
const FANS = ['giulia', 'marco', 'sara'];

interface Contact {
  pageId: string;
  fanId: string;
  commentId: string;
  category: Category;
  at: number;
  /** Forgotten since: a tombstone keeps no post, so the contact no longer counts under its post. */
  postless?: true;
}

interface Model {
  now: number;
  settings: PolicySettings;
  contacts: Contact[];
  doNotContact: Set<string>;
  nextComment: number;
}

interface Request {
  pageId: string;
  fanId: string;
  commentId: string;
  category: Category;
}

/**
 * The rules written out plainly for several fans on several Pages: the reference the real store (the
 * policy engine over IndexedDB) must agree with, whatever happened before.
 */
function modelAllows(model: Model, request: Request): boolean {
  const { now, settings: s } = model;
  // A contact stamped in the future (the clock went back) is inside every window.
  const seen = model.contacts.map((c) => (c.at > now ? { ...c, at: now } : c));
  const within = (list: Contact[], days: number) => list.filter((c) => c.at > now - days * DAY_MS);
  if (seen.some((c) => c.commentId === request.commentId)) return false;
  if (model.doNotContact.has(`${request.pageId}/${request.fanId}`) && request.category !== 'care')
    return false;
  const page = seen.filter((c) => c.pageId === request.pageId);
  const fan = page.filter((c) => c.fanId === request.fanId);
  if (request.category !== 'care' && within(page, 1).length >= s.pageDailyMax) return false;
  // Every request is about the Page's one post (entryFor): the per-post cap counts its contacts.
  const onPost = page.filter((c) => !c.postless);
  if (request.category !== 'care' && within(onPost, 1).length >= s.postDailyMax) return false;
  if (s.paceSeconds > 0 && seen.some((c) => c.at > now - s.paceSeconds * 1000)) return false;
  const hour = new Date(now).getUTCHours();
  const { quietHoursStart: from, quietHoursEnd: to } = s;
  const quiet = from !== to && (from < to ? hour >= from && hour < to : hour >= from || hour < to);
  if (request.category === 'promo' && quiet) return false;
  const ofCategory = (days: number, category: Category) =>
    within(fan, days).filter((c) => c.category === category);
  if (request.category === 'care') return ofCategory(1, 'care').length < s.careDailyMax;
  const initiative = (days: number) => within(fan, days).filter((c) => c.category !== 'care');
  if (initiative(s.fanWindowDays).length > 0) return false;
  if (initiative(30).length >= s.fanMonthlyMax) return false;
  if (request.category === 'promo' && ofCategory(s.promoWindowDays, 'promo').length > 0) return false;
  if (request.category === 'thanks' && ofCategory(s.thanksWindowDays, 'thanks').length > 0) return false;
  if (request.category !== 'warning' && ofCategory(s.warningCooldownDays, 'warning').length > 0) return false;
  return true;
}

function entryFor(request: Request) {
  return {
    ...request,
    pageName: request.pageId,
    fanName: request.fanId,
    fanUrl: `https://www.facebook.com/${request.fanId}`,
    postUrl: `https://www.facebook.com/${request.pageId}/posts/1`,
    commentExcerpt: 'A comment',
    templateId: `default-${request.category}-1-en`,
    templateTitle: 'A template',
    text: `Hi ${request.fanId}`,
  };
}

type Command = (model: Model) => Promise<void>;

/** Names a command, so a failing sequence reads as a list of steps. */
function named(name: string, run: Command): Command {
  return Object.assign(run, { [fc.toStringMethod]: () => name });
}

const send = (pageId: string, fanId: string, category: Category, reuseComment: boolean): Command =>
  named(`send(${pageId}, ${fanId}, ${category}${reuseComment ? ', same comment' : ''})`, async (model) => {
    const previous = model.contacts.at(-1)?.commentId;
    const commentId = reuseComment && previous ? previous : String(model.nextComment++);
    const request = { pageId, fanId, commentId, category };
    const expected = modelAllows(model, request);
    const { entry } = await withDatabase(async (db) => {
      const reserved = await reserveOutreach(db, entryFor(request), model.settings, model.now);
      if (reserved.entry) await deliverAndSettle(db, reserved.entry.id, 'copied', model.now);
      return reserved;
    });
    expect(
      entry !== null,
      `${category} to ${fanId} on ${pageId} at ${new Date(model.now).toISOString()}`,
    ).toBe(expected);
    if (entry) model.contacts.push({ ...request, at: model.now });
  });

const advance = (ms: number): Command =>
  named(`advance(${ms / HOUR_MS} h)`, async (model) => {
    model.now += ms;
  });

const changeSettings = (settings: PolicySettings): Command =>
  named(`settings(${JSON.stringify(settings)})`, async (model) => {
    model.settings = settings;
  });

/**
 * Forgetting erases who the fan was, never what the fan's limits need; the post their comment was on
 * goes too (with the time, it would point back at them), so their contacts leave the per-post count.
 */
const forget = (pageId: string, fanId: string): Command =>
  named(`forget(${pageId}, ${fanId})`, async (model) => {
    await withDatabase((db) => forgetFan(db, { pageId, fanId }, model.now));
    for (const contact of model.contacts)
      if (contact.pageId === pageId && contact.fanId === fanId) contact.postless = true;
  });

const markDoNotContact = (pageId: string, fanId: string, marked: boolean): Command =>
  named(`doNotContact(${pageId}, ${fanId}, ${marked})`, async (model) => {
    await withDatabase((db) => setDoNotContact(db, { pageId, fanId, name: fanId }, marked, model.now));
    if (marked) model.doNotContact.add(`${pageId}/${fanId}`);
    else model.doNotContact.delete(`${pageId}/${fanId}`);
  });

const settingsArbitrary: fc.Arbitrary<PolicySettings> = fc.record({
  fanWindowDays: fc.integer({ min: 1, max: 10 }),
  fanMonthlyMax: fc.integer({ min: 1, max: 5 }),
  promoWindowDays: fc.integer({ min: 1, max: 40 }),
  thanksWindowDays: fc.integer({ min: 1, max: 20 }),
  warningCooldownDays: fc.integer({ min: 1, max: 20 }),
  careDailyMax: fc.integer({ min: 1, max: 4 }),
  pageDailyMax: fc.integer({ min: 1, max: 8 }),
  postDailyMax: fc.integer({ min: 1, max: 8 }),
  strikeWindowDays: fc.integer({ min: 1, max: 100 }),
  paceSeconds: fc.integer({ min: 0, max: 120 }),
  quietHoursStart: fc.integer({ min: 0, max: 23 }),
  quietHoursEnd: fc.integer({ min: 0, max: 23 }),
  retentionDays: fc.integer({ min: 30, max: 3650 }),
  sightingsKeepDays: fc.constant(180),
  timeZone: fc.constant('UTC'),
});

const page = fc.constantFrom(...PAGES);
const fan = fc.constantFrom(...FANS);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(page, fan, fc.constantFrom(...CATEGORIES), fc.boolean()).map((a) => send(...a)),
  },
  // Mostly forward, sometimes a clock set back a little.
  { weight: 4, arbitrary: fc.integer({ min: -6 * HOUR_MS, max: 5 * DAY_MS }).map(advance) },
  { weight: 1, arbitrary: settingsArbitrary.map(changeSettings) },
  { weight: 1, arbitrary: fc.tuple(page, fan).map((a) => forget(...a)) },
  { weight: 1, arbitrary: fc.tuple(page, fan, fc.boolean()).map((a) => markDoNotContact(...a)) },
);

/** Property runs: each one replays a whole sequence through a fresh IndexedDB. */
const RUNS = 60;

describe('the outreach store against a simple model', () => {
  test('agrees on every send of random sequences of sends, clock moves, settings changes, forgotten fans and do-not-contact marks', async () => {
    await fc.assert(
      fc.asyncProperty(
        settingsArbitrary,
        fc.array(command, { minLength: 10, maxLength: 40, size: 'max' }),
        async (settings, commands) => {
          freshIndexedDB();
          const model: Model = { now: T, settings, contacts: [], doNotContact: new Set(), nextComment: 1 };
          for (const run of commands) await run(model);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('concurrent reservations never break a cap, whatever their interleaving', async () => {
    const burst = fc.array(
      fc.tuple(page, fan, fc.constantFrom(...CATEGORIES), fc.integer({ min: 1, max: 4 })),
      {
        minLength: 2,
        maxLength: 30,
      },
    );
    await fc.assert(
      fc.asyncProperty(settingsArbitrary, burst, async (settings, requests) => {
        freshIndexedDB();
        await Promise.all(
          requests.map(([pageId, fanId, category, comment]) =>
            withDatabase((db) =>
              reserveOutreach(
                db,
                entryFor({ pageId, fanId, category, commentId: String(comment) }),
                settings,
                T,
              ),
            ),
          ),
        );
        const entries = await withDatabase((db) => listOutreach(db));
        const count = (of: (entry: (typeof entries)[number]) => boolean) => entries.filter(of).length;
        // One per comment; the pace lets one send through; no Page, fan or category over its cap.
        for (const comment of new Set(entries.map((entry) => entry.commentId))) {
          expect(count((entry) => entry.commentId === comment)).toBe(1);
        }
        if (settings.paceSeconds > 0) expect(entries.length).toBeLessThanOrEqual(1);
        for (const pageId of PAGES) {
          const initiative = (entry: (typeof entries)[number]) =>
            entry.pageId === pageId && entry.category !== 'care';
          expect(count(initiative)).toBeLessThanOrEqual(settings.pageDailyMax);
          for (const fanId of FANS) {
            const ofFan = (of: (entry: (typeof entries)[number]) => boolean) =>
              count((entry) => entry.pageId === pageId && entry.fanId === fanId && of(entry));
            expect(ofFan((entry) => entry.category !== 'care')).toBeLessThanOrEqual(1);
            expect(ofFan((entry) => entry.category === 'care')).toBeLessThanOrEqual(settings.careDailyMax);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
