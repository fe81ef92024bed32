// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, test } from 'vitest';
import { namesSeen, takeCensus } from '../../src/content/facebook/census';
import { readComment } from '../../src/content/facebook/comments';
import {
  PAGE_REPORT_FORMAT,
  PAGE_REPORT_VERSION,
  PageSanitizer,
  shapeOf,
  type PageReport,
} from '../../src/shared/page-report';
import { fixturePage, RECOGNITION_COUNTS } from '../../scripts/page-report-fixture.mjs';
import { FACEBOOK_UI_WORDS } from '../../src/shared/facebook-ui-words';
import { buildThread, PAGES } from '../fixtures/react-bed/data';
import { PostPage } from '../fixtures/react-bed/PostPage';
import { STRINGS } from '../fixtures/react-bed/strings';
import { loadFixturePage } from './dom-fixture';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

/** Every hand-written fixture page: the demo posts and every language × layout. */
const HAND_WRITTEN = [
  'facebook/post-en.html',
  'facebook/post-it.html',
  ...readdirSync('tests/fixtures/facebook/locales')
    .filter((file) => file.endsWith('.html'))
    .map((file) => `facebook/locales/${file}`),
];

/** What recognition decides on the page in the test's document. */
function recognition() {
  const { census } = takeCensus(document, 'whole-page');
  return Object.fromEntries(RECOGNITION_COUNTS.map((name) => [name, census[name]]));
}

/** What a report must never hold: the fans' and Pages' names, ids, profiles, posts and words. */
function personalStrings(): string[] {
  const { articles } = takeCensus(document, 'whole-page');
  return articles.flatMap(({ article }) => {
    const comment = readComment(article);
    if (!comment) return [];
    const post = new URL(comment.postUrl).pathname.split('/').filter((part) => /\d|pfbid/.test(part));
    return [comment.authorName, comment.pageName, comment.authorId, comment.commentId, comment.text, ...post]
      .map((value) => value.trim())
      .filter((value) => value.length >= 3);
  });
}

/** The page in the test's document as a report skeleton, then back as a fixture page in its place. */
function reportAndReload(): { json: string; page: string } {
  const { census, articles } = takeCensus(document, 'whole-page');
  const comments = new PageSanitizer(namesSeen(articles)).element(document.body);
  const report: PageReport = {
    format: PAGE_REPORT_FORMAT,
    version: PAGE_REPORT_VERSION,
    header: { extensionVersion: '0', browser: 'test', uiLanguage: 'en', url: '', takenAt: '', census },
    comments,
    chat: null,
  };
  const page = fixturePage(report);
  const parsed = new DOMParser().parseFromString(page, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.adoptNode(node)));
  return { json: JSON.stringify(report), page };
}

function expectReportKeepsRecognitionAndNoPersonalData(): void {
  const before = recognition();
  const personal = personalStrings();
  expect(before.recognized).toBeGreaterThan(0);
  const { json, page } = reportAndReload();
  for (const value of personal) {
    expect(json, `the report holds “${value}”`).not.toContain(value);
    // The stand-in numbers of the fixture page may hold a short id's digits by chance: the report may not.
    if (!/^\d+$/.test(value)) expect(page, `the fixture page holds “${value}”`).not.toContain(value);
  }
  expect(recognition()).toEqual(before);
}

describe('a page report', () => {
  test.each(HAND_WRITTEN)(
    'of %s holds no name, id or word of anyone, and is recognized as the page was',
    (file) => {
      loadFixturePage(file);
      expectReportKeepsRecognitionAndNoPersonalData();
    },
  );

  test.each(['en', 'it'] as const)(
    'of the React bed (%s) holds no personal data and is recognized as it was',
    (language) => {
      const mount = document.createElement('div');
      document.body.replaceChildren(mount);
      const root = createRoot(mount);
      const options = {
        arrival: 'one',
        pageSize: 100,
        autoMoreMs: 0,
        tickMs: 60_000,
        repliesOpen: true,
      } as const;
      const thread = buildThread(language, 20);
      act(() =>
        root.render(
          createElement(PostPage, { page: PAGES[language], strings: STRINGS[language], thread, options }),
        ),
      );
      expectReportKeepsRecognitionAndNoPersonalData();
      act(() => root.unmount());
    },
  );

  test('keeps Facebook’s own words, but not one that names someone seen on the page', () => {
    const sanitizer = new PageSanitizer(['Like Nobody']);
    expect(sanitizer.text('Reply')).toBe('Reply');
    expect(sanitizer.text('Mi piace')).toBe('Mi piace');
    expect(sanitizer.text('Giulia Rossi')).toBe('Xxxxxx Xxxxx');
    expect(new PageSanitizer(['Reply']).text('Reply')).toBe('Xxxxx');
  });

  test('keeps the shape of every text: case, digits, other scripts by their kind, ASCII punctuation and bidi marks', () => {
    expect(shapeOf('Ciao Giulia, è il 2° ordine!')).toBe('Xxxx Xxxxxx, x xx 0* xxxxxx!');
    expect(shapeOf('مرحبا 12')).toBe('سسسسس 00');
    expect(shapeOf('\u200eAnna\u200f')).toBe('\u200eXxxx\u200f');
    expect(new PageSanitizer([]).text('2d')).toBe('0d');
  });

  test.each([
    ['letters drawn in circles', 'Ⓖⓘⓤⓛⓘⓐ Ⓡⓞⓢⓢⓘ'],
    ['letters drawn in squares', '🅶🅸🆄🅻🅸🅰'],
    ['letters drawn in brackets', '⒢⒤⒰⒧⒤⒜'],
    ['regional-indicator letters', '🇬🇮🇺🇱🇮🇦'],
    ['Braille', '⠛⠊⠥⠇⠊⠁'],
    ['emoji and flags', 'Giulia 🍕🇮🇹'],
    ['invisible tag characters', 'x\u{E0067}\u{E0069}\u{E0075}'],
  ])(
    'turns every character that is not a letter, digit, space or ASCII punctuation into a shape: %s',
    (_kind, text) => {
      const shaped = shapeOf(text);
      expect([...shaped].every((char) => /[Xx0* ]/u.test(char))).toBe(true);
    },
  );

  test('drops combining marks, which would keep a word’s vowels', () => {
    expect(shapeOf('राहुल शर्मा')).not.toMatch(/\p{M}/u);
    expect(shapeOf('e\u0301')).toBe('x');
  });

  test('keeps Facebook’s own words in every fixture language untouched', () => {
    expect(FACEBOOK_UI_WORDS.size).toBeGreaterThan(20);
    for (const word of FACEBOOK_UI_WORDS) expect(new PageSanitizer([]).text(word)).toBe(word);
  });

  test('leaves out elements that run or load something, with all they hold', () => {
    const page = new DOMParser().parseFromString(
      '<div id="root"><span>Hi</span><script>var giulia = 1;</script><iframe src="https://x.example"></iframe><style>p{}</style></div>',
      'text/html',
    );
    const root = page.getElementById('root')!;
    const report = new PageSanitizer([]).element(root);
    expect(report.children?.map((child) => (typeof child === 'string' ? child : child.tag))).toEqual([
      'span',
    ]);
  });

  test('turns a link parameter name that is not Facebook’s into a token', () => {
    const sanitizer = new PageSanitizer([]);
    const href = sanitizer.href(
      '/acmecoffee/posts/1?giulia.rossi.77=1&Via%20Roma%2012%20Milano=&comment_id=4',
    );
    expect(href).not.toContain('giulia');
    expect(href).not.toContain('Roma');
    expect(href).toContain('<parameter#1>=');
    expect(href).toContain('comment_id=');
  });

  test('turns links into tokens of the same kind, the same value always the same token', () => {
    const sanitizer = new PageSanitizer([]);
    const permalink = sanitizer.href(
      'https://www.facebook.com/acmecoffee/posts/pfbid02AbCd?comment_id=456&reply_comment_id=790&__cft__[0]=AZX&__tn__=R',
    );
    expect(permalink).toBe(
      'https://www.facebook.com/<vanity#1>/posts/<pfbid#1>?comment_id=<digits:3#1>&reply_comment_id=<digits:3#2>&__cft__[0]=<tracking>&__tn__=<tracking>',
    );
    expect(sanitizer.href('/giulia.rossi.77?comment_id=456')).toBe(
      'https://www.facebook.com/<vanity#2>?comment_id=<digits:3#1>',
    );
    expect(sanitizer.href(`/p/posts/1?comment_id=${btoa('comment:123456789012345_4567')}`)).toBe(
      'https://www.facebook.com/<vanity#3>/posts/<digits:1#1>?comment_id=<b64:comment:<digits:15#1>_<digits:4#1>>',
    );
    expect(sanitizer.href('https://example.com/giulia')).toBe('https://<host#1>.invalid/');
  });
});
