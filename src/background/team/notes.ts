import { updateStanding } from '../fans/fan-standing';
import { withDatabase } from '../storage/database';
import { forgetLocally } from '../fans/forget-locally';
import { FORGOTTEN_PREFIX } from '../fans/salted-keys';
import { MAX_FAN_NAME, MAX_FAN_NOTES } from '../../shared/outreach';
import { couchPath, couchRequest } from './couch-http';
import { TEAM_SCHEMA } from './design-document';
import { z } from 'zod';
import { CLOCK_SKEW_MS, fanKeyUnder, MAX_TEAM_ID } from './fan-document';
import { noteBadDocuments } from './bad-documents';
import type { Membership } from './membership';
import { cachedTeamSettings } from './state';
import { interpret } from './answers';
import type { TeamDocument } from './setup';
import type { OutboxItem } from '../storage/schema';

/**
 * The admins' notes about one fan, shared by the team (`note:<fanKey>`): the latest note wins, as
 * when two admins edit one sticky note. A forgotten fan's note is emptied (`forgotten`).
 */
export interface NoteDocument {
  _id: string;
  _rev?: string;
  type: 'note';
  schema: number;
  fanKey: string;
  fanId: string;
  fanName: string;
  text: string;
  by: string;
  at: number;
  forgotten?: boolean;
}

/** A note saved here that the team has still to be told of (`subject`: the fan's id). */
export type NoteItem = Extract<OutboxItem, { kind: 'note' }>;

const NOTE_PREFIX = 'note:';
const noteId = (fanKey: string) => `${NOTE_PREFIX}${fanKey}`;

export const isNoteChange = (id: string) => id.startsWith(NOTE_PREFIX);

type Read = { kind: 'ok'; doc: NoteDocument | null } | { kind: 'unanswered' };

async function readNote(membership: Membership, fanKey: string): Promise<Read> {
  const answer = await interpret(
    membership,
    await couchRequest<NoteDocument>(membership, 'GET', couchPath(membership.database, noteId(fanKey))),
  );
  if (answer.kind === 'ok') return { kind: 'ok', doc: answer.value };
  return answer.kind === 'not-found' ? { kind: 'ok', doc: null } : { kind: 'unanswered' };
}

/** Writes the note over the server's, unless the server's is later; true when nothing is left to tell. */
export async function tellNote(membership: Membership, team: TeamDocument, note: NoteItem): Promise<boolean> {
  const fanKey = await fanKeyUnder(team.salt, note.subject);
  const read = await readNote(membership, fanKey);
  if (read.kind !== 'ok') return false;
  // Another admin's later note stands, and this browser takes it at the pull. A forgotten fan's note
  // stays empty for good: a browser that has not heard of the forget yet cannot bring it back.
  if (read.doc && (read.doc.at > note.at || read.doc.forgotten)) return true;
  const doc: NoteDocument = {
    _id: noteId(fanKey),
    ...(read.doc?._rev ? { _rev: read.doc._rev } : {}),
    type: 'note',
    schema: TEAM_SCHEMA,
    fanKey,
    fanId: note.subject,
    fanName: note.fanName,
    text: note.text,
    at: note.at,
    by: membership.user,
  };
  const answer = await interpret(
    membership,
    await couchRequest(membership, 'PUT', couchPath(membership.database, doc._id), doc),
  );
  // A conflict is a teammate's write in between: the next sync decides again.
  return answer.kind === 'ok';
}

/** Empties the fan's note on the server (forgetting them team-wide); true once done. */
export async function stripNoteOf(membership: Membership, fanKey: string, now: number): Promise<boolean> {
  const read = await readNote(membership, fanKey);
  if (read.kind !== 'ok') return false;
  if (!read.doc || read.doc.forgotten) return true;
  const stripped = {
    ...read.doc,
    fanId: '',
    fanName: '',
    text: '',
    by: membership.user,
    at: now,
    forgotten: true,
  };
  const answer = await interpret(
    membership,
    await couchRequest(membership, 'PUT', couchPath(membership.database, stripped._id), stripped),
  );
  return answer.kind === 'ok';
}

/** A teammate's note as the server hands it: the bounds the team's rules and a backup both hold. */
const NoteSchema = z.object({
  _id: z.string().max(MAX_TEAM_ID),
  type: z.literal('note'),
  fanKey: z.string().min(1).max(MAX_TEAM_ID),
  fanId: z.string().max(MAX_TEAM_ID),
  fanName: z.string().max(MAX_FAN_NAME),
  text: z.string().max(MAX_FAN_NOTES),
  by: z.string().max(MAX_TEAM_ID),
  at: z.number().int().nonnegative(),
  forgotten: z.boolean().optional(),
});

/**
 * A teammate's note, or null when the document is not one this browser takes: bad shape or bounds,
 * dated after the server's clock, or not about the fan its key names under the team's salt.
 */
async function noteOf(doc: unknown, salt: string, serverNow: number): Promise<NoteDocument | null> {
  const parsed = NoteSchema.safeParse(doc);
  if (!parsed.success || parsed.data._id !== noteId(parsed.data.fanKey)) return null;
  const note = parsed.data;
  if (note.at > serverNow + CLOCK_SKEW_MS) return null;
  if (!note.forgotten && note.fanKey !== (await fanKeyUnder(salt, note.fanId))) return null;
  return { ...note, schema: TEAM_SCHEMA };
}

/**
 * Takes teammates' notes from a batch of the changes feed: a note later than this browser's replaces
 * it. A note emptied because its fan was forgotten forgets that fan here too (found by their key,
 * since the note no longer names them). A note this browser cannot take is counted as refused.
 */
export async function mirrorNotes(
  pageId: string,
  docs: readonly unknown[],
  { salt, serverNow, now }: { salt: string; serverNow: number; now: number },
): Promise<void> {
  const notes: NoteDocument[] = [];
  const refused: string[] = [];
  for (const doc of docs) {
    const note = await noteOf(doc, salt, serverNow);
    if (note) notes.push(note);
    else refused.push(String((doc as { _id?: unknown } | undefined)?._id ?? 'note'));
  }
  await noteBadDocuments(pageId, refused, now);
  for (const note of notes.filter((kept) => !kept.forgotten && kept.fanId)) {
    await withDatabase((db) =>
      updateStanding(db, { pageId, fanId: note.fanId, name: note.fanName }, now, (record) => {
        if ((record.notesAt ?? 0) >= note.at) return record;
        const { notes: _previous, ...rest } = record;
        return { ...rest, ...(note.text ? { notes: note.text } : {}), notesAt: note.at };
      }),
    );
  }
  const forgotten = new Map(notes.filter((note) => note.forgotten).map((note) => [note.fanKey, note.by]));
  if (forgotten.size > 0) await forgetFansKeyed(pageId, forgotten, now);
}

/**
 * Forgets the Page's fans whose team key is one of `fanKeys`, each as its teammate asked (hashing each
 * fan: forgets are rare).
 */
async function forgetFansKeyed(
  pageId: string,
  fanKeys: ReadonlyMap<string, string>,
  now: number,
): Promise<void> {
  const team = await cachedTeamSettings(pageId);
  if (!team) return;
  const range = IDBKeyRange.bound([pageId, ''], [pageId, '\uffff']);
  for (const fan of await withDatabase((db) => db.getAll('fans', range))) {
    if (fan.fanId.startsWith(FORGOTTEN_PREFIX)) continue;
    const by = fanKeys.get(await fanKeyUnder(team.salt, fan.fanId));
    if (by !== undefined) await forgetLocally(fan, now, by);
  }
}
