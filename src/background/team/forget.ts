import type { OutboxItem } from '../storage/schema';
import { stripContactsOf } from './contacts';
import { stripNoteOf } from './notes';
import type { Membership } from './membership';

/**
 * A fan forgotten in this browser whose copies on the team server are still to be stripped, under
 * their key there (`subject`): once forgotten here, the fan's id is gone and the key could not be found
 * again. `entryIds` are this browser's contacts with the fan the team had still to be told of.
 */
export type ForgetItem = Extract<OutboxItem, { kind: 'forget' }>;

/** The team keys of forgotten fans' contacts still to be told, by entry id (see sync.ts). */
export function forgottenFanKeys(items: readonly OutboxItem[]): Map<string, string> {
  return new Map(
    items.flatMap((item) =>
      item.kind === 'forget' ? item.entryIds.map((id) => [id, item.subject] as const) : [],
    ),
  );
}

/**
 * Strips every admin's copies of a forgotten fan's contacts and their note on the team server, so each
 * browser of the team forgets them at its next sync. Done once stripped and once the fan's contacts
 * this browser had still to tell (`untold`) are told, under the key.
 */
export async function tellForget(
  membership: Membership,
  salt: string,
  forget: ForgetItem,
  untold: ReadonlySet<string>,
  now: number,
): Promise<boolean> {
  const stripped =
    (await stripContactsOf(membership, salt, forget.subject)) &&
    (await stripNoteOf(membership, forget.subject, now));
  return stripped && forget.entryIds.every((id) => !untold.has(id));
}
