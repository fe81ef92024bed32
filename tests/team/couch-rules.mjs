// @ts-check
/**
 * Write rules for the team test server, as CouchDB runs them. express-pouchdb's own validation
 * (pouchdb-validation) differs from CouchDB where the team's rules depend on it:
 * - it always hands the rules the current winner as `oldDoc`, where CouchDB hands a replicated write
 *   (`new_edits: false`) the first revision of its own path that is on disk, or nothing;
 * - it gives the new document the old one's `_revisions`, so the rules cannot see a write's own path;
 * - it runs the rules before the revision check, so a stale write is refused with 403, not 409.
 * And express-pouchdb keeps `_security` in the document `_local/_security`, which any member could
 * rewrite to make themselves an admin: CouchDB has no such document, so no request may touch it.
 */
import { runInNewContext } from 'node:vm';

const SECURITY_DOC = '_local/_security';

/** @typedef {{ name: string | null; roles: string[]; db?: string }} UserContext */
/** @typedef {{ admins?: { names?: string[]; roles?: string[] }; members?: { names?: string[]; roles?: string[] } }} SecurityObject */
/** @typedef {{ userCtx?: UserContext; secObj?: SecurityObject; new_edits?: boolean }} WriteOptions */
/** @typedef {Record<string, any> & { _id: string; _rev?: string; _deleted?: boolean }} Doc */

/** @param {number} status @param {string} name @param {string} message */
function couchError(status, name, message) {
  // A plain object, as PouchDB reports a bulkDocs item's error (an Error's message would not spread).
  return { status, name, message, error: true, reason: message };
}

/** @param {{ names?: string[]; roles?: string[] } | undefined} group @param {UserContext} user */
function inGroup(group, user) {
  return (
    (!!user.name && (group?.names ?? []).includes(user.name)) ||
    user.roles.some((role) => (group?.roles ?? []).includes(role))
  );
}

/** Whether CouchDB would let this user write here at all: only then do the rules decide. */
function mayWrite(/** @type {UserContext} */ user, /** @type {SecurityObject} */ security) {
  if (user.roles.includes('_admin') || inGroup(security.admins, user)) return true;
  const members = security.members ?? {};
  const open = !(members.names ?? []).length && !(members.roles ?? []).length;
  return open || inGroup(members, user);
}

/**
 * The database's security object, as CouchDB hands it to the rules. express-pouchdb's request options
 * do not always carry it (they hold `{}` for a member's write), so it is read where it keeps it.
 * @returns {Promise<SecurityObject>}
 */
async function securityOf(/** @type {any} */ db) {
  try {
    return (await db.get(SECURITY_DOC)).security ?? {};
  } catch {
    return {};
  }
}

/** The database's rules: every design document's validate_doc_update, evaluated alone. */
async function rulesOf(/** @type {any} */ db) {
  const designs = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
  return designs.rows
    .map((/** @type {any} */ row) => row.doc)
    .filter((/** @type {any} */ design) => typeof design.validate_doc_update === 'string')
    .map((/** @type {any} */ design) => runInNewContext(`(${design.validate_doc_update})`));
}

/** A revision of the document as the rules see it, or null when it is not on disk. */
async function revisionOnDisk(/** @type {any} */ db, /** @type {string} */ id, /** @type {string} */ rev) {
  try {
    return await db.get(id, { rev, revs: true });
  } catch {
    return null;
  }
}

/** The document's leaves, deleted ones included. */
async function leavesOf(/** @type {any} */ db, /** @type {string} */ id) {
  try {
    const leaves = await db.get(id, { open_revs: 'all', revs: true });
    return leaves.filter((/** @type {any} */ leaf) => leaf.ok).map((/** @type {any} */ leaf) => leaf.ok);
  } catch {
    return [];
  }
}

/**
 * What CouchDB hands the rules for one write: `newDoc` with the path it carries, `oldDoc` the
 * revision it builds on. An interactive write must build on a leaf (else 409, before any rule runs);
 * a replicated one is checked against the first revision of its own path on disk, or against nothing.
 * Null when CouchDB would skip the write (a replicated revision it already has).
 * @param {any} db @param {Doc} doc @param {WriteOptions} options
 * @returns {Promise<{ newDoc: Doc; oldDoc: Doc | null } | null>}
 */
async function whatTheRulesSee(db, doc, options) {
  if (options.new_edits === false) {
    const [start, newest] = String(doc._rev).split('-');
    const ids = doc._revisions?.ids ?? [newest];
    const first = doc._revisions?.start ?? Number(start);
    if (await revisionOnDisk(db, doc._id, `${first}-${ids[0]}`)) return null;
    let oldDoc = null;
    for (let i = 1; i < ids.length && !oldDoc; i += 1)
      oldDoc = await revisionOnDisk(db, doc._id, `${first - i}-${ids[i]}`);
    return { newDoc: { ...doc, _revisions: { start: first, ids } }, oldDoc };
  }
  const leaves = await leavesOf(db, doc._id);
  if (doc._rev) {
    const oldDoc = leaves.find((/** @type {Doc} */ leaf) => leaf._rev === doc._rev);
    if (!oldDoc) throw couchError(409, 'conflict', 'Document update conflict.');
    const [start, id] = doc._rev.split('-');
    return { newDoc: { ...doc, _revisions: { start: Number(start), ids: [id] } }, oldDoc };
  }
  const live = leaves.find((/** @type {Doc} */ leaf) => !leaf._deleted);
  if (live) throw couchError(409, 'conflict', 'Document update conflict.');
  // Writing over a deleted document continues its deleted branch, which the rules see as `oldDoc`.
  const deleted = leaves.sort(
    (/** @type {Doc} */ a, /** @type {Doc} */ b) =>
      parseInt(String(b._rev), 10) - parseInt(String(a._rev), 10),
  )[0];
  return { newDoc: { ...doc }, oldDoc: deleted ?? null };
}

/**
 * Checks one write against the rules; throws the HTTP error CouchDB would answer with.
 * @param {any} db @param {Doc} doc @param {WriteOptions} options
 */
async function checkWrite(db, doc, options) {
  const id = String(doc._id ?? '');
  // Without a user the write is the server's own (putSecurity), never a request's.
  if (!options.userCtx) return;
  if (id === SECURITY_DOC) throw couchError(403, 'forbidden', 'Only the server manages _security.');
  if (id.startsWith('_local/') || id.startsWith('_design/') || !id) return;
  const security = await securityOf(db);
  // The security layer inside answers 401 or 403 to who may not write here at all.
  if (!mayWrite(options.userCtx, security)) return;
  const seen = await whatTheRulesSee(db, doc, options);
  if (!seen) return;
  // CouchDB tells the rules which database they guard; express-pouchdb does not always.
  const user = { ...options.userCtx, db: options.userCtx.db ?? db.name };
  for (const rules of await rulesOf(db)) {
    try {
      rules(seen.newDoc, seen.oldDoc, user, security);
    } catch (refusal) {
      const reason = /** @type {{ forbidden?: unknown; unauthorized?: unknown }} */ (refusal);
      if (reason?.unauthorized !== undefined)
        throw couchError(401, 'unauthorized', String(reason.unauthorized));
      if (reason?.forbidden !== undefined) throw couchError(403, 'forbidden', String(reason.forbidden));
      throw couchError(500, 'render_error', String(refusal));
    }
  }
}

/**
 * Installs the rules on one database: every write (put, post, remove and replication all arrive as
 * bulkDocs) is checked one document at a time, and a refused document is answered on its own, as
 * CouchDB answers a `_bulk_docs` item.
 * @param {any} db
 */
export function installCouchRules(db) {
  const bulkDocs = db.bulkDocs.bind(db);
  const put = db.put.bind(db);
  /** @param {any} body @param {any} [options] @param {any} [callback] */
  db.bulkDocs = function checkedBulkDocs(body, options, callback) {
    if (typeof options === 'function') [callback, options] = [options, {}];
    const opts = /** @type {WriteOptions} */ (options ?? {});
    const docs = /** @type {Doc[]} */ (Array.isArray(body) ? body : (body?.docs ?? []));
    const answer = (async () => {
      const refused = [];
      const passed = [];
      for (const doc of docs) {
        try {
          await checkWrite(db, doc, opts);
          passed.push(doc);
        } catch (error) {
          refused.push({ .../** @type {object} */ (error), id: doc._id });
        }
      }
      const written = passed.length ? await bulkDocs({ ...body, docs: passed }, opts) : [];
      return [...refused, ...written];
    })();
    if (callback) answer.then((result) => callback(null, result), callback);
    return answer;
  };
  // A `_local` document is put directly, past bulkDocs: only `_security`'s own is guarded here.
  /** @param {Doc} doc @param {any} [options] @param {any} [callback] */
  db.put = function guardedPut(doc, options, callback) {
    const opts = typeof options === 'function' ? {} : (options ?? {});
    if (doc?._id === SECURITY_DOC && opts.userCtx) {
      const error = couchError(403, 'forbidden', 'Only the server manages _security.');
      const cb = typeof options === 'function' ? options : callback;
      if (cb) return void cb(error);
      return Promise.reject(error);
    }
    return put(doc, options, callback);
  };
}
