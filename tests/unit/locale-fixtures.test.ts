// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inspectComment, readComment } from '../../src/content/facebook/comments';
import { loadFixturePage } from './dom-fixture';

interface FixtureEntry {
  locale: string;
  layout: string;
  url: string;
  file: string;
}

const FIXTURES = join(process.cwd(), 'tests/fixtures');
const index = JSON.parse(
  readFileSync(join(FIXTURES, 'facebook/locales/index.json'), 'utf8'),
) as FixtureEntry[];

function load(entry: FixtureEntry): void {
  loadFixturePage(entry.file);
}

describe.each(index)('the $layout layout in "$locale"', (entry) => {
  test('yields exactly the expected fan comments, each with its full context', () => {
    load(entry);
    const expected = JSON.parse(
      readFileSync(join(FIXTURES, entry.file.replace(/\.html$/, '.expected.json')), 'utf8'),
    );
    const found = [...document.querySelectorAll('[role="article"]')].map(readComment).filter(Boolean);
    expect(found).toEqual(expected);
  });

  test('has an action row for every fan comment', () => {
    load(entry);
    const fans = [...document.querySelectorAll('[role="article"]')].filter((article) => readComment(article));
    expect(
      fans.every((article) =>
        inspectComment(article)!.slot.row.contains(inspectComment(article)!.slot.after),
      ),
    ).toBe(true);
  });
});
