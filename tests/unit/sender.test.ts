import { describe, expect, test } from 'vitest';
import { classifySender } from '../../src/background/messaging/sender';
import { CommentContextSchema } from '../../src/shared/comment-context';
import './fake-browser';
import { giuliaComment } from './sample-comment';
import { facebookTab, TAB_ID } from './senders';

const from = (url: string, frameId = 0) => ({ ...facebookTab, url, frameId });

describe('which facebook.com tabs the background hears as its content script', () => {
  test.each(['https://www.facebook.com/acmecoffee/posts/1', 'https://web.facebook.com/acmecoffee/posts/1'])(
    'the desktop site at %s',
    (url) => {
      expect(classifySender(from(url))).toEqual({ kind: 'content', tabId: TAB_ID });
    },
  );

  test.each([
    'https://m.facebook.com/acmecoffee/posts/1',
    'https://business.facebook.com/latest/inbox',
    'https://www.facebook.com.evil.example/acmecoffee',
    'http://www.facebook.com/acmecoffee/posts/1',
  ])('not %s, another layout or another site', (url) => {
    expect(classifySender(from(url))).toEqual({ kind: 'unknown' });
  });

  test('not a frame inside a facebook.com page', () => {
    expect(classifySender(from('https://web.facebook.com/acmecoffee/posts/1', 3))).toEqual({
      kind: 'unknown',
    });
  });
});

describe('the links a picked comment may carry', () => {
  test('a comment read on web.facebook.com keeps its web.facebook.com links', () => {
    const web = (url: string) => url.replace('https://www.', 'https://web.');
    const comment = {
      ...giuliaComment,
      postUrl: web(giuliaComment.postUrl),
      authorUrl: web(giuliaComment.authorUrl),
    };
    expect(CommentContextSchema.safeParse(comment).success).toBe(true);
  });

  test('a link to m.facebook.com or another site is refused', () => {
    for (const postUrl of [
      'https://m.facebook.com/acmecoffee/posts/1',
      'https://example.com/acmecoffee/posts/1',
    ])
      expect(CommentContextSchema.safeParse({ ...giuliaComment, postUrl }).success).toBe(false);
  });
});
