import { describe, expect, test } from 'vitest';
import { preselect } from '../../src/popup/preselect';
import type { Category, Verdict } from '../../src/shared/outreach';
import { DEFAULT_TEMPLATES } from '../../src/shared/templates';

const ALLOWED: Verdict = { allowed: true };
const REFUSED: Verdict = { allowed: false, rule: 'fan-window', eligibleAt: 1 };
function verdicts(allowed: Category[]): Record<Category, Verdict> {
  return {
    thanks: allowed.includes('thanks') ? ALLOWED : REFUSED,
    promo: allowed.includes('promo') ? ALLOWED : REFUSED,
    warning: allowed.includes('warning') ? ALLOWED : REFUSED,
    care: allowed.includes('care') ? ALLOWED : REFUSED,
  };
}
const used = {
  byCategory: { thanks: 'default-thanks-2-en', care: 'default-care-2-en' },
  latest: 'default-thanks-2-en',
};

describe('the template preselected for a fan', () => {
  test('is the one last sent when its category is allowed', () => {
    expect(preselect(DEFAULT_TEMPLATES, verdicts(['thanks', 'care']), used)).toBe('default-thanks-2-en');
  });

  test('is the last one sent of an allowed category when the last sent one is not allowed', () => {
    expect(preselect(DEFAULT_TEMPLATES, verdicts(['care']), used)).toBe('default-care-2-en');
  });

  test('is the one last sent, with its refusal shown, when nothing used before is allowed', () => {
    expect(preselect(DEFAULT_TEMPLATES, verdicts([]), used)).toBe('default-thanks-2-en');
  });

  test('is the last one sent of the category the comment’s triage suggests, allowed or not', () => {
    expect(preselect(DEFAULT_TEMPLATES, verdicts(['thanks']), used, 'care')).toBe('default-care-2-en');
  });

  test('is none when nothing of the suggested category was sent yet: the category opens empty', () => {
    expect(preselect(DEFAULT_TEMPLATES, verdicts(['thanks', 'warning']), used, 'warning')).toBeNull();
  });

  test('is none before anything was sent, or when the template was deleted', () => {
    expect(preselect(DEFAULT_TEMPLATES, verdicts(['thanks']), { byCategory: {} })).toBeNull();
    expect(preselect([], verdicts(['thanks']), used)).toBeNull();
  });
});
