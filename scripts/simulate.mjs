// @ts-check
/**
 * `npm run simulate`: replays 90 generated days of a busy Page through the real policy engine and
 * store (src/background), in Node with an in-memory IndexedDB per admin, prints the figures and
 * writes an HTML report with charts to artifacts/simulation. `--small` runs the tests' configuration.
 * Vite's module runner loads the TypeScript sources as the extension's build would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const OUTPUT = resolve('artifacts', 'simulation');

const { module: run } = await runnerImport('./scripts/simulator/run.ts', { logLevel: 'error' });
const { module: scenario } = await runnerImport('./scripts/simulator/scenario.ts', { logLevel: 'error' });
const { module: html } = await runnerImport('./scripts/simulator/report-html.ts', { logLevel: 'error' });
const config = process.argv.includes('--small') ? scenario.SMALL_CONFIG : scenario.FULL_CONFIG;
const report = await run.simulate(config);
const summary = run.summarize(report);
console.log(summary);
mkdirSync(OUTPUT, { recursive: true });
writeFileSync(resolve(OUTPUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(resolve(OUTPUT, 'index.html'), html.reportHtml(report, summary));
// The README shows one chart: `--docs` refreshes it from a full run.
if (process.argv.includes('--docs')) {
  writeFileSync(
    resolve('docs', 'simulation-messages-per-fan.svg'),
    `${html.repeatedFansChart(report.metrics)}\n`,
  );
}
console.log(`Report: ${resolve(OUTPUT, 'index.html')} (figures in report.json)`);
