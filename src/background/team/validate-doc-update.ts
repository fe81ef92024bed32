/* eslint-disable no-var -- CouchDB may run this on SpiderMonkey 1.8.5, which knows ES5 only. */

/** A document as the team server hands it to the rules: only what they read is typed. */
interface TeamDoc {
  _id: string;
  _deleted?: boolean;
  type?: string;
  schema?: number;
  [field: string]: unknown;
}
interface FanContactDoc {
  c: string;
  by: string;
  at: number;
  st: string;
  [field: string]: unknown;
}
interface UserContext {
  name: string | null;
  roles: string[];
}
interface SecurityObject {
  admins?: { names?: string[]; roles?: string[] };
}

/**
 * The team server's write rules (CouchDB's validate_doc_update). The extension never calls it: the
 * team's design document carries its source (see design-document.ts), so it must stay self-contained
 * and ES5. A refusal's `forbidden` is a code the extension turns into a message in the admin's language.
 */
export function validateDocUpdate(
  newDoc: TeamDoc,
  oldDoc: TeamDoc | null,
  userCtx: UserContext,
  secObj: SecurityObject,
): void {
  var SCHEMA = 1;
  // The extension's canSettle, which a test holds this copy to.
  var SETTLES_FROM: Record<string, string[]> = {
    reserved: [],
    sending: ['reserved'],
    prepared: ['sending'],
    sent: ['sending', 'prepared', 'unknown'],
    copied: ['sending', 'unknown'],
    failed: ['sending', 'prepared', 'unknown'],
    unknown: ['reserved', 'sending', 'prepared'],
  };
  // The fan document merge's order of statuses, which a test holds this copy to.
  var STATUS_RANK: Record<string, number> = {
    reserved: 0,
    sending: 1,
    prepared: 2,
    unknown: 3,
    failed: 4,
    copied: 5,
    sent: 6,
  };
  // What a forgotten fan's contact empties, and what it drops (see contact-document.ts).
  var PERSONAL_TEXT = ['fanId', 'fanName', 'fanUrl', 'postUrl', 'templateTitle', 'commentExcerpt', 'text'];
  var PERSONAL_DROPPED = ['sentText', 'messageId', 'commentPostedAt', 'override'];
  var CONTACT_FIXED = ['author', 'fanKey', 'commentId', 'category', 'createdAt', 'entryId'];
  // The extension's message categories, which a test holds this copy to.
  var CATEGORIES = ['thanks', 'promo', 'warning', 'care'];
  // The extension's MAX_FAN_NOTES, which a test holds this copy to.
  var MAX_NOTE = 2000;
  // Others' contacts older than the longest rule window may be pruned from a fan's document.
  var FAN_HISTORY_MS = 90 * 24 * 60 * 60 * 1000;

  function refuse(code: string): never {
    throw { forbidden: 'page-outreach:' + code };
  }
  function listed(list: unknown, value: unknown): boolean {
    return Array.isArray(list) && list.indexOf(value) !== -1;
  }
  function isAdmin(): boolean {
    var admins = (secObj && secObj.admins) || {};
    if (listed(userCtx.roles, '_admin') || listed(admins.names, userCtx.name)) return true;
    for (var i = 0; i < userCtx.roles.length; i++) if (listed(admins.roles, userCtx.roles[i])) return true;
    return false;
  }
  function same(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  /**
   * Is `doc` the contact `was` with the fan's personal fields emptied or dropped, and marked
   * forgotten? Its author may move its status forward meanwhile.
   */
  function strips(doc: TeamDoc, was: TeamDoc, byAuthor: boolean): boolean {
    if (doc.forgotten !== true) return false;
    var key: string;
    for (key in doc) {
      if (key === '_rev' || key === '_revisions' || key === 'forgotten') continue;
      if (listed(PERSONAL_TEXT, key)) {
        if (doc[key] !== '') return false;
      } else if (key === 'status' && byAuthor) {
        if (doc[key] !== was[key] && !listed(SETTLES_FROM[String(doc[key])], was[key])) return false;
      } else if (!same(doc[key], was[key])) return false;
    }
    for (key in was) if (!(key in doc) && !listed(PERSONAL_DROPPED, key) && key !== '_rev') return false;
    return true;
  }
  var existing = oldDoc && !oldDoc._deleted ? oldDoc : null;

  if (newDoc._deleted) {
    if ((existing && existing.type === 'template') || isAdmin()) return;
    refuse('delete-forbidden');
  }
  if (typeof newDoc.schema !== 'number') refuse('not-a-team-document');
  if (newDoc.schema < SCHEMA) refuse('update-extension');
  if (newDoc.schema > SCHEMA) refuse('update-server-rules');
  var id = newDoc._id;

  if (newDoc.type === 'team') {
    if (id !== 'team' || !isAdmin()) refuse('team-settings-forbidden');
    return;
  }

  if (newDoc.type === 'template') {
    if (
      id !== 'template:' + newDoc.templateId ||
      !listed(CATEGORIES, newDoc.category) ||
      typeof newDoc.title !== 'string' ||
      typeof newDoc.body !== 'string'
    )
      refuse('bad-template');
    // Any admin may edit the team's templates; each revision names who wrote it.
    if (newDoc.by !== userCtx.name) refuse('not-your-template');
    return;
  }

  if (newDoc.type === 'note') {
    if (
      id !== 'note:' + newDoc.fanKey ||
      typeof newDoc.text !== 'string' ||
      newDoc.text.length > MAX_NOTE ||
      typeof newDoc.at !== 'number'
    )
      refuse('bad-note');
    // Any admin may write the team's note about a fan; each revision names who wrote it.
    if (newDoc.by !== userCtx.name) refuse('not-your-note');
    // A forgotten fan's note is emptied for good: nobody may put back what was forgotten.
    if (newDoc.forgotten === true && (newDoc.fanId !== '' || newDoc.fanName !== '' || newDoc.text !== ''))
      refuse('bad-note');
    if (existing && existing.forgotten === true) refuse('note-forgotten');
    return;
  }

  if (newDoc.type === 'contact') {
    var status = String(newDoc.status);
    if (id !== 'contact:' + newDoc.fanKey + ':' + newDoc.createdAt + ':' + newDoc.entryId)
      refuse('bad-contact');
    if (!Object.prototype.hasOwnProperty.call(SETTLES_FROM, status)) refuse('bad-contact');
    if (!existing) {
      if (newDoc.author !== userCtx.name) refuse('not-your-contact');
      return;
    }
    // Any admin may strip a contact of a forgotten fan, and nobody may put back what was stripped.
    if (existing.author !== userCtx.name || existing.forgotten === true) {
      if (!strips(newDoc, existing, existing.author === userCtx.name)) refuse('not-your-contact');
      return;
    }
    for (var f = 0; f < CONTACT_FIXED.length; f++)
      if (!same(newDoc[CONTACT_FIXED[f]!], existing[CONTACT_FIXED[f]!])) refuse('contact-fixed');
    if (status !== existing.status && !listed(SETTLES_FROM[status], existing.status))
      refuse('status-backwards');
    return;
  }

  if (newDoc.type === 'fan') {
    var recent = newDoc.recent as FanContactDoc[];
    if (id !== 'fan:' + newDoc.fanKey || !Array.isArray(recent)) refuse('bad-fan');
    var before: Record<string, FanContactDoc> = {};
    var oldRecent = ((existing && existing.recent) || []) as FanContactDoc[];
    for (var o = 0; o < oldRecent.length; o++) before[oldRecent[o]!.c] = oldRecent[o]!;
    var after: Record<string, boolean> = {};
    for (var n = 0; n < recent.length; n++) {
      var contact = recent[n]!;
      if (
        !contact ||
        typeof contact.c !== 'string' ||
        !Object.prototype.hasOwnProperty.call(STATUS_RANK, contact.st)
      )
        refuse('bad-fan');
      after[contact.c] = true;
      var was = before[contact.c];
      if (!was) {
        if (contact.by !== userCtx.name) refuse('not-your-contact');
      } else if (was.by !== userCtx.name) {
        // Another admin's contact may only move forward in its life, as any merge of copies does.
        var moved: Record<string, unknown> = {};
        for (var key in was) moved[key] = was[key];
        moved.st = contact.st;
        if (!same(moved, contact) || STATUS_RANK[contact.st]! < STATUS_RANK[was.st]!)
          refuse('others-contact-changed');
      }
    }
    var prunable = Date.now() - FAN_HISTORY_MS;
    for (var c in before)
      if (!after[c] && before[c]!.by !== userCtx.name && before[c]!.at >= prunable)
        refuse('others-contact-removed');
    var mark = newDoc.dnc as { by?: string } | null;
    if (mark && !same(mark, existing ? existing.dnc : null) && mark.by !== userCtx.name)
      refuse('not-your-mark');
    return;
  }

  refuse('not-a-team-document');
}
