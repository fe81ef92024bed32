import type { CommentContext } from '../../src/shared/comment-context';

/** Giulia Rossi's first comment on the English demo post (tests/fixtures/facebook/post-en.html). */
export const giuliaComment: CommentContext = {
  commentId: '456',
  graphCommentId: '123_456',
  postUrl: 'https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf',
  pageId: 'acmecoffee',
  pageName: 'Acme Coffee',
  authorId: 'giulia.rossi.77',
  authorName: 'Giulia Rossi',
  authorUrl: 'https://www.facebook.com/giulia.rossi.77',
  text: 'The hazelnut one, obviously ☕',
};
