// The side panel's queue: the comments a tab shows that need an answer, in the order to work through
// them, and picking one of them in its tab.
import { beforeEach, expect, test } from 'vitest';
import type { CommentContext } from '../../src/shared/comment-context';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { sampleEntry } from './sample-entry';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { pickAndReserveThanks } from './pick-and-reserve';
import { giuliaComment } from './sample-comment';
import { popup, TAB_ID } from './senders';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

function comment(
  id: string,
  authorName: string,
  text: string,
  extra: Partial<CommentContext> = {},
): CommentContext {
  return {
    ...giuliaComment,
    commentId: id,
    graphCommentId: `123_${id}`,
    authorId: `fan.${id}`,
    authorName,
    text,
    ...extra,
  };
}

/** The tab's comments in page order: praise, abuse, a question, nothing, a complaint, praise answered on the page. */
const SHOWN = [
  comment('1', 'Anna', 'Bravissimi, grazie!'),
  comment('2', 'Bruno', 'Siete dei ladri e dei buffoni'),
  comment('3', 'Carla', 'Quando riaprite il negozio di Torino?'),
  comment('4', 'Dario', 'Ciao a tutti da Napoli'),
  comment('5', 'Elena', 'Pacco mai arrivato, voglio il rimborso'),
  comment('6', 'Franco', 'Che bello!', { answeredPrivately: true }),
];

async function queue(): Promise<Array<{ commentId: string; kind: string }>> {
  const reply = await routeMessage({ type: 'queue/list', tabId: TAB_ID }, popup, NOW);
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.data as { entries: Array<{ commentId: string; kind: string }> }).entries.map(
    ({ commentId, kind }) => ({ commentId, kind }),
  );
}

beforeEach(() => {
  freshIndexedDB();
  fakeBrowser.reset();
  fakeBrowser.tabReplies = () => ({ comments: SHOWN });
});

test('questions and complaints come first, then abuse, then praise, each in page order', async () => {
  expect(await queue()).toEqual([
    { commentId: '3', kind: 'question' },
    { commentId: '5', kind: 'complaint' },
    { commentId: '2', kind: 'abusive' },
    { commentId: '1', kind: 'praise' },
  ]);
  expect(fakeBrowser.tabMessages).toEqual([{ tabId: TAB_ID, message: { type: 'comments/list' } }]);
});

test('a comment the log holds a send to is left out', async () => {
  const asking = { ...giuliaComment, text: 'Quando riaprite il negozio?' };
  const ids = async () => (await queue()).map(({ commentId }) => commentId);
  fakeBrowser.tabReplies = () => ({ comments: [asking, ...SHOWN] });
  expect(await ids()).toContain(asking.commentId);
  await pickAndReserveThanks(NOW, asking);
  fakeBrowser.tabReplies = () => ({ comments: [asking, ...SHOWN] });
  expect(await ids()).not.toContain(asking.commentId);
});

test('a comment whose only send failed still waits for an answer', async () => {
  await withDatabase((db) =>
    db.put('outreach', sampleEntry(1, { commentId: '3', status: 'failed', category: 'care' })),
  );
  expect((await queue()).map(({ commentId }) => commentId)).toContain('3');
});

test('a tab that answers nothing, or something else, makes an empty queue', async () => {
  fakeBrowser.tabReplies = () => ({ comments: 'not a list' });
  expect(await queue()).toEqual([]);
});

test('picking an entry picks its comment in the tab, as the compose view’s target', async () => {
  fakeBrowser.tabReplies = () => ({ comment: SHOWN[2], facebookLanguage: 'it' });
  expect(await routeMessage({ type: 'queue/pick', tabId: TAB_ID, commentId: '3' }, popup, NOW)).toEqual({
    ok: true,
    data: { picked: true },
  });
  expect(fakeBrowser.tabMessages).toEqual([
    { tabId: TAB_ID, message: { type: 'comments/pick', commentId: '3' } },
  ]);
  const stored = await fakeBrowser.storage.session.get('pendingTarget');
  expect(stored.pendingTarget).toMatchObject({ comment: { commentId: '3' }, tabId: TAB_ID });
});
