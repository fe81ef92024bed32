// @ts-check
/** What every `npm run bench` part shares: its command-line options and its percentiles. */

const args = process.argv.slice(2);

/** The value after `--name` on the command line, or `fallback`. */
export function option(/** @type {string} */ name, /** @type {string} */ fallback) {
  return args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback;
}

/** @param {number[]} values @param {number} fraction */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}
