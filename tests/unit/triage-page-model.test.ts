// A Page's triage model is rebuilt from what its log holds: the admin's own sends, their excerpts and
// categories. Forgetting a fan empties their excerpts, so the model is as if they had never written.
import { beforeEach, describe, expect, test } from 'vitest';
import { pageModel } from '../../src/background/triage/page-model';
import { labelOfSend, modelFrom } from '../../src/background/triage/training';
import { withDatabase } from '../../src/background/storage/database';
import type { OutreachEntry } from '../../src/shared/outreach';
import { routeMessage } from './checked-router';
import { sampleEntry } from './sample-entry';
import { facebookTab, popup } from './senders';
import { giuliaComment } from './sample-comment';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDB();
});

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

/** Sends of the Page's: fans 1–3 wrote slang the rules cannot read; fan 4's words are the ones to forget. */
const SENDS: Array<Partial<OutreachEntry>> = [
  { fanId: 'fan1', category: 'thanks', commentExcerpt: 'daje ragazzi sempre' },
  { fanId: 'fan2', category: 'warning', commentExcerpt: 'presidente vattene subito' },
  { fanId: 'fan3', category: 'care', commentExcerpt: 'tornelli bloccati ancora' },
  { fanId: 'fan4', category: 'thanks', commentExcerpt: 'forza magica daje' },
  { fanId: 'fan4', category: 'care', commentExcerpt: 'curva chiusa oggi' },
];

async function seed(entries: Array<Partial<OutreachEntry>>): Promise<void> {
  await withDatabase(async (db) => {
    for (const [index, entry] of entries.entries()) {
      await db.put(
        'outreach',
        sampleEntry(100 + index + (await db.count('outreach')), { createdAt: NOW - 1000 + index, ...entry }),
      );
    }
  });
}

const modelOfPage = () => withDatabase((db) => pageModel(db, 'acmecoffee'));
/** The model of these sends alone, each learned as a send is (labelOfSend). */
const modelOf = (entries: Array<Partial<OutreachEntry>>) =>
  modelFrom(
    entries.map(({ commentExcerpt, category }) => ({
      text: commentExcerpt!,
      label: labelOfSend(category!, commentExcerpt!)!,
    })),
  );

test('a Page’s model learns from each of its sends', async () => {
  await seed(SENDS);
  expect(await modelOfPage()).toEqual(modelOf(SENDS));
});

test('forgetting a fan leaves the model as if their comments had never been learned', async () => {
  await seed(SENDS);
  await routeMessage({ type: 'log/forget-fan', pageId: 'acmecoffee', fanId: 'fan4' }, popup, NOW);
  expect(await modelOfPage()).toEqual(modelOf(SENDS.filter((send) => send.fanId !== 'fan4')));
});

test('asked again with nothing changed, the Page’s model is the one built before; a fan forgotten gives a new one', async () => {
  await seed(SENDS);
  const first = await modelOfPage();
  expect(await modelOfPage()).toBe(first);
  await routeMessage({ type: 'log/forget-fan', pageId: 'acmecoffee', fanId: 'fan4' }, popup, NOW);
  const after = await modelOfPage();
  expect(after).not.toBe(first);
  expect(after).toEqual(modelOf(SENDS.filter((send) => send.fanId !== 'fan4')));
});

test('a teammate’s sends, a promo and another Page’s sends teach this Page nothing', async () => {
  await seed([
    ...SENDS.slice(0, 1),
    { fanId: 'fan5', category: 'thanks', commentExcerpt: 'grazie mille', author: 'Bea' },
    { fanId: 'fan6', category: 'promo', commentExcerpt: 'bellissimo' },
    { fanId: 'fan7', category: 'thanks', commentExcerpt: 'grazie', pageId: 'otherpage' },
  ]);
  expect(await modelOfPage()).toEqual(modelOf(SENDS.slice(0, 1)));
});

describe('what the admin says and sets', () => {
  const asking = { ...giuliaComment, text: 'Quando riaprite il negozio?' };
  const correct = (label: string) =>
    routeMessage({ type: 'triage/correct', commentId: asking.commentId, label }, popup, NOW);

  beforeEach(async () => {
    await routeMessage({ type: 'target/select', comment: asking }, facebookTab, NOW);
  });

  test('a correction of the picked comment is learned for its Page, as the admin said it', async () => {
    expect(await correct('complaint')).toMatchObject({ ok: true });
    expect(await modelOfPage()).toEqual(modelFrom([{ text: asking.text, label: 'complaint' }]));
  });

  test('a correction replaces what the send to the same comment would teach', async () => {
    await seed([{ commentId: asking.commentId, category: 'thanks', commentExcerpt: asking.text }]);
    await correct('none');
    expect(await modelOfPage()).toEqual(modelFrom([{ text: asking.text, label: 'none' }]));
  });

  test('forgetting the fan forgets their corrections too', async () => {
    await correct('complaint');
    await routeMessage({ type: 'log/forget-fan', pageId: asking.pageId, fanId: asking.authorId }, popup, NOW);
    expect((await modelOfPage()).texts).toBe(0);
  });

  test('a reset forgets corrections and earlier sends; later sends are learned again', async () => {
    await seed(SENDS.slice(0, 2));
    await correct('complaint');
    await routeMessage({ type: 'triage/reset' }, popup, NOW + 1);
    expect((await modelOfPage()).texts).toBe(0);
    await seed([{ fanId: 'fan9', category: 'thanks', commentExcerpt: 'daje ragazzi', createdAt: NOW + 2 }]);
    expect(await modelOfPage()).toEqual(modelFrom([{ text: 'daje ragazzi', label: 'praise' }]));
  });

  test('a teammate’s sends are learned only once the admin opts in', async () => {
    const teammates = [
      { fanId: 'fan5', category: 'thanks' as const, commentExcerpt: 'grazie mille', author: 'Bea' },
    ];
    await seed(teammates);
    expect((await modelOfPage()).texts).toBe(0);
    await routeMessage({ type: 'triage/learn-from-team', learnFromTeam: true }, popup, NOW);
    expect(await modelOfPage()).toEqual(modelOf(teammates));
  });
});
