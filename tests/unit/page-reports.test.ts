// @vitest-environment happy-dom
// Every fixture made from an admin's page report (npm run fixture) is recognized as its expected file says.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { takeCensus } from '../../src/content/facebook/census';
import { RECOGNITION_COUNTS } from '../../scripts/page-report-fixture.mjs';
import { REPORTS_DIR } from '../../scripts/fixture.mjs';
import { loadFixturePage } from './dom-fixture';

const REPORTS = existsSync(REPORTS_DIR)
  ? readdirSync(REPORTS_DIR).filter((file) => file.endsWith('.html'))
  : [];

describe('pages from admins’ reports', () => {
  test('there is at least one, so this check runs', () => {
    expect(REPORTS.length).toBeGreaterThan(0);
  });

  test.each(REPORTS)('%s is recognized as its expected file says', (page) => {
    loadFixturePage(`facebook/reports/${page}`);
    const expected = JSON.parse(
      readFileSync(`${REPORTS_DIR}/${page.replace(/\.html$/, '.expected.json')}`, 'utf8'),
    );
    const { census } = takeCensus(document, 'whole-page');
    expect(Object.fromEntries(RECOGNITION_COUNTS.map((name) => [name, census[name]]))).toEqual(
      expected.census,
    );
  });
});
