import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FanDocument, TeamContact } from '../../src/background/storage/schema';
import { mergeFanDocuments } from '../../src/background/team/fan-document';
import { CATEGORIES, ENTRY_STATUSES } from '../../src/shared/outreach';

const HORIZON = 1_000;

/**
 * The contacts that exist (a few, so that times tie), and copies of the fan's document that each hold
 * some of them, each at some status of its life.
 */
const team = fc.array(
  fc.record({
    comment: fc.constantFrom('101', '102'),
    cat: fc.constantFrom(...CATEGORIES),
    at: fc.integer({ min: HORIZON - 50, max: HORIZON + 50 }),
    by: fc.constantFrom('ann', 'bea'),
  }),
  { minLength: 1, maxLength: 5 },
);

function copyOf(contacts: Array<Omit<TeamContact, 'c' | 'st'>>): fc.Arbitrary<FanDocument> {
  const held = fc.subarray(contacts.map((contact, index) => ({ ...contact, c: `contact-${index}` })));
  return fc.record({
    recent: held.chain((some) =>
      fc.tuple(...some.map((item) => fc.constantFrom(...ENTRY_STATUSES).map((st) => ({ ...item, st })))),
    ),
    dnc: fc.option(
      fc.record({ on: fc.boolean(), by: fc.constantFrom('ann', 'bea'), at: fc.integer({ min: 0, max: 3 }) }),
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
    const merged = merge({ recent: [sent], dnc: null }, { recent: [{ ...sent, st: 'unknown' }], dnc: null });
    expect(merged.recent).toEqual([sent]);
  });

  test('keeps the later “do not contact” decision, and a mark wins a tie', () => {
    const on = { on: true, by: 'bea', at: 2 };
    const off = { on: false, by: 'ann', at: 1 };
    expect(merge({ recent: [], dnc: on }, { recent: [], dnc: off }).dnc).toEqual(on);
    expect(merge({ recent: [], dnc: { ...on, on: false } }, { recent: [], dnc: on }).dnc).toEqual(on);
    expect(merge({ recent: [], dnc: null }, { recent: [], dnc: off }).dnc).toEqual(off);
  });
});
