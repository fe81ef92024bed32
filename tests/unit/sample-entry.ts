import type { Category, OutreachEntry } from '../../src/shared/outreach';

/** A settled thank-you of Acme Coffee's, the `index`-th: its own id, fan and comment. */
export function sampleEntry(index: number, overrides: Partial<OutreachEntry> = {}): OutreachEntry {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    pageId: 'acmecoffee',
    pageName: 'Acme Coffee',
    fanId: `fan${index}`,
    fanName: `Fan ${index}`,
    fanUrl: '',
    commentId: `${index}`,
    postUrl: '',
    commentExcerpt: '',
    category: 'care',
    templateId: 't',
    templateTitle: 'Care',
    text: 'Hi',
    createdAt: 0,
    updatedAt: 0,
    status: 'copied',
    ...overrides,
  };
}

/** The discretion tests' Page: fans 1–4 got a thanks and fans 5–6 a promo. */
export const THANKS_AND_PROMOS: Readonly<Record<number, Category>> = {
  1: 'thanks',
  2: 'thanks',
  3: 'thanks',
  4: 'thanks',
  5: 'promo',
  6: 'promo',
};
