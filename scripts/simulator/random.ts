/** A small seeded generator (mulberry32): the same seed gives the same 90 days, on any machine. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  below(max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    below: (max) => Math.floor(next() * max),
    chance: (p) => next() < p,
  };
}
