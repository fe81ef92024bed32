// @vitest-environment happy-dom
// The adapter on the second layout: the React bed's post, rendered by React itself into the test's DOM.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, test } from 'vitest';
import { findArticles, inspectComment, readComment } from '../../src/content/facebook/comments';
import { buildThread, PAGES, type BedComment } from '../fixtures/react-bed/data';
import { PostPage, type PostOptions } from '../fixtures/react-bed/PostPage';
import { STRINGS } from '../fixtures/react-bed/strings';

const COMMENTS = 30;
const OPTIONS: PostOptions = {
  arrival: 'one',
  pageSize: 100,
  autoMoreMs: 0,
  tickMs: 60_000,
  repliesOpen: true,
};
/** Longer than the bed takes to complete its shells (a batch every 30 ms). */
const COMPLETION_WAIT_MS = 200;
const SECOND_COMMIT_FIRST_INDEX = { en: 1000, it: 2000 };

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
let root: Root | null = null;

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.replaceChildren();
});

function render(
  language: 'en' | 'it',
  options: PostOptions = OPTIONS,
  thread = buildThread(language, COMMENTS),
) {
  const mount = document.createElement('div');
  document.body.append(mount);
  root = createRoot(mount);
  act(() =>
    root!.render(
      createElement(PostPage, { page: PAGES[language], strings: STRINGS[language], thread, options }),
    ),
  );
  return thread;
}

/** The fan comments of a thread in page order, as a correct adapter reads them. */
function expectedFans(thread: BedComment[], language: 'en' | 'it') {
  const page = PAGES[language];
  const profile = (path: string) => {
    const numeric = /^\/profile\.php\?id=(\d+)$/.exec(path)?.[1];
    return numeric
      ? { authorId: numeric, authorUrl: `https://www.facebook.com/profile.php?id=${numeric}` }
      : { authorId: path.slice(1), authorUrl: `https://www.facebook.com${path}` };
  };
  const fans = (comment: BedComment): object[] => [
    ...(comment.byPage
      ? []
      : [
          {
            commentId: comment.id,
            ...(comment.parentId
              ? { parentCommentId: comment.parentId }
              : { graphCommentId: `${page.postNumber}_${comment.id}` }),
            pageId: page.id,
            pageName: page.name,
            authorName: comment.author.name,
            ...profile(comment.author.profilePath),
          },
        ]),
    ...comment.replies.flatMap(fans),
  ];
  return [...thread].sort((a, b) => b.relevance - a.relevance).flatMap(fans);
}

function shownArticles(): Element[] {
  return [...document.querySelectorAll('[role="article"]')].filter((article) => !article.closest('[hidden]'));
}

describe.each(['en', 'it'] as const)('the React bed in "%s"', (language) => {
  test('yields exactly its fan comments, replies included, each with its own ids and author', () => {
    const thread = render(language);
    const found = shownArticles().map(readComment).filter(Boolean);
    expect(found).toMatchObject(expectedFans(thread, language));
    expect(found).toHaveLength(expectedFans(thread, language).length);
  });

  test('reads the comment whose text links to another as itself', () => {
    const linking = render(language).find((comment) => comment.linksTo)!;
    const ids = shownArticles().map((article) => readComment(article)?.commentId);
    expect(ids.filter((id) => id === linking.id)).toHaveLength(1);
    expect(ids.filter((id) => id === linking.linksTo)).toHaveLength(1);
  });

  test('recognizes a comment once its second commit brings its links and row', async () => {
    // Comments of their own: the bed completes each comment id once per page.
    const thread = buildThread(language, COMMENTS, SECOND_COMMIT_FIRST_INDEX[language]);
    render(language, { ...OPTIONS, arrival: 'two' }, thread);
    const shells = shownArticles();
    expect(shells.map(inspectComment).filter(Boolean)).toEqual([]);
    await act(() => new Promise((resolve) => setTimeout(resolve, COMPLETION_WAIT_MS)));
    const rows = [...document.querySelectorAll('ul.actions-b2')];
    for (const row of rows) findArticles(row);
    expect(shownArticles().map(inspectComment).filter(Boolean).length).toBeGreaterThan(0);
    expect(shownArticles().map(readComment).filter(Boolean)).toMatchObject(expectedFans(thread, language));
  });
});
