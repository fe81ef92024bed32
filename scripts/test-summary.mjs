// @ts-check
/**
 * Prints one line, `N passed, N failed`, totalling the unit (vitest) and end-to-end (Playwright) runs
 * from their JSON reports. A suite that did not run counts as nothing, never as passed.
 */
import { existsSync, readFileSync } from 'node:fs';

/** @param {string} path */
function readReport(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const unit = readReport('test-results/unit.json');
const e2e = readReport('test-results/e2e.json');

const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const missing = [!unit && 'unit', !e2e && 'e2e'].filter(Boolean);
if (missing.length > 0) console.log(`(no report from: ${missing.join(', ')})`);
console.log(`${passed} passed, ${failed} failed`);
