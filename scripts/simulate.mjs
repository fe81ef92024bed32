// @ts-check
/**
 * `npm run simulate`: replays 90 generated days of a busy Page through the real policy engine and
 * store (src/background), in Node with an in-memory IndexedDB per admin, and prints the figures.
 * Vite's module runner loads the TypeScript sources as the extension's build would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const OUTPUT = resolve('artifacts', 'simulation');

const { module: run } = await runnerImport('./scripts/simulator/run.ts', { logLevel: 'error' });
const { module: scenario } = await runnerImport('./scripts/simulator/scenario.ts', { logLevel: 'error' });
const config = process.argv.includes('--small') ? scenario.SMALL_CONFIG : scenario.FULL_CONFIG;
const report = await run.simulate(config);
console.log(run.summarize(report));
mkdirSync(OUTPUT, { recursive: true });
writeFileSync(resolve(OUTPUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`Figures: ${resolve(OUTPUT, 'report.json')}`);
