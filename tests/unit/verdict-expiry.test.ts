import { describe, expect, test } from 'vitest';
import './fake-browser';
import { nextVerdictChange } from '../../src/popup/compose-store';
import type { Category, Verdict } from '../../src/shared/outreach';

const NOW = 1_000_000;
const refusedUntil = (eligibleAt?: number): Verdict => ({ allowed: false, rule: 'pace', eligibleAt });
const verdicts = (thanks: Verdict, promo: Verdict): Record<Category, Verdict> => ({
  thanks,
  promo,
  warning: { allowed: true },
  care: { allowed: true },
});

describe('when the popup asks for the verdicts again by itself', () => {
  test('when the first refusal shown runs out', () => {
    expect(nextVerdictChange(verdicts(refusedUntil(NOW + 20_000), refusedUntil(NOW + 5_000)), NOW)).toBe(
      NOW + 5_000,
    );
  });

  test('never for refusals that do not expire, that have run out, or when all is allowed', () => {
    expect(nextVerdictChange(verdicts(refusedUntil(), refusedUntil(NOW - 1)), NOW)).toBeNull();
    expect(nextVerdictChange(verdicts({ allowed: true }, { allowed: true }), NOW)).toBeNull();
    expect(nextVerdictChange(null, NOW)).toBeNull();
  });
});
