// @ts-check
/**
 * `npm run bench`: the cost side by side (bench-cost.mjs), in minutes. `npm run bench -- --full` adds the
 * bigger pages to it, then the long runs: recognition alone, the React bed's profile, the watchers, the growing static post,
 * the policy and the log.
 */
import { execFileSync } from 'node:child_process';

const FULL = process.argv.includes('--full');
const LONG_RUNS = [
  'bench-recognition.mjs',
  'bench-react.mjs',
  'bench-watchers.mjs',
  'bench.mjs',
  'bench-policy.mjs',
  'bench-log.mjs',
];

const node = (/** @type {string} */ script, /** @type {string[]} */ args = []) =>
  execFileSync(process.execPath, [`scripts/${script}`, ...args], { stdio: 'inherit' });

node('bench-cost.mjs', process.argv.slice(2));
if (FULL) for (const script of LONG_RUNS) node(script);
