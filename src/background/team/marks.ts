import type { OutboxItem } from '../storage/schema';
import { fanKeyUnder } from './fan-document';
import { changeFanDocument } from './gate';
import type { Membership } from './membership';
import type { TeamDocument } from './setup';

export type MarkItem = Extract<OutboxItem, { kind: 'mark' }>;

/**
 * Puts this admin's "do not contact" decision on the fan's team document, by compare-and-set, so every
 * admin's next send to the fan sees it. True when the team holds it, or a later decision by another
 * admin that stands; false leaves it in the outbox for the next sync.
 */
export async function tellMark(membership: Membership, team: TeamDocument, mark: MarkItem): Promise<boolean> {
  const fanKey = await fanKeyUnder(team.salt, mark.subject);
  const changed = await changeFanDocument(membership, fanKey, (doc) =>
    // A later decision by another admin stands.
    doc.dnc && doc.dnc.at > mark.at
      ? null
      : { ...doc, dnc: { on: mark.on, by: membership.user, at: mark.at } },
  );
  return changed.kind === 'written' || changed.kind === 'unchanged';
}
