/** The interval's level: 95 %. */
const Z_95 = 1.959964;

/** An estimate ± 1.96 standard errors, kept within −1 and 1 (a difference of two shares). */
export function withInterval(estimate: number, standardError: number) {
  const margin = Z_95 * standardError;
  return { estimate, low: Math.max(-1, estimate - margin), high: Math.min(1, estimate + margin) };
}

/**
 * Wilson's 95 % interval for a share of `successes` in `trials`: unlike the plain one it stays within
 * 0–100 % and keeps its coverage for small samples and shares near the ends.
 */
export function wilsonInterval(successes: number, trials: number): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 };
  const share = successes / trials;
  const z2 = Z_95 * Z_95;
  const centre = (share + z2 / (2 * trials)) / (1 + z2 / trials);
  const half =
    (Z_95 / (1 + z2 / trials)) * Math.sqrt((share * (1 - share)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
