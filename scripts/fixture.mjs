// @ts-check
/**
 * `npm run fixture -- report.json [name]`: turns a page report an admin saved (README: "Facebook
 * changed?") into a fixture page under tests/fixtures/facebook/reports/, with the counts recognition
 * should find beside it; the recognition tests pick up every page in that folder. A file that is not a
 * whole report is refused with the reason, and nothing is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expectedOf, fixturePage, parseReport } from './page-report-fixture.mjs';

export const REPORTS_DIR = 'tests/fixtures/facebook/reports';

/**
 * @param {string[]} args
 * @returns {{ ok: true, written: string[] } | { ok: false, error: string }}
 */
export function makeFixture([file, name], dir = REPORTS_DIR) {
  if (!file) return { ok: false, error: 'Usage: npm run fixture -- <page-report.json> [name]' };
  if (!existsSync(file)) return { ok: false, error: `No file ${file}.` };
  const parsed = parseReport(readFileSync(file, 'utf8'));
  if (!parsed.ok) return parsed;
  const stem = (name ?? basename(file, '.json')).replace(/[^\w-]+/g, '-');
  const page = join(dir, `${stem}.html`);
  const expected = join(dir, `${stem}.expected.json`);
  if (existsSync(page) || existsSync(expected))
    return { ok: false, error: `${page} exists already: pick another name.` };
  mkdirSync(dir, { recursive: true });
  writeFileSync(page, fixturePage(parsed.report));
  writeFileSync(expected, `${JSON.stringify(expectedOf(parsed.report), null, 2)}\n`);
  return { ok: true, written: [page, expected] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = makeFixture(process.argv.slice(2));
  if (!outcome.ok) {
    console.error(outcome.error);
    process.exit(1);
  }
  console.log(`Written: ${outcome.written.join(', ')}. Check the expected counts, then run the tests.`);
}
