import { beforeEach, describe, expect, test } from 'vitest';
import type { ReplyOf } from '../../src/shared/messages';
import { routeMessage } from './checked-router';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { giuliaComment } from './sample-comment';
import { facebookTab, popup, TAB_ID } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

const marcoComment = {
  ...giuliaComment,
  commentId: '789',
  graphCommentId: '123_789',
  authorId: 'marco.bianchi',
  authorName: 'Marco Bianchi',
  authorUrl: 'https://www.facebook.com/marco.bianchi',
  text: 'Open on Sundays?',
};

async function pendingComment() {
  const stored = await fakeBrowser.storage.session.get('pendingTarget');
  return (stored.pendingTarget as { comment: { authorName: string }; facebookLanguage?: string }) ?? null;
}

async function next(): Promise<ReplyOf<'target/next'>> {
  const reply = await routeMessage({ type: 'target/next' }, popup, NOW);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<'target/next'>;
}

beforeEach(async () => {
  freshIndexedDB();
  fakeBrowser.reset();
  await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
});

describe('“Next comment”', () => {
  test('picks the comment the tab names after the target, in the same tab, with the page’s language', async () => {
    fakeBrowser.tabReplies = () => ({ comment: marcoComment, facebookLanguage: 'it-IT' });
    expect(await next()).toEqual({ picked: true });
    expect(await pendingComment()).toMatchObject({
      comment: { authorName: 'Marco Bianchi' },
      tabId: TAB_ID,
      facebookLanguage: 'it-IT',
    });
    expect(fakeBrowser.tabMessages).toEqual([
      { tabId: TAB_ID, message: { type: 'comments/next', after: giuliaComment.commentId } },
    ]);
  });

  test('with no comment below the target, nothing is picked and the target stays', async () => {
    fakeBrowser.tabReplies = () => ({ comment: null });
    expect(await next()).toEqual({ picked: false });
    expect(await pendingComment()).toMatchObject({ comment: { authorName: 'Giulia Rossi' } });
  });

  test('a comment the tab reads wrong is never picked', async () => {
    fakeBrowser.tabReplies = () => ({
      comment: { ...marcoComment, authorUrl: 'https://evil.example/marco' },
    });
    expect(await next()).toEqual({ picked: false });
    expect(await pendingComment()).toMatchObject({ comment: { authorName: 'Giulia Rossi' } });
  });

  test('when the tab is gone, nothing is picked', async () => {
    fakeBrowser.tabReplies = null;
    expect(await next()).toEqual({ picked: false });
    expect(await pendingComment()).toMatchObject({ comment: { authorName: 'Giulia Rossi' } });
  });

  test('a content script cannot pick the next comment', async () => {
    fakeBrowser.tabReplies = () => ({ comment: marcoComment });
    const reply = await routeMessage({ type: 'target/next' }, facebookTab, NOW);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await pendingComment()).toMatchObject({ comment: { authorName: 'Giulia Rossi' } });
  });
});
