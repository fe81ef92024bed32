import type { OutboxItem } from '../storage/schema';
import { decisionId, fanKeyUnder, unliftedMarks } from './fan-document';
import { changeFanDocument } from './gate';
import type { Membership } from './membership';
import type { TeamDocument } from './setup';

export type MarkItem = Extract<OutboxItem, { kind: 'mark' }>;

/**
 * Puts this admin's "do not contact" decision on the fan's team document, by compare-and-set, so every
 * admin's next send to the fan sees it. A mark is added unless a mark already stands; a lift names
 * the marks standing now, so one made meanwhile by another admin stays. Both are dated by the
 * server's clock. True when the team holds the decision; false leaves it in the outbox.
 */
export async function tellMark(
  membership: Membership,
  team: TeamDocument,
  mark: MarkItem,
  now: number,
): Promise<boolean> {
  const fanKey = await fanKeyUnder(team.salt, mark.subject);
  const by = membership.user;
  const changed = await changeFanDocument(
    membership,
    fanKey,
    ({ view, serverNow }) => {
      const standing = unliftedMarks(view);
      if (mark.on) return standing.length > 0 ? null : { marks: [{ id: decisionId(), by, at: serverNow }] };
      if (standing.length === 0) return null;
      return { lifts: [{ id: decisionId(), by, at: serverNow, of: standing.map(({ id }) => id) }] };
    },
    now,
  );
  return changed.kind === 'written' || changed.kind === 'unchanged';
}
