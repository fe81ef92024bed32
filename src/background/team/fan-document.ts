import type { EntryStatus } from '../../shared/outreach';
import type { DoNotContactMark, FanDocument, TeamContact } from '../storage/schema';

/**
 * How far along its life each status is. A merge keeps the furthest: news only moves forward, and of
 * two contradictory outcomes the one that counts against the limits wins (fail safe).
 */
const STATUS_RANK: Record<EntryStatus, number> = {
  reserved: 0,
  sending: 1,
  prepared: 2,
  unknown: 3,
  failed: 4,
  copied: 5,
  sent: 6,
};

/**
 * Two copies of one fan's document merged into one: every contact of either since `horizon` (the
 * longest rule window), each at its furthest status, and the latest mark (a mark wins a tie). The
 * merge is commutative, associative and idempotent, so copies meeting in any order agree.
 */
export function mergeFanDocuments(a: FanDocument, b: FanDocument, horizon: number): FanDocument {
  const byId = new Map<string, TeamContact>();
  for (const contact of [...a.recent, ...b.recent]) {
    if (contact.at < horizon) continue;
    const kept = byId.get(contact.c);
    byId.set(contact.c, kept ? furthest(kept, contact) : contact);
  }
  const recent = [...byId.values()].sort((x, y) => x.at - y.at || compare(x.c, y.c));
  return { recent, dnc: latestMark(a.dnc, b.dnc) };
}

function furthest(x: TeamContact, y: TeamContact): TeamContact {
  const rank = STATUS_RANK[x.st] - STATUS_RANK[y.st];
  if (rank !== 0) return rank > 0 ? x : y;
  // Copies of one contact differ only in status; should they differ otherwise, pick one the same way everywhere.
  return compare(JSON.stringify(x), JSON.stringify(y)) >= 0 ? x : y;
}

function latestMark(x: DoNotContactMark | null, y: DoNotContactMark | null): DoNotContactMark | null {
  if (!x || !y) return x ?? y;
  const order = x.at - y.at || compare(x.by, y.by) || Number(x.on) - Number(y.on);
  return order >= 0 ? x : y;
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * A fan's key on the team server: a hash of their Facebook id under the team's salt, so that ids never
 * appear in document ids (which CouchDB keeps forever) and a forgotten fan's limits can still hold.
 */
export async function fanKeyUnder(salt: string, fanId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\u0000${fanId}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
