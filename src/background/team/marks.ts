import type { OutboxItem } from '../storage/schema';
import { fanKeyUnder } from './fan-document';
import { readFanDocument, writeFanDocument } from './gate';
import type { Membership } from './membership';
import type { TeamDocument } from './setup';

/** Writes of the fan's document tried before the mark is left for the next sync. */
const MAX_MARK_ATTEMPTS = 3;

export type MarkItem = Extract<OutboxItem, { kind: 'mark' }>;

/**
 * Puts this admin's "do not contact" decision on the fan's team document, by compare-and-set, so every
 * admin's next send to the fan sees it. True when the team holds it, or a later decision by another
 * admin that stands; false leaves it in the outbox for the next sync.
 */
export async function tellMark(membership: Membership, team: TeamDocument, mark: MarkItem): Promise<boolean> {
  const fanKey = await fanKeyUnder(team.salt, mark.subject);
  for (let attempt = 0; attempt < MAX_MARK_ATTEMPTS; attempt += 1) {
    const read = await readFanDocument(membership, fanKey);
    if (read.kind !== 'ok') return false;
    // A later decision by another admin stands.
    if (read.value.dnc && read.value.dnc.at > mark.at) return true;
    const written = await writeFanDocument(membership, {
      ...read.value,
      dnc: { on: mark.on, by: membership.user, at: mark.at },
    });
    if (written.kind === 'ok') return true;
    if (written.kind !== 'conflict') return false;
  }
  return false;
}
