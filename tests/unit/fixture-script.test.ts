import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { makeFixture } from '../../scripts/fixture.mjs';
import { FIXTURE_ATTRIBUTES } from '../../scripts/page-report-fixture.mjs';
import { ID_REFERENCES, KEPT_ATTRIBUTES, TEXT_ATTRIBUTES } from '../../src/shared/page-report';

const report = {
  format: 'page-outreach/page-report',
  version: 1,
  header: {
    extensionVersion: '0.1.0',
    browser: 'Chrome 156',
    uiLanguage: 'en',
    url: 'https://www.facebook.com/<vanity#1>/posts/<pfbid#1>',
    takenAt: '2026-12-05T07:00:00.000Z',
    census: {
      articles: 2,
      permalinks: 1,
      actionRows: 1,
      authors: 1,
      recognized: 1,
      messageControls: 0,
      actions: 1,
      messageBoxes: 0,
      failedSignal: null,
    },
  },
  comments: {
    tag: 'div',
    attrs: { role: 'article' },
    children: [
      {
        tag: 'a',
        attrs: { href: 'https://www.facebook.com/<vanity#2>?comment_id=<digits:3#1>' },
        children: ['Xxxx'],
      },
    ],
  },
  chat: null,
};

let work: string;
let out: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'report-'));
  out = join(work, 'reports');
});

const file = (name: string, text: string) => {
  writeFileSync(join(work, name), text);
  return join(work, name);
};
const written = () => {
  try {
    return readdirSync(out);
  } catch {
    return [];
  }
};

describe('npm run fixture', () => {
  test('turns a report into a fixture page and the counts recognition should find', () => {
    expect(makeFixture([file('seen.json', JSON.stringify(report))], out)).toMatchObject({ ok: true });
    expect(written().sort()).toEqual(['seen.expected.json', 'seen.html']);
    expect(readFileSync(join(out, 'seen.html'), 'utf8')).toContain(
      '<a href="https://www.facebook.com/vanity2?comment_id=101">Xxxx</a>',
    );
    // The report's own counts, but for our actions, which only the running extension places.
    const { actions: _actions, failedSignal: _failed, ...recognition } = report.header.census;
    expect(JSON.parse(readFileSync(join(out, 'seen.expected.json'), 'utf8')).census).toEqual(recognition);
  });

  test('refuses a file cut short, says so, and writes nothing', () => {
    const outcome = makeFixture([file('cut.json', JSON.stringify(report).slice(0, 200))], out);
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a whole page report .* cut short\?/),
    });
    expect(written()).toEqual([]);
  });

  test('refuses a file that is not a page report, naming what is wrong, and writes nothing', () => {
    const outcome = makeFixture(
      [file('other.json', JSON.stringify({ ...report, format: 'page-outreach/backup' }))],
      out,
    );
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('format') });
    const deep = { ...report, comments: { tag: '<script>', children: [] } };
    expect(makeFixture([file('deep.json', JSON.stringify(deep))], out)).toMatchObject({
      ok: false,
      error: expect.stringContaining('comments.tag'),
    });
    expect(written()).toEqual([]);
  });

  test('never writes over a fixture already there', () => {
    makeFixture([file('seen.json', JSON.stringify(report))], out);
    const before = readFileSync(join(out, 'seen.html'), 'utf8');
    expect(
      makeFixture([file('seen.json', JSON.stringify({ ...report, chat: report.comments }))], out),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('exists already'),
    });
    expect(readFileSync(join(out, 'seen.html'), 'utf8')).toBe(before);
  });

  test('without a file, says how to call it', () => {
    expect(makeFixture([], out)).toMatchObject({ ok: false, error: expect.stringContaining('Usage') });
  });
});

describe('a crafted page report', () => {
  const crafted = (comments: unknown) => file('crafted.json', JSON.stringify({ ...report, comments }));

  test.each(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form'])(
    'holding a %s element is refused, naming where, and nothing is written',
    (tag) => {
      const outcome = makeFixture(
        [crafted({ tag: 'div', children: [{ tag, children: ['alert(1)'] }] })],
        out,
      );
      expect(outcome).toEqual({ ok: false, error: expect.stringContaining('comments.children.0.tag') });
      expect(written()).toEqual([]);
    },
  );

  test.each([
    ['an event handler', { onmouseover: 'alert(1)' }],
    ['an attribute name that closes the tag', { 'x><script>alert(1)</script><b y': '' }],
    ['a javascript: link', { href: 'javascript:alert(1)' }],
    ['a data attribute with a value', { 'data-x': 'giulia' }],
    ['a src', { src: 'https://evil.example/x.js' }],
  ])('holding %s is refused, naming where, and nothing is written', (_case, attrs) => {
    const outcome = makeFixture([crafted({ tag: 'div', children: [{ tag: 'img', attrs }] })], out);
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining('comments.children.0.attrs') });
    expect(written()).toEqual([]);
  });
});

test('the fixture script allows exactly the attributes the report’s sanitizer keeps', () => {
  expect(FIXTURE_ATTRIBUTES).toEqual(new Set([...TEXT_ATTRIBUTES, ...ID_REFERENCES, ...KEPT_ATTRIBUTES]));
});
