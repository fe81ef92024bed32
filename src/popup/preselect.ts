import { CATEGORIES, type Category, type Verdict } from '../shared/outreach';
import type { Template } from '../shared/templates';

/** The templates last sent, per category and overall. */
export interface LastUsed {
  byCategory: Partial<Record<Category, string>>;
  latest?: string;
}

/**
 * The template to preselect for a fan. Where the triage suggests a category for the comment, the one
 * last sent of that category, or none (the category opens, its verdict shown, for the admin to pick).
 * Otherwise the one last sent if the policy allows its category now; otherwise the last one sent of
 * the first category that is allowed; otherwise the one last sent, with its verdict beside it. None
 * if the admin has sent nothing yet.
 */
export function preselect(
  templates: readonly Template[],
  verdicts: Record<Category, Verdict> | null,
  used: LastUsed,
  suggested: Category | null = null,
): string | null {
  const known = (id: string | undefined) => templates.find((template) => template.id === id) ?? null;
  if (suggested) return known(used.byCategory[suggested])?.id ?? null;
  const latest = known(used.latest);
  if (latest && verdicts?.[latest.category].allowed) return latest.id;
  for (const category of CATEGORIES) {
    const candidate = known(used.byCategory[category]);
    if (candidate && verdicts?.[category].allowed) return candidate.id;
  }
  return latest?.id ?? null;
}
