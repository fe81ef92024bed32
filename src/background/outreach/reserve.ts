import { isOverridable, type OutreachEntry, type Verdict } from '../../shared/outreach';
import type { OutreachDatabase } from '../storage/schema';
import { evaluate, type OutreachRequest } from '../policy/frequency-policy';
import { postKeyField } from '../../shared/post-key';
import { forgottenAliases } from '../fans/forgotten-fans';
import type { PolicySettings } from '../../shared/policy-settings';
import { readCase, type TeamFacts } from './history';
import { contactItem, putInOutbox } from '../storage/outbox';

/** A message about to be reserved, before the log gives it an id, times and a status. */
export type NewEntry = Omit<
  OutreachEntry,
  'id' | 'createdAt' | 'updatedAt' | 'status' | 'commentSlot' | 'override'
>;

/** How a reservation is judged beyond the draft itself. */
export interface ReserveOptions {
  /** Send despite a soft rule, for this reason (kept with the entry). */
  overrideReason?: string | undefined;
  /** The Page's messages to the fan from outside this browser (see OutreachRequest). */
  outsideContacts?: readonly number[];
  /** Facebook notes that the comment was answered privately (see OutreachRequest). */
  answeredElsewhere?: boolean;
  /** What the Page's team server holds of the fan. */
  team?: TeamFacts;
  /** The Page has a team: the entry is to be told to its server (see OutreachEntry.team). */
  forTeam?: boolean;
}

/** What the policy judges of a new entry: its fan, comment, category and the comment's age. */
export function requestOf(draft: NewEntry): OutreachRequest {
  return {
    pageId: draft.pageId,
    fanId: draft.fanId,
    commentId: draft.commentId,
    ...postKeyField(draft.postUrl),
    ...(draft.commentPostedAt !== undefined ? { commentPostedAt: draft.commentPostedAt } : {}),
    category: draft.category,
  };
}

/**
 * Checks the policy and records the outreach in ONE readwrite transaction, so two tabs can never both
 * pass the check. Nothing but IndexedDB requests is awaited inside it: any other await would let the
 * transaction auto-commit between the check and the write.
 */
export async function reserveOutreach(
  db: OutreachDatabase,
  draft: NewEntry,
  settings: PolicySettings,
  now: number,
  {
    overrideReason,
    outsideContacts = [],
    answeredElsewhere = false,
    team,
    forTeam = false,
  }: ReserveOptions = {},
): Promise<{ verdict: Verdict; entry: OutreachEntry | null }> {
  const request: OutreachRequest = {
    ...requestOf(draft),
    outsideContacts,
    ...(answeredElsewhere ? { answeredElsewhere } : {}),
  };
  const aliases = await forgottenAliases(db, request);
  const tx = db.transaction(['outreach', 'fans', 'teamOutbox'], 'readwrite', { durability: 'strict' });
  const outreach = tx.objectStore('outreach');
  const stores = { outreach, fans: tx.objectStore('fans') };
  const { history, standing } = await readCase(stores, request, aliases, settings, now, team);
  const verdict = evaluate(request, history, settings, now, standing);
  // A soft rule gives way to an override with a reason; Facebook's own rules never do.
  const overridden = overrideReason !== undefined && isOverridable(verdict);
  if (!verdict.allowed && !overridden) {
    await tx.done;
    return { verdict, entry: null };
  }
  const entry: OutreachEntry = {
    ...draft,
    ...(overridden && !verdict.allowed ? { override: { rule: verdict.rule, reason: overrideReason! } } : {}),
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    status: 'reserved',
    commentSlot: draft.commentId,
    ...(forTeam ? { team: 'pending' as const } : {}),
  };
  await outreach.add(entry);
  // In the same transaction: a contact the team must hear of is never recorded without waiting for it.
  if (forTeam) await putInOutbox(tx.objectStore('teamOutbox'), contactItem(entry));
  await tx.done;
  return { verdict, entry };
}
