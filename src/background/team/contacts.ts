import { couchPath, couchRequest } from './couch-http';
import { strippedContact, type ContactDocument } from './contact-document';
import { commentKeyUnder } from './fan-document';
import type { Membership } from './membership';
import { interpret } from './answers';

interface BulkResult {
  id: string;
  rev?: string;
  error?: string;
}

/**
 * Writes contact documents to the team's log, each over its current revision (read first, since the
 * browser keeps none: the server is the one copy). Returns the ids the server took; the others wait
 * for the next sync. Null when the server did not answer.
 */
export async function writeContactDocuments(
  membership: Membership,
  docs: ContactDocument[],
): Promise<Set<string> | null> {
  if (docs.length === 0) return new Set();
  const revs = await currentRevisions(
    membership,
    docs.map((doc) => doc._id),
  );
  if (!revs) return null;
  const answer = await interpret(
    membership,
    await couchRequest<BulkResult[]>(membership, 'POST', couchPath(membership.database, '_bulk_docs'), {
      docs: docs.map((doc) => ({ ...doc, ...(revs.has(doc._id) ? { _rev: revs.get(doc._id) } : {}) })),
    }),
  );
  if (answer.kind !== 'ok') return null;
  return new Set(answer.value.filter((result) => !result.error).map((result) => result.id));
}

async function currentRevisions(membership: Membership, ids: string[]): Promise<Map<string, string> | null> {
  const answer = await interpret(
    membership,
    await couchRequest<{ rows: Array<{ key: string; value?: { rev: string; deleted?: boolean } }> }>(
      membership,
      'POST',
      couchPath(membership.database, '_all_docs'),
      { keys: ids },
    ),
  );
  if (answer.kind !== 'ok') return null;
  return new Map(
    answer.value.rows.flatMap((row) => (row.value && !row.value.deleted ? [[row.key, row.value.rev]] : [])),
  );
}

/**
 * Strips every contact of the fan in the team's log, whoever wrote it: "forget this fan" then holds
 * for the whole team, and each admin's browser forgets the fan when it pulls the stripped copies.
 * True when none is left unstripped.
 */
export async function stripContactsOf(
  membership: Membership,
  salt: string,
  fanKey: string,
): Promise<boolean> {
  const answer = await interpret(
    membership,
    await couchRequest<{ rows: Array<{ doc?: ContactDocument }> }>(
      membership,
      'GET',
      `${couchPath(membership.database, '_all_docs')}?include_docs=true&startkey=${encodeURIComponent(
        JSON.stringify(`contact:${fanKey}:`),
      )}&endkey=${encodeURIComponent(JSON.stringify(`contact:${fanKey}:\ufff0`))}`,
    ),
  );
  if (answer.kind !== 'ok') return false;
  const left = answer.value.rows.flatMap((row) => (row.doc && !row.doc.forgotten ? [row.doc] : []));
  if (left.length === 0) return true;
  const stripped = await Promise.all(
    left.map(async (doc) =>
      strippedContact(doc, membership.user, await commentKeyUnder(salt, doc.commentId)),
    ),
  );
  const written = await writeContactDocuments(membership, stripped);
  return written !== null && left.every((doc) => written.has(doc._id));
}
