/**
 * Three admins of one team, each with a clock up to two hours off, mark, lift and contact one fan in
 * any interleaving, while the server's document splits into conflicting leaves. Whatever order each
 * browser reads the leaves in, they all end with one state, and the fan's standing follows only the
 * marks and the lifts that name them: never a clock.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FanDocument } from '../../src/background/storage/schema';
import { emptyFanDocument, mergeFanDocuments, unliftedMarks } from '../../src/background/team/fan-document';
import { teamHistory, teamStanding } from '../../src/background/team/gate';
import { evaluate } from '../../src/background/policy/frequency-policy';
import { CATEGORIES, ENTRY_STATUSES } from '../../src/shared/outreach';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';

const ADMINS = ['ann', 'bea', 'carlo'] as const;
const MAX_SKEW_MS = 2 * 60 * 60 * 1000;
const START = Date.UTC(2026, 11, 1);
const FAN = { pageId: 'acme', fanId: 'giulia' };

/** One admin's step: what they write, and which leaf of the server's document it lands on. */
const step = fc.record({
  admin: fc.integer({ min: 0, max: ADMINS.length - 1 }),
  leaf: fc.nat(),
  /** The leaf the admin read before deciding: a stale read sees one leaf only, a fresh one all. */
  read: fc.option(fc.nat(), { nil: 'all' as const }),
  act: fc.oneof(
    fc.constant({ kind: 'mark' as const }),
    fc.constant({ kind: 'lift' as const }),
    fc.record({ kind: fc.constant('contact' as const), status: fc.constantFrom(...ENTRY_STATUSES) }),
    fc.constant({ kind: 'fork' as const }),
  ),
  minutesLater: fc.integer({ min: 0, max: 90 }),
});

const scenario = fc.record({
  skews: fc.tuple(...ADMINS.map(() => fc.integer({ min: -MAX_SKEW_MS, max: MAX_SKEW_MS }))),
  steps: fc.array(step, { minLength: 1, maxLength: 25 }),
  orders: fc.tuple(...ADMINS.map(() => fc.infiniteStream(fc.nat()))),
});

const merged = (leaves: FanDocument[]) =>
  leaves.reduce((all, leaf) => mergeFanDocuments(all, leaf, 0), emptyFanDocument());

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Plays the steps against the server's leaves. */
function play({ skews, steps }: Scenario) {
  const leaves: FanDocument[] = [emptyFanDocument()];
  let time = START;
  steps.forEach(({ admin, leaf, read, act, minutesLater }, index) => {
    time += minutesLater * 60_000;
    const by = ADMINS[admin]!;
    const at = time + skews[admin]!;
    const target = leaf % leaves.length;
    const seen = read === 'all' ? merged(leaves) : leaves[read % leaves.length]!;
    const doc = leaves[target]!;
    if (act.kind === 'fork') leaves.push(structuredClone(doc));
    else if (act.kind === 'mark') doc.marks.push({ id: `m${index}`, by, at });
    else if (act.kind === 'lift') {
      const of = unliftedMarks(seen).map((mark) => mark.id);
      if (of.length > 0) doc.lifts.push({ id: `l${index}`, by, at, of });
    } else {
      const cat = CATEGORIES[index % CATEGORIES.length]!;
      doc.recent.push({ c: `c${index}`, comment: `${index}`, cat, at, by, st: act.status });
    }
  });
  return leaves;
}

/** The leaves in the order one browser happens to read them. */
function inOrder<T>(items: T[], stream: fc.Stream<number>): T[] {
  const rest = [...items];
  const order: T[] = [];
  for (const pick of stream.take(items.length)) order.push(...rest.splice(pick % rest.length, 1));
  return order;
}

describe('three admins with skewed clocks, marks, lifts, contacts and conflicting leaves', () => {
  test('every browser merges the leaves into the same state, in whatever order it reads them', () => {
    fc.assert(
      fc.property(scenario, (run) => {
        const leaves = play(run);
        const states = run.orders.map((order) => merged(inOrder(leaves, order)));
        for (const state of states) expect(state).toEqual(states[0]);
      }),
    );
  });

  test('a fan with a mark no lift names is refused everything but customer care, in every browser', () => {
    fc.assert(
      fc.property(scenario, (run) => {
        const leaves = play(run);
        const lifted = new Set(leaves.flatMap((leaf) => leaf.lifts.flatMap((lift) => lift.of)));
        const standsMarked = leaves.some((leaf) => leaf.marks.some((mark) => !lifted.has(mark.id)));
        for (const [index, order] of run.orders.entries()) {
          const state = merged(inOrder(leaves, order));
          const me = ADMINS[index]!;
          const standing = teamStanding(state, me);
          expect(standing?.doNotContact ?? false).toBe(standsMarked);
          const now = START + 48 * 60 * 60 * 1000;
          const history = teamHistory(state, FAN, me);
          for (const category of CATEGORIES) {
            const request = { ...FAN, commentId: 'new-comment', category };
            const verdict = evaluate(request, history, DEFAULT_POLICY_SETTINGS, now, standing);
            if (standsMarked && category !== 'care')
              expect(verdict).toMatchObject({ allowed: false, rule: 'do-not-contact' });
            if (category === 'care' || !standsMarked)
              expect(verdict.allowed || verdict.rule !== 'do-not-contact').toBe(true);
          }
        }
      }),
    );
  });
});
