// @ts-check
/**
 * `npm run simulate`: replays 90 generated days of a busy Page through the real policy engine and
 * store (src/background), in Node with an in-memory IndexedDB per admin, prints the figures and
 * writes an HTML report with charts to artifacts/simulation; then runs the fan model, whose messages
 * change fans' commenting, and prints the came-back estimates against its true effects. `--small` runs the tests' configuration.
 * Vite's module runner loads the TypeScript sources as the extension's build would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';
import { startCouchServer } from '../tests/team/couch-process.mjs';

const OUTPUT = resolve('artifacts', 'simulation');

// Team mode runs the background's team code, which reaches the extension's storage: the unit tests'
// stand-in browser serves it here.
const options = {
  logLevel: /** @type {const} */ ('error'),
  resolve: { alias: { 'webextension-polyfill': resolve('tests/unit/fake-browser.ts') } },
};
const { module: run } = await runnerImport('./scripts/simulator/run.ts', options);
const { module: scenario } = await runnerImport('./scripts/simulator/scenario.ts', options);
const { module: html } = await runnerImport('./scripts/simulator/report-html.ts', options);
const { module: cameBack } = await runnerImport('./scripts/simulator/came-back-table.ts', options);
const config = process.argv.includes('--small') ? scenario.SMALL_CONFIG : scenario.FULL_CONFIG;
// The team's server: the tests' CouchDB-compatible one, as its own process on loopback.
const server = await startCouchServer();
const report = await run.simulate(config, server).finally(() => server.stop());
const summary = run.summarize(report);
console.log(summary);
// "Did they come back?": the estimator against the fan model's known effects, and the early warning.
const cameBackTable = cameBack.cameBackTable(config.seed);
console.log(`\n${cameBack.formatCameBackTable(cameBackTable)}\n`);
mkdirSync(OUTPUT, { recursive: true });
writeFileSync(resolve(OUTPUT, 'report.json'), `${JSON.stringify({ ...report, cameBackTable }, null, 2)}\n`);
writeFileSync(resolve(OUTPUT, 'index.html'), html.reportHtml(report, summary));
// The README shows one chart: `--docs` refreshes it from a full run.
if (process.argv.includes('--docs')) {
  writeFileSync(
    resolve('docs', 'simulation-messages-per-fan.svg'),
    `${html.repeatedFansChart(report.metrics)}\n`,
  );
}
console.log(`Report: ${resolve(OUTPUT, 'index.html')} (figures in report.json)`);
