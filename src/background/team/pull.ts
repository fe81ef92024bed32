import { announceEverythingChanged } from '../outreach/change-feed';
import { withDatabase } from '../storage/database';
import { forgetLocally } from '../fans/forget-locally';
import { couchPath, couchRequest } from './couch-http';
import { teamKeys } from './local-state';
import { readStored, writeMetaIn } from '../storage/stored';
import { z } from 'zod';
import { emptyFanDocument, FanLeafSchema, MAX_FAN_LEAVES, mergeServerLeaf } from './fan-document';
import { noteBadDocument, noteBadDocuments } from './bad-documents';
import { claimHolds, forgetClaims, replaces, teammatesContacts } from './screen';
import { cachedTeamSettings } from './state';
import type { OutreachEntry } from '../../shared/outreach';
import type { Membership } from './membership';
import { interpret } from './answers';
import { isTemplateChange, mirrorTemplates } from './templates';
import { isNoteChange, mirrorNotes } from './notes';

/** Changes asked for per request: a page the worker writes in one short transaction. */
const PULL_BATCH = 200;
/** Most batches one sync pulls; the rest comes with the next sync, from the checkpoint. */
const MAX_PULL_BATCHES = 25;

/** Longest document id or revision taken from the feed: far above any the extension writes. */
const MAX_ID = 400;

/** One answer of the changes feed, checked before anything of it is used. */
const ChangesSchema = z.object({
  results: z
    .array(
      z.object({
        id: z.string().max(MAX_ID),
        changes: z.array(z.object({ rev: z.string().max(MAX_ID) })).max(MAX_FAN_LEAVES),
        deleted: z.boolean().optional(),
        doc: z.looseObject({ _id: z.string().max(MAX_ID) }).optional(),
      }),
    )
    .max(PULL_BATCH),
  last_seq: z.union([z.string().max(1000), z.number().int().nonnegative()]),
});
type Change = z.infer<typeof ChangesSchema>['results'][number];

/**
 * Brings this browser's copy of the team up to date from the server's changes feed: teammates'
 * contacts become rows of the log (with their author), fans' documents are kept for sends decided
 * offline, the team's templates join this browser's (see team-templates.ts), a teammate's later note
 * about a fan replaces this browser's (team-notes.ts), and a fan another admin
 * forgot is forgotten here. Each batch is written with its
 * checkpoint in one transaction, so a worker killed midway resumes where it stopped. False when the
 * server did not answer.
 */
export async function pullTeam(membership: Membership, now: number): Promise<boolean> {
  // Teammates' documents are checked against the team's salt (screen.ts): read once per pull.
  const team = await cachedTeamSettings(membership.pageId);
  if (!team) return false;
  let changed = false;
  for (let batch = 0; batch < MAX_PULL_BATCHES; batch += 1) {
    const since = (await readStored(teamKeys.checkpoint, membership.pageId)) ?? '0';
    const answer = await interpret(
      membership,
      await couchRequest<unknown>(
        membership,
        'GET',
        `${couchPath(membership.database, '_changes')}?include_docs=true&limit=${PULL_BATCH}&since=${encodeURIComponent(since)}`,
      ),
    );
    if (answer.kind !== 'ok') return false;
    const batch = ChangesSchema.safeParse(answer.value);
    if (!batch.success) {
      // A feed this browser cannot read is no answer: the checkpoint stays, and the admin is told.
      await noteBadDocument(membership.pageId, '_changes', now);
      return false;
    }
    const { results, last_seq: lastSeq } = batch.data;
    const serverNow = answer.date ?? now;
    await forgetWhatTheTeamForgot(membership, team.salt, results, now);
    // Before the checkpoint moves past them; taking a note twice changes nothing.
    await mirrorNotes(
      membership.pageId,
      results.filter((change) => isNoteChange(change.id) && !change.deleted).map((change) => change.doc),
      { salt: team.salt, serverNow, now },
    );
    const contacts = await teammatesContacts(results, membership.pageId, team.salt, serverNow);
    const batchOf = { results, contacts: contacts.taken, lastSeq: String(lastSeq), serverNow };
    const mirrored = await mirror(membership.pageId, batchOf);
    await noteBadDocuments(membership.pageId, [...contacts.refused, ...mirrored.refused], now);
    changed = mirrored.contacts > 0 || changed;
    if (results.length < PULL_BATCH) break;
  }
  // Open logs and facebook.com tabs ask afresh: teammates' contacts change fans' statuses.
  if (changed) await announceEverythingChanged(now);
  return true;
}

/**
 * A stripped contact of a fan this browser still knows: another admin forgot them, if the strip is
 * really about that fan (see claimHolds). Done before the batch is mirrored, and idempotent, so a
 * worker killed in between forgets them on the next try.
 */
async function forgetWhatTheTeamForgot(
  membership: Membership,
  salt: string,
  results: Change[],
  now: number,
): Promise<void> {
  const claims = forgetClaims(results);
  if (claims.length === 0) return;
  const known = await withDatabase((db) =>
    Promise.all(claims.map(({ entryId }) => db.get('outreach', entryId))),
  );
  // Each fan once, with who asked the team to forget them.
  const fans = new Map<string, string>();
  for (const [index, claim] of claims.entries()) {
    const entry = known[index];
    if (entry && (await claimHolds(claim, entry, membership.user, salt))) fans.set(entry.fanId, claim.by);
  }
  for (const [fanId, by] of fans) await forgetLocally({ pageId: membership.pageId, fanId }, now, by);
}

interface CheckedBatch {
  results: Change[];
  /** Teammates' contacts, checked (see screen.ts). */
  contacts: OutreachEntry[];
  lastSeq: string;
  serverNow: number;
}

/**
 * Writes a batch of changes and its checkpoint; returns how many teammates' contacts it wrote, and
 * the ids of documents it refused.
 */
async function mirror(pageId: string, batch: CheckedBatch): Promise<{ contacts: number; refused: string[] }> {
  const { results, contacts: checked, lastSeq, serverNow } = batch;
  return withDatabase(async (db) => {
    let contacts = 0;
    const tx = db.transaction(['outreach', 'teamFans', 'templates', 'meta'], 'readwrite');
    const outreach = tx.objectStore('outreach');
    const teamFans = tx.objectStore('teamFans');
    const templates = results.filter((change) => isTemplateChange(change.id));
    const refused = await mirrorTemplates(
      { templates: tx.objectStore('templates'), meta: tx.objectStore('meta') },
      pageId,
      templates.map(({ id, changes, deleted, doc }) => ({
        id,
        rev: changes[0]?.rev ?? '',
        deleted: deleted === true,
        doc,
      })),
    );
    for (const { id, deleted, doc } of results) {
      if (!id.startsWith('fan:') || !doc) continue;
      const fanKey = id.slice('fan:'.length);
      const leaf = FanLeafSchema.safeParse(doc);
      if (!leaf.success || leaf.data.fanKey !== fanKey) {
        // A deletion without a body is the server admin's, whom the rules let delete: it takes nothing away here.
        if (!deleted) refused.push(id);
        continue;
      }
      // Merged into the copy, as a fresh read merges leaves: a leaf a teammate deleted (its body kept,
      // as the rules require) or a newer winner never takes away a contact or a mark the copy held.
      const held = (await teamFans.get([pageId, fanKey])) ?? emptyFanDocument();
      await teamFans.put({ pageId, fanKey, ...mergeServerLeaf(held, leaf.data, serverNow) });
    }
    for (const entry of checked) {
      // This browser's own entries and its tombstones are its own to keep; a copy only by a copy.
      if (replaces(await outreach.get(entry.id), entry)) {
        await outreach.put(entry);
        contacts += 1;
      }
    }
    await writeMetaIn(tx.objectStore('meta'), teamKeys.checkpoint, lastSeq, pageId);
    await tx.done;
    return { contacts, refused };
  });
}
