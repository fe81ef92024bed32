/** One fan comment seen on the Page: the fan (a salted key), its post, and when it was written. */
export interface Sighting {
  fanKey: string;
  postKey: string;
  at: number;
}

/** Each fan's sighting times, sorted: how many came before a moment, and whether one falls in a window. */
export class FanTimes {
  private readonly times: Map<string, number[]>;

  constructor(sightings: readonly Sighting[]) {
    this.times = groupBy(
      sightings,
      ({ fanKey }) => fanKey,
      ({ at }) => at,
    );
    for (const list of this.times.values()) list.sort((a, b) => a - b);
  }

  /** Sightings of the fan strictly before `at`. */
  before(fanKey: string, at: number): number {
    const list = this.times.get(fanKey) ?? [];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]! < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Was the fan seen in (from, until]? */
  seenWithin(fanKey: string, from: number, until: number): boolean {
    const list = this.times.get(fanKey) ?? [];
    const next = list[this.before(fanKey, from + 1)];
    return next !== undefined && next > from && next <= until;
  }
}

export function groupBy<T, V>(
  items: readonly T[],
  key: (item: T) => string,
  value: (item: T) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(value(item));
    else groups.set(key(item), [value(item)]);
  }
  return groups;
}
