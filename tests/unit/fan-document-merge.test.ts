import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FanDocument, TeamContact } from '../../src/background/storage/schema';
import { emptyFanDocument, mergeFanDocuments, unliftedMarks } from '../../src/background/team/fan-document';
import { CATEGORIES, ENTRY_STATUSES } from '../../src/shared/outreach';

const HORIZON = 1_000;

/**
 * The contacts that exist (a few, so that times tie), and copies of the fan's document that each hold
 * some of them, each at some status of its life.
 */
const admin = fc.constantFrom('ann', 'bea');
const team = fc.record({
  contacts: fc.array(
    fc.record({
      comment: fc.constantFrom('101', '102'),
      cat: fc.constantFrom(...CATEGORIES),
      at: fc.integer({ min: HORIZON - 50, max: HORIZON + 50 }),
      by: admin,
    }),
    { minLength: 1, maxLength: 5 },
  ),
  marks: fc.array(fc.record({ by: admin, at: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
  lifts: fc.array(
    fc.record({ by: admin, at: fc.integer({ min: 0, max: 3 }), of: fc.subarray(['m0', 'm1', 'm2']) }),
    {
      maxLength: 3,
    },
  ),
});

type Team = typeof team extends fc.Arbitrary<infer T> ? T : never;

function copyOf({ contacts, marks, lifts }: Team): fc.Arbitrary<FanDocument> {
  const held = fc.subarray(contacts.map((contact, index) => ({ ...contact, c: `contact-${index}` })));
  return fc.record({
    recent: held.chain((some) =>
      fc.tuple(
        ...some.map((item) => fc.constantFrom(...ENTRY_STATUSES).map((st): TeamContact => ({ ...item, st }))),
      ),
    ),
    marks: fc.subarray(marks.map((mark, index) => ({ ...mark, id: `m${index}` }))),
    lifts: fc.subarray(
      lifts.filter((lift) => lift.of.length > 0).map((lift, index) => ({ ...lift, id: `l${index}` })),
    ),
  });
}

const twoCopies = team.chain((contacts) => fc.tuple(copyOf(contacts), copyOf(contacts)));
const threeCopies = team.chain((contacts) => fc.tuple(copyOf(contacts), copyOf(contacts), copyOf(contacts)));

const merge = (a: FanDocument, b: FanDocument) => mergeFanDocuments(a, b, HORIZON);

describe('merging two copies of a fan’s team document', () => {
  test('gives the same document in either order', () => {
    fc.assert(
      fc.property(twoCopies, ([a, b]) => {
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
    );
  });

  test('gives the same document however three copies are grouped', () => {
    fc.assert(
      fc.property(threeCopies, ([a, b, c]) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
    );
  });

  test('changes nothing when a copy meets itself again, however often', () => {
    fc.assert(
      fc.property(twoCopies, ([a, b]) => {
        const once = merge(a, b);
        expect(merge(once, a)).toEqual(once);
        expect(merge(once, once)).toEqual(once);
      }),
    );
  });

  test('keeps every contact inside the window, and drops only those before it', () => {
    fc.assert(
      fc.property(twoCopies, ([a, b]) => {
        const kept = new Set(merge(a, b).recent.map((item) => item.c));
        for (const item of [...a.recent, ...b.recent]) expect(kept.has(item.c)).toBe(item.at >= HORIZON);
      }),
    );
  });

  test('keeps a contact at its furthest status: a late “unknown” never undoes “sent”', () => {
    const sent = { c: 'a', comment: '101', cat: 'thanks', at: HORIZON, by: 'ann', st: 'sent' } as const;
    const merged = merge(
      { ...emptyFanDocument(), recent: [sent] },
      { ...emptyFanDocument(), recent: [{ ...sent, st: 'unknown' }] },
    );
    expect(merged.recent).toEqual([sent]);
  });

  test('keeps every mark and every lift of either copy', () => {
    fc.assert(
      fc.property(twoCopies, ([a, b]) => {
        const merged = merge(a, b);
        const ids = (items: Array<{ id: string }>) => new Set(items.map((item) => item.id));
        expect(ids(merged.marks)).toEqual(ids([...a.marks, ...b.marks]));
        expect(ids(merged.lifts)).toEqual(ids([...a.lifts, ...b.lifts]));
      }),
    );
  });
});

describe('a fan’s “do not contact” standing, as marks and the lifts that name them', () => {
  const mark = (id: string, at: number) => ({ id, by: 'bea', at });
  const lift = (id: string, of: string[], at: number) => ({ id, by: 'ann', at, of });

  test('a mark stands until a lift names it', () => {
    const doc = { ...emptyFanDocument(), marks: [mark('m1', 1)] };
    expect(unliftedMarks(doc)).toEqual([mark('m1', 1)]);
    expect(unliftedMarks({ ...doc, lifts: [lift('l1', ['m1'], 2)] })).toEqual([]);
  });

  test('a mark made while another admin lifted the marks they saw still stands, whatever the clocks say', () => {
    const seen = mark('m1', 1);
    // Bea's clock runs behind: her new mark is dated before Ann's lift, which never saw it.
    const concurrent = mark('m2', 0);
    const doc = { ...emptyFanDocument(), marks: [seen, concurrent], lifts: [lift('l1', ['m1'], 5)] };
    expect(unliftedMarks(doc)).toEqual([concurrent]);
  });
});
