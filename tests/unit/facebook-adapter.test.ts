// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import {
  findArticles,
  findCommentById,
  inspectComment,
  isHiddenCopy,
  readComment,
} from '../../src/content/facebook/comments';
import { decodeCommentId } from '../../src/content/facebook/links';
import {
  editorText,
  findMessageBoxes,
  findMessageControl,
  threadTexts,
} from '../../src/content/facebook/message-box';
import { loadFixturePage } from './dom-fixture';
import { giuliaComment } from './sample-comment';
import { DAY_MS } from '../../src/shared/time';

function loadFixture(name: string): void {
  loadFixturePage(`facebook/${name}`);
}

function articles(): Element[] {
  return [...document.querySelectorAll('[role="article"]')];
}

function commentBy(author: string, nth = 0): Element {
  const found = articles().filter((article) => article.getAttribute('aria-label')?.includes(`by ${author}`));
  return found[nth]!;
}

describe('Facebook adapter on the English post', () => {
  beforeEach(() => loadFixture('post-en.html'));

  test('reads a top-level comment’s context with a decoded id and a clean profile link', () => {
    expect(readComment(commentBy('Giulia Rossi'))).toEqual({
      ...giuliaComment,
      timestamp: '2d',
      ageMs: 2 * DAY_MS,
    });
  });

  test('reads a reply nested inside its parent as its own comment, with the parent’s id', () => {
    expect(readComment(commentBy('Luca Verdi'))).toMatchObject({
      commentId: '790',
      parentCommentId: '456',
      authorName: 'Luca Verdi',
      text: 'Hazelnut is too sweet for me, the dark roast wins',
    });
  });

  test('reads a reply rendered beside its parent and a /people/ profile link', () => {
    expect(readComment(commentBy('Paolo Galli'))).toMatchObject({
      commentId: '801',
      parentCommentId: '458',
      authorId: '100098765432101',
      authorUrl: 'https://www.facebook.com/people/Paolo-Galli/100098765432101/',
    });
  });

  test('keeps numeric profile ids and leaves "See more" out of the text', () => {
    expect(readComment(commentBy('Marco Bianchi'))).toMatchObject({
      authorId: '100012345678901',
      authorUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
      text: 'Is it available in the Milan shop? I tried to order online but the page keeps…',
    });
  });

  test('finds exactly the fan comments: not the post, not the Page’s own reply', () => {
    const authors = articles()
      .map(readComment)
      .map((comment) => comment?.authorName ?? null);
    expect(authors).toEqual([
      null,
      'Giulia Rossi',
      null,
      'Luca Verdi',
      'Marco Bianchi',
      'Sara Neri',
      'Paolo Galli',
      'Giulia Rossi',
    ]);
  });

  test('reads the Graph API id where the permalink names the post by number, and only there', () => {
    const permalinkOf = (article: Element) => article.querySelector('a[href*="/posts/"]')!;
    expect(readComment(commentBy('Giulia Rossi'))?.graphCommentId).toBe('123_456');
    const marco = commentBy('Marco Bianchi');
    expect(readComment(marco)).not.toHaveProperty('graphCommentId');
    permalinkOf(marco).setAttribute(
      'href',
      'https://www.facebook.com/acmecoffee/posts/987654321?comment_id=457',
    );
    expect(readComment(marco)?.graphCommentId).toBe('987654321_457');
    const paolo = commentBy('Paolo Galli');
    permalinkOf(paolo).setAttribute(
      'href',
      `https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf?comment_id=${btoa('comment:123_458')}&reply_comment_id=801`,
    );
    expect(readComment(paolo)).toMatchObject({ commentId: '801', graphCommentId: '123_801' });
  });

  test('places the action after the last button of the comment’s own row', () => {
    const slot = inspectComment(commentBy('Giulia Rossi'))!.slot;
    expect(slot.row.tagName).toBe('UL');
    expect(slot.after.textContent?.trim()).toBe('Message');
    expect(slot.row.querySelector('a')!.textContent?.trim()).toBe('2d');
  });
});

describe('Facebook adapter on the Italian post', () => {
  beforeEach(() => loadFixture('post-it.html'));

  test('reads the same structure without depending on any English word', () => {
    const comments = articles()
      .map(readComment)
      .filter((comment) => comment !== null);
    expect(comments.map((comment) => comment.commentId)).toEqual(['456', '790', '457', '458', '801', '459']);
    expect(comments[0]).toMatchObject({
      pageName: 'Caffè Aurora',
      text: 'Quella alla nocciola, ovviamente ☕',
    });
    expect(inspectComment(articles()[1]!)!.slot.after.textContent?.trim()).toBe('Messaggio');
  });
});

describe('comment ids', () => {
  test('are read from digits or from Facebook’s base64 form', () => {
    expect(decodeCommentId('456')).toBe('456');
    expect(decodeCommentId(btoa('comment:123_456'))).toBe('456');
  });

  test('are rejected when they are neither', () => {
    expect(decodeCommentId('not-an-id!')).toBeNull();
    expect(decodeCommentId(btoa('post:123'))).toBeNull();
    expect(decodeCommentId(null)).toBeNull();
  });
});

describe('Facebook’s own message control and message box', () => {
  /** A chat dialog holding `parts` (role and text each), as Facebook's message box would. */
  function addBox(...parts: Array<[role: string, text: string]>): Element {
    const box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    for (const [role, text] of parts) {
      const part = document.createElement(role === 'textbox' ? 'div' : 'span');
      part.setAttribute('role', role);
      if (role === 'textbox') {
        part.setAttribute('contenteditable', 'true');
        for (const line of text.split('\n'))
          part.append(Object.assign(document.createElement('p'), { textContent: line }));
      } else part.textContent = text;
      box.append(part);
    }
    document.body.append(box);
    return box;
  }

  test('finds a comment by its id, replies included', () => {
    loadFixture('post-en.html');
    expect(findCommentById(document, '790')).toBe(commentBy('Luca Verdi'));
    expect(findCommentById(document, '999')).toBeNull();
  });

  test('finds Facebook’s Message control in the comment’s own row, in English and Italian', () => {
    loadFixture('post-en.html');
    expect(findMessageControl(commentBy('Marco Bianchi'))?.textContent).toBe('Message');
    loadFixture('post-it.html');
    expect(findMessageControl(articles()[1]!)?.textContent).toBe('Messaggio');
  });

  test('never takes a reply’s control for its parent’s, nor our own action for Facebook’s', () => {
    loadFixture('post-en.html');
    const sara = commentBy('Sara Neri');
    const control = findMessageControl(sara)!;
    expect(control.closest('[role="article"]')).toBe(sara);
    control.closest('li')!.remove();
    expect(findMessageControl(sara)).toBeNull();
  });

  test('takes a control that links to a conversation, whatever its words', () => {
    loadFixture('post-en.html');
    const marco = commentBy('Marco Bianchi');
    const control = findMessageControl(marco)!;
    const link = document.createElement('a');
    link.href = 'https://www.facebook.com/messages/t/100012345';
    link.textContent = 'Пиши';
    control.replaceWith(link);
    expect(findMessageControl(marco)).toBe(link);
  });

  test('a comment without the control has none', () => {
    loadFixture('locales/permalink-de.html');
    for (const article of articles()) expect(findMessageControl(article)).toBeNull();
  });

  test('a chat dialog with an editor is a message box; the post dialog with its comment box is not', () => {
    loadFixture('locales/dialog-en.html');
    expect(findMessageBoxes(document)).toEqual([]);
    const box = addBox(['textbox', 'Hi\nthere']);
    expect(findMessageBoxes(document)).toEqual([{ box, editor: box.firstElementChild }]);
    expect(editorText(box.firstElementChild!)).toBe('Hi\nthere');
  });

  test('the box’s messages are its rows, oldest first', () => {
    const box = addBox(['row', 'one'], ['row', 'two']);
    expect(threadTexts(box)).toEqual(['one', 'two']);
  });
});

describe('a comment holding many replies', () => {
  beforeEach(() => loadFixture('post-en.html'));

  /** One of our actions, as the content script places it in a comment's row. */
  function actionIn(article: Element, commentId: string): void {
    const action = document.createElement('button');
    action.setAttribute('data-page-outreach', 'send-message');
    action.setAttribute('data-comment-id', commentId);
    article.querySelector('ul')!.append(action);
  }

  /** Giulia's comment with her reply from Luca copied until it holds `count` replies, each with its action. */
  function withReplies(count: number): Element {
    const giulia = commentBy('Giulia Rossi');
    const reply = commentBy('Luca Verdi');
    actionIn(reply, '790');
    for (let copy = 1; copy < count; copy += 1) reply.after(reply.cloneNode(true));
    actionIn(giulia, '456');
    return giulia;
  }

  test('with more links than are checked one by one, keeps only its own action, permalink and author', () => {
    const giulia = withReplies(20);
    expect(giulia.getElementsByTagName('a').length).toBeGreaterThan(40);
    const inspected = inspectComment(giulia)!;
    expect(inspected.actions.map((action) => action.dataset.commentId)).toEqual(['456']);
    expect(inspected.comment).toMatchObject({ commentId: '456', authorName: 'Giulia Rossi' });
    expect(inspected.slot.row.contains(commentBy('Luca Verdi'))).toBe(false);
  });

  test('reads the same whether it holds one reply or twenty', () => {
    const one = readComment(withReplies(1));
    loadFixture('post-en.html');
    expect(readComment(withReplies(20))).toEqual(one);
  });

  test('reads the same inside a post’s article as on a page where it is the outermost article', () => {
    const inPost = readComment(withReplies(20));
    loadFixture('post-en.html');
    const giulia = withReplies(20);
    // As on a permalink page, where the post around the thread is no article.
    const post = giulia.parentElement!.closest('[role="article"]')!;
    post.removeAttribute('role');
    expect(giulia.parentElement!.closest('[role="article"]')).toBeNull();
    expect(readComment(giulia)).toEqual(inPost);
  });

  test('each copied reply is still recognized as itself inside it', () => {
    const giulia = withReplies(20);
    const replies = [...giulia.querySelectorAll('[role="article"][aria-label*="by Luca Verdi"]')];
    expect(replies).toHaveLength(20);
    for (const reply of replies) expect(inspectComment(reply)?.comment.commentId).toBe('790');
  });
});

describe('recognition that never latches a wrong answer', () => {
  beforeEach(() => loadFixture('post-en.html'));

  /** Takes a comment's links and buttons out, as React's first commit renders only the shell. */
  function shellOf(article: Element): () => void {
    const parts = [...article.querySelectorAll(':scope > div > ul, :scope > a, :scope > div > .bubble-a1 a')];
    const places = parts.map((part) => ({ part, parent: part.parentNode!, next: part.nextSibling }));
    for (const part of parts) part.remove();
    return () => {
      for (const { part, parent, next } of places) parent.insertBefore(part, next);
    };
  }

  test('a comment whose links and row render after its shell is recognized once they do', () => {
    const giulia = commentBy('Giulia Rossi');
    const restore = shellOf(giulia);
    expect(findArticles(giulia)).toContain(giulia);
    expect(inspectComment(giulia)).toBeNull();
    restore();
    const row = giulia.querySelector('ul')!;
    expect(findArticles(row)).toContain(giulia);
    expect(inspectComment(giulia)?.comment.commentId).toBe('456');
  });

  test('a change to a nested reply alone does not put its parent’s earlier answer in question', () => {
    const post = articles()[0]!;
    expect(inspectComment(post)).toBeNull();
    const reply = commentBy('Luca Verdi');
    expect(findArticles(reply.querySelector('ul')!)).not.toContain(post);
  });

  test('a new comment appended to a post leaves the post’s answer alone; a link of the post’s own does not', () => {
    const post = articles()[0]!;
    expect(inspectComment(post)).toBeNull();
    const item = document.createElement('li');
    item.append(commentBy('Marco Bianchi').cloneNode(true));
    post.querySelector('ul')!.append(item);
    expect(findArticles(item)).not.toContain(post);
    const link = document.createElement('a');
    link.href = 'https://www.facebook.com/acmecoffee';
    post.append(link);
    expect(findArticles(link)).toContain(post);
  });

  test('a link in the body text to another comment is never taken for the comment’s permalink', () => {
    const marco = commentBy('Marco Bianchi');
    const body = marco.querySelector('div[dir="auto"]')!;
    const link = document.createElement('a');
    link.href = 'https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf?comment_id=456';
    link.textContent = 'https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf?comment_id=456';
    body.prepend(link);
    expect(readComment(marco)).toMatchObject({ commentId: '457', authorName: 'Marco Bianchi' });
  });

  test('a body link is not the permalink even where bubble and action row share one wrapper', () => {
    const marco = commentBy('Marco Bianchi');
    const row = marco.querySelector('ul')!;
    const body = marco.querySelector('div[dir="auto"]')!;
    const permalink = row.querySelector('a')!;
    permalink.closest('li')!.remove();
    const link = document.createElement('a');
    link.href = 'https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf?comment_id=456';
    link.textContent = 'see this';
    body.append(link);
    expect(inspectComment(marco)).toBeNull();
  });

  test('a comment whose author link names another comment than its permalink is refused', () => {
    const giulia = commentBy('Giulia Rossi');
    for (const link of giulia.querySelectorAll('a[href*="giulia.rossi.77"]')) {
      link.setAttribute(
        'href',
        `https://www.facebook.com/giulia.rossi.77?comment_id=${btoa('comment:123_457')}`,
      );
    }
    expect(inspectComment(giulia)).toBeNull();
  });

  test('invisible marks in a timestamp do not hide the comment’s age', () => {
    const giulia = commentBy('Giulia Rossi');
    giulia.querySelector('ul a')!.textContent = '\u200f2d\u200b';
    expect(readComment(giulia)).toMatchObject({ timestamp: '2d', ageMs: 2 * DAY_MS });
  });

  test('invisible marks in the Page’s name do not make its own reply a fan’s comment', () => {
    const reply = articles().find((article) =>
      article.getAttribute('aria-label')?.startsWith('Reply by Acme'),
    )!;
    for (const link of reply.querySelectorAll('a[href^="https://www.facebook.com/acmecoffee?"]')) {
      link.setAttribute('href', link.getAttribute('href')!.replace('/acmecoffee?', '/acme.coffee.shop?'));
      const name = link.querySelector('span[dir="auto"]');
      if (name) name.textContent = 'Acme\u200b Coffee\u200e';
    }
    expect(reply.querySelector('a[href*="acme.coffee.shop"]')).not.toBeNull();
    expect(inspectComment(reply)).toBeNull();
  });

  test('a comment behind an open dialog, marked aria-hidden, is not taken for a hidden copy', () => {
    const giulia = commentBy('Giulia Rossi');
    giulia.closest('[role="main"]')!.setAttribute('aria-hidden', 'true');
    expect(isHiddenCopy(giulia)).toBe(false);
  });

  test('a hidden copy of a comment is found only when no shown copy exists', () => {
    const giulia = commentBy('Giulia Rossi');
    const hidden = document.createElement('div');
    hidden.hidden = true;
    hidden.append(giulia.cloneNode(true));
    document.body.prepend(hidden);
    expect(isHiddenCopy(hidden.firstElementChild!)).toBe(true);
    expect(findCommentById(document, '456')).toBe(giulia);
    giulia.remove();
    expect(findCommentById(document, '456')).toBe(hidden.firstElementChild);
  });
});
