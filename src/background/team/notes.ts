import type { FanIdentity } from '../fans/fan-standing';
import { updateStanding } from '../fans/fan-standing';
import { withDatabase } from '../storage/database';
import { forgetLocally } from '../fans/forget-locally';
import { FORGOTTEN_PREFIX } from '../fans/forgotten-fans';
import { MAX_FAN_NOTES } from '../../shared/outreach';
import { couchPath, couchRequest } from './couch-http';
import { TEAM_SCHEMA } from './design-document';
import { fanKeyUnder } from './fan-document';
import { loadPending, savePending } from './pending-list';
import type { Membership } from './membership';
import { teamKeys } from './local-state';
import { cachedTeamSettings, interpret, teamSettings } from './state';

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

/** A note saved here that the team has still to be told of. */
interface PendingNote {
  fanId: string;
  fanName: string;
  text: string;
  at: number;
}

const NOTE_PREFIX = 'note:';
const noteId = (fanKey: string) => `${NOTE_PREFIX}${fanKey}`;
const pendingKey = teamKeys.notes;

export const isNoteChange = (id: string) => id.startsWith(NOTE_PREFIX);

/** Shares a note just saved here; when the server cannot take it now, it goes with the next sync. */
export async function shareNote(membership: Membership, fan: FanIdentity, text: string, at: number) {
  const note = { fanId: fan.fanId, fanName: fan.name, text, at };
  await savePending(pendingKey(membership.pageId), [
    ...(await othersThan(membership.pageId, fan.fanId)),
    note,
  ]);
  await tellPendingNotes(membership, at);
}

/** A fan forgotten here: a note about them that waited is never told. */
export async function dropPendingNote(pageId: string, fanId: string): Promise<void> {
  await savePending(pendingKey(pageId), await othersThan(pageId, fanId));
}

const othersThan = async (pageId: string, fanId: string) =>
  (await loadPending<PendingNote>(pendingKey(pageId))).filter((kept) => kept.fanId !== fanId);

/** How many notes wait here for the team server. */
export async function pendingNotes(pageId: string): Promise<number> {
  return (await loadPending<PendingNote>(pendingKey(pageId))).length;
}

/** Tells the team the notes that waited here; those it cannot take now wait on. True when none waits. */
export async function tellPendingNotes(membership: Membership, now: number): Promise<boolean> {
  const key = pendingKey(membership.pageId);
  const notes = await loadPending<PendingNote>(key);
  if (notes.length === 0) return true;
  const team = await teamSettings(membership, now);
  if (!team) return false;
  const waiting: PendingNote[] = [];
  for (const note of notes) {
    const fanKey = await fanKeyUnder(team.salt, note.fanId);
    if (!(await tellNote(membership, fanKey, note))) waiting.push(note);
  }
  await savePending(key, waiting);
  return waiting.length === 0;
}

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
async function tellNote(membership: Membership, fanKey: string, note: PendingNote): Promise<boolean> {
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
    ...note,
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

/** A teammate's note, or null when the document is not one (checked like any input). */
function noteOf(doc: unknown): NoteDocument | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const note = doc as Partial<NoteDocument>;
  const valid =
    note.type === 'note' &&
    typeof note.fanKey === 'string' &&
    typeof note.fanId === 'string' &&
    typeof note.fanName === 'string' &&
    typeof note.text === 'string' &&
    note.text.length <= MAX_FAN_NOTES &&
    typeof note.at === 'number';
  return valid ? (note as NoteDocument) : null;
}

/**
 * Takes teammates' notes from a batch of the changes feed: a note later than this browser's replaces
 * it. A note emptied because its fan was forgotten forgets that fan here too (found by their key,
 * since the note no longer names them).
 */
export async function mirrorNotes(pageId: string, docs: readonly unknown[], now: number): Promise<void> {
  const notes = docs.map(noteOf).filter((note): note is NoteDocument => note !== null);
  for (const note of notes.filter((kept) => !kept.forgotten && kept.fanId)) {
    await withDatabase((db) =>
      updateStanding(db, { pageId, fanId: note.fanId, name: note.fanName }, now, (record) => {
        if ((record.notesAt ?? 0) >= note.at) return record;
        const { notes: _previous, ...rest } = record;
        return { ...rest, ...(note.text ? { notes: note.text } : {}), notesAt: note.at };
      }),
    );
  }
  const forgotten = new Set(notes.filter((note) => note.forgotten).map((note) => note.fanKey));
  if (forgotten.size > 0) await forgetFansKeyed(pageId, forgotten, now);
}

/** Forgets the Page's fans whose team key is one of `fanKeys` (hashing each: forgets are rare). */
async function forgetFansKeyed(pageId: string, fanKeys: ReadonlySet<string>, now: number): Promise<void> {
  const team = await cachedTeamSettings(pageId);
  if (!team) return;
  const range = IDBKeyRange.bound([pageId, ''], [pageId, '\uffff']);
  for (const fan of await withDatabase((db) => db.getAll('fans', range))) {
    if (fan.fanId.startsWith(FORGOTTEN_PREFIX)) continue;
    if (fanKeys.has(await fanKeyUnder(team.salt, fan.fanId))) await forgetLocally(fan, now);
  }
}
