// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createAction } from '../../src/content/action-button';
import { inspectComment } from '../../src/content/facebook/comments';
import { diagnose } from '../../src/content/facebook/diagnosis';

const ENGLISH_POST = readFileSync(join(process.cwd(), 'tests/fixtures/facebook/post-en.html'), 'utf8');

/** The English demo post as Facebook might serve it after changing its markup in one way. */
function load(change: (html: string) => string = (html) => html): Document {
  return new DOMParser().parseFromString(change(ENGLISH_POST), 'text/html');
}

describe('diagnosing a page whose comments could not be recognized', () => {
  test('finds nothing wrong with a page it can read once an action is on a comment', () => {
    const page = load();
    const found = [...page.querySelectorAll('[role="article"]')].map(inspectComment).find(Boolean)!;
    found.slot.after.after(createAction(found.slot.row, found.comment.commentId, found.comment.authorName));
    expect(diagnose(page)).toBeNull();
  });

  test('names the placement when the comments can be read but none carries an action', () => {
    expect(diagnose(load())).toBe('placement');
  });

  test('finds nothing wrong with a page that has no comments at all', () => {
    expect(diagnose(load((html) => html.replaceAll('comment_id=', 'x=')))).toBeNull();
  });

  test('names the comment container when comments are no longer articles', () => {
    expect(diagnose(load((html) => html.replaceAll('role="article"', 'role="group"')))).toBe(
      'comment-article',
    );
  });

  test('names the permalink when comment links no longer point at the post', () => {
    expect(diagnose(load((html) => html.replaceAll('/acmecoffee/posts/', '/acmecoffee/p/')))).toBe(
      'permalink',
    );
  });

  test('names the author when the author’s link no longer carries the name', () => {
    const withoutNames = (html: string) => html.replace(/<span dir="auto">[^<]*<\/span>(?=<\/a)/g, '');
    expect(diagnose(load(withoutNames))).toBe('author');
  });

  test('names the action row when Like, Reply and Message are no longer buttons', () => {
    const withoutButtons = (html: string) =>
      html.replace(/<div role="button" tabindex="0"( class="\w+")?>(Like|Reply|Message)<\/div>/g, '$2');
    expect(diagnose(load(withoutButtons))).toBe('action-row');
  });
});
