import { OutreachEntrySchema, type OutreachEntry } from '../../shared/outreach';
import { TEAM_SCHEMA } from './design-document';

/**
 * One contact in the team's shared log (`contact:<fanKey>:<createdAt>:<entryId>`): the entry as its
 * author's browser holds it, less what only that browser uses. Only its author writes it, except to
 * strip it when the fan is forgotten (see validate-doc-update.ts).
 */
export interface ContactDocument extends Omit<
  OutreachEntry,
  'id' | 'team' | 'commentSlot' | 'author' | 'overTeamLimit'
> {
  _id: string;
  _rev?: string;
  type: 'contact';
  schema: number;
  fanKey: string;
  entryId: string;
  author: string;
}

export const contactId = (fanKey: string, entry: Pick<OutreachEntry, 'createdAt' | 'id'>) =>
  `contact:${fanKey}:${entry.createdAt}:${entry.id}`;

/** This browser's entry as the team's log keeps it. */
export function contactDocumentOf(entry: OutreachEntry, fanKey: string, author: string): ContactDocument {
  const { id, team: _team, commentSlot: _slot, author: _author, overTeamLimit: _over, ...shared } = entry;
  return {
    ...shared,
    _id: contactId(fanKey, entry),
    type: 'contact',
    schema: TEAM_SCHEMA,
    fanKey,
    entryId: id,
    author,
  };
}

/** Fields of a contact that tell who the fan was or what they were sent: a forgotten fan's are emptied. */
const PERSONAL_TEXT = [
  'fanId',
  'fanName',
  'fanUrl',
  'postUrl',
  'templateTitle',
  'commentExcerpt',
  'text',
] as const;

/**
 * The contact with everything personal gone and marked forgotten: what the limits need (Page,
 * comment by its key, category, time, status) stays, as in this browser's tombstones. The server lets any admin
 * of the team write this over anyone's contact.
 */
export function strippedContact(doc: ContactDocument, by: string, commentKey: string): ContactDocument {
  const {
    sentText: _sent,
    messageId: _message,
    commentPostedAt: _posted,
    override: _override,
    ...kept
  } = doc;
  // Who asked: every browser that forgets the fan because of this strip says so in its log. The comment
  // stays by its key only (with the Page's Graph token, its id would name the fan).
  const stripped: ContactDocument = { ...kept, commentId: commentKey, forgotten: true, forgottenBy: by };
  for (const field of PERSONAL_TEXT) stripped[field] = '';
  return stripped;
}

/**
 * A teammate's contact as a row of this browser's log, or null when the document is not one (the
 * server is shared: what another browser wrote is checked like any input).
 */
export function entryOfContact(doc: unknown): OutreachEntry | null {
  if (typeof doc !== 'object' || doc === null) return null;
  // What only the author's browser keeps is never taken from another's document: a comment's slot
  // here is this browser's own (its unique index would refuse the whole batch), and so is team state.
  const {
    _id,
    _rev,
    type,
    schema,
    fanKey,
    entryId,
    commentSlot,
    team,
    overTeamLimit,
    forgottenBy,
    ...fields
  } = doc as Record<string, unknown>;
  if (type !== 'contact' || typeof entryId !== 'string') return null;
  const parsed = OutreachEntrySchema.safeParse({ ...fields, id: entryId });
  return parsed.success && parsed.data.author ? parsed.data : null;
}
