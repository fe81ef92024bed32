import type { OutreachEntry } from '../../shared/outreach';
import { contactId, entryOfContact, type ContactDocument } from './contact-document';
import { CLOCK_SKEW_MS, fanKeyUnder } from './fan-document';

/**
 * What of a batch of the changes feed this browser takes from teammates, checked before anything is
 * written: the server and every teammate are untrusted (review S17, S18). A teammate's contact must be
 * the document its id names, for the fan its key names under the team's salt, and not dated after the
 * server's clock; a stripped contact makes this browser forget only the fan it really was about.
 */

interface FedChange {
  id: string;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}

/** Teammates' contacts fit for the log (`taken`), and the ids of those refused (`refused`). */
export async function teammatesContacts(
  results: readonly FedChange[],
  pageId: string,
  salt: string,
  serverNow: number,
): Promise<{ taken: OutreachEntry[]; refused: string[] }> {
  const taken: OutreachEntry[] = [];
  const refused: string[] = [];
  for (const { id, deleted, doc } of results) {
    if (!id.startsWith('contact:') || deleted || !doc || doc.forgotten === true) continue;
    const entry = entryOfContact(doc);
    const fanKey = String(doc.fanKey);
    const fits =
      entry !== null &&
      entry.pageId === pageId &&
      id === contactId(fanKey, entry) &&
      entry.createdAt <= serverNow + CLOCK_SKEW_MS &&
      fanKey === (await fanKeyUnder(salt, entry.fanId));
    if (fits) taken.push(entry);
    else refused.push(id);
  }
  return { taken, refused };
}

/**
 * May a teammate's contact replace the copy this browser keeps under its entry's id? Only a copy of
 * the same contact: same author, fan and time. This browser's own entries and tombstones never.
 */
export function replaces(kept: OutreachEntry | undefined, entry: OutreachEntry): boolean {
  if (!kept) return true;
  return (
    kept.author !== undefined &&
    !kept.forgotten &&
    kept.author === entry.author &&
    kept.fanId === entry.fanId &&
    kept.createdAt === entry.createdAt
  );
}

/**
 * A stripped contact's claim: "the fan of this entry, by this author, under this key, is forgotten, as
 * `by` asked".
 */
export interface ForgetClaim {
  entryId: string;
  author: string;
  fanKey: string;
  by: string;
}

export function forgetClaims(results: readonly FedChange[]): ForgetClaim[] {
  return results.flatMap(({ doc }) => {
    const claim = doc as Partial<ContactDocument> | undefined;
    return claim?.type === 'contact' &&
      claim.forgotten === true &&
      typeof claim.entryId === 'string' &&
      typeof claim.author === 'string' &&
      typeof claim.fanKey === 'string' &&
      typeof claim.forgottenBy === 'string'
      ? [{ entryId: claim.entryId, author: claim.author, fanKey: claim.fanKey, by: claim.forgottenBy }]
      : [];
  });
}

/**
 * Does the claim name the fan of this browser's `entry`? Its author must be the entry's (this admin's
 * own, `me`, for an entry of this browser) and its key the entry's fan's key under the team's salt.
 */
export async function claimHolds(
  claim: ForgetClaim,
  entry: OutreachEntry | undefined,
  me: string,
  salt: string,
): Promise<boolean> {
  if (!entry || entry.forgotten) return false;
  if ((entry.author ?? me) !== claim.author) return false;
  return claim.fanKey === (await fanKeyUnder(salt, entry.fanId));
}
