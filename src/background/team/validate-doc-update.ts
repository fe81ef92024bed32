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
interface MarkDoc {
  id: string;
  by: string;
  at: number;
  of?: string[];
  [field: string]: unknown;
}
interface UserContext {
  name: string | null;
  roles: string[];
  db?: string;
}
interface SecurityObject {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

/**
 * The team server's write rules (CouchDB's validate_doc_update). The extension never calls it: the
 * team's design document carries its source (see design-document.ts), so it must stay self-contained
 * and ES5. A refusal's `forbidden` is a code the extension turns into a message in the admin's language.
 *
 * Every teammate is untrusted here. A member writes only as themselves, over the revision they read
 * (never a revision path of their own, which would let a replicated write dodge these rules), within
 * bounds of size and count, and dated no later than the server's clock plus a little skew. What others
 * wrote in a fan's document they may neither change nor remove while it counts: contacts move only
 * forward and only by their author; "do not contact" marks and their lifts are only ever added.
 */
export function validateDocUpdate(
  newDoc: TeamDoc,
  oldDoc: TeamDoc | null,
  userCtx: UserContext,
  secObj: SecurityObject,
): void {
  var SCHEMA = 2;
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
  // What a forgotten fan's contact empties, and what it drops (see contact-document.ts).
  var PERSONAL_TEXT = ['fanId', 'fanName', 'fanUrl', 'postUrl', 'templateTitle', 'commentExcerpt', 'text'];
  var PERSONAL_DROPPED = ['sentText', 'messageId', 'commentPostedAt', 'override'];
  var CONTACT_FIXED = ['author', 'fanKey', 'commentId', 'category', 'createdAt', 'entryId'];
  var FAN_CONTACT_FIXED = ['c', 'comment', 'cat', 'at', 'by'];
  // The extension's message categories, which a test holds this copy to.
  var CATEGORIES = ['thanks', 'promo', 'warning', 'care'];
  // The extension's MAX_FAN_NOTES, which a test holds this copy to.
  var MAX_NOTE = 2000;
  // The backup's longest fan name, which a test holds this copy to: a note longer would break backups.
  var MAX_NAME = 2000;
  // Ids, keys and user names.
  var MAX_ID = 200;
  // The extension's MAX_TEMPLATE_TITLE and MAX_MESSAGE_LENGTH, which a test holds these copies to.
  var MAX_TITLE = 80;
  var MAX_MESSAGE = 2000;
  // One document's size, bounded so that no teammate can fill the server or a browser.
  var MAX_DOC_CHARS = 64 * 1024;
  // What one fan's document may hold: far above what any Page's limits let a team do.
  var MAX_CONTACTS = 200;
  var MAX_MARKS = 100;
  // One admin's contacts with one fan in a day: above the most any setting allows (20 customer care).
  var MAX_DAILY_BY_AUTHOR = 25;
  var DAY_MS = 24 * 60 * 60 * 1000;
  // Contacts older than the longest rule window a setting allows (the strike window's 730 days) no
  // longer count: only then may they leave a fan's document.
  var FAN_HISTORY_MS = 730 * 24 * 60 * 60 * 1000;
  // How far a writer's clock may run ahead of the server's.
  var SKEW_MS = 5 * 60 * 1000;
  var now = Date.now();

  function refuse(code: string): never {
    throw { forbidden: 'page-outreach:' + code };
  }
  function listed(list: unknown, value: unknown): boolean {
    return Array.isArray(list) && list.indexOf(value) !== -1;
  }
  function inGroup(group: { names?: string[]; roles?: string[] } | undefined): boolean {
    if (!group) return false;
    if (userCtx.name !== null && listed(group.names, userCtx.name)) return true;
    for (var i = 0; i < userCtx.roles.length; i++) if (listed(group.roles, userCtx.roles[i])) return true;
    return false;
  }
  function isAdmin(): boolean {
    return listed(userCtx.roles, '_admin') || inGroup(secObj && secObj.admins);
  }
  function same(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  function isText(value: unknown, max: number): boolean {
    return typeof value === 'string' && value.length <= max;
  }
  function isName(value: unknown): boolean {
    return isText(value, MAX_ID) && (value as string).length > 0;
  }
  /** A whole millisecond, not after the server's clock (plus skew). */
  function isTime(value: unknown): boolean {
    return typeof value === 'number' && value % 1 === 0 && value >= 0 && value <= now + SKEW_MS;
  }
  /** Can a contact's status become `to` from `from`, in one settle or several? */
  function reaches(from: string, to: string): boolean {
    if (from === to) return true;
    var froms = SETTLES_FROM[to] || [];
    for (var i = 0; i < froms.length; i++) if (froms[i] !== to && reaches(from, froms[i]!)) return true;
    return false;
  }
  /** `list` as an object keyed by each item's `field`, or null when one is missing or repeated. */
  function keyed<T extends Record<string, unknown>>(list: T[], field: string): Record<string, T> | null {
    var byKey: Record<string, T> = {};
    for (var i = 0; i < list.length; i++) {
      var item = list[i];
      if (!item || typeof item !== 'object' || !isName(item[field])) return null;
      // A prefix keeps a key such as "__proto__" an ordinary one.
      var key = '#' + item[field];
      if (byKey[key]) return null;
      byKey[key] = item;
    }
    return byKey;
  }
  /**
   * Is `doc` the contact `was` with the fan's personal fields emptied or dropped, and marked
   * forgotten by the writer? Its author may move its status forward meanwhile.
   */
  function strips(doc: TeamDoc, was: TeamDoc, byAuthor: boolean): boolean {
    if (doc.forgotten !== true) return false;
    if (was.forgotten !== true && doc.forgottenBy !== me) return false;
    var key: string;
    for (key in doc) {
      if (key === '_rev' || key === '_revisions' || key === 'forgotten') continue;
      // The comment goes by its key (a hash under the team's salt, which the rules cannot check).
      if (key === 'commentId') {
        if (!isName(doc[key])) return false;
        continue;
      }
      // A strip names who asked for it, and nobody else's name.
      if (key === 'forgottenBy') {
        if (doc[key] !== me && !(was.forgotten === true && doc[key] === was[key])) return false;
        continue;
      }
      if (listed(PERSONAL_TEXT, key)) {
        if (doc[key] !== '') return false;
      } else if (key === 'status' && byAuthor) {
        if (!reaches(String(was[key]), String(doc[key]))) return false;
      } else if (!same(doc[key], was[key])) return false;
    }
    for (key in was) if (!(key in doc) && !listed(PERSONAL_DROPPED, key) && key !== '_rev') return false;
    return true;
  }
  /** The document's body: what it says, apart from CouchDB's own fields. */
  function body(doc: TeamDoc): Record<string, unknown> {
    var fields: Record<string, unknown> = {};
    for (var key in doc) if (key.charAt(0) !== '_') fields[key] = doc[key];
    return fields;
  }

  // A member's account is named after the team's database, then their name on the team (see
  // couch-http.ts, accountName): documents carry that name, and an account of another team has none.
  var namespace = userCtx.db + '/';
  var me =
    userCtx.name !== null && userCtx.name.indexOf(namespace) === 0
      ? userCtx.name.slice(namespace.length)
      : null;
  var admin = isAdmin();
  if (!admin) {
    var members = (secObj && secObj.members) || {};
    if (!inGroup(members)) refuse('not-a-member');
    // A member writes over the revision they read. A revision path of their own (a replicated write)
    // would have CouchDB check it against an older revision, or none, and could win over the others.
    var head = newDoc._rev;
    if (head === undefined ? oldDoc !== null && !oldDoc._deleted : !oldDoc || head !== oldDoc._rev)
      refuse('replicated-write');
  }
  var existing = oldDoc && !oldDoc._deleted ? oldDoc : null;

  if (newDoc._deleted) {
    if (admin || (existing && existing.type === 'template')) return;
    // A fan's document is "deleted" only to settle a conflict: its body stays, whole, for every reader.
    if (existing && existing.type === 'fan' && same(body(newDoc), body(existing))) return;
    refuse('delete-forbidden');
  }
  if (typeof newDoc.schema !== 'number') refuse('not-a-team-document');
  if (newDoc.schema < SCHEMA) refuse('update-extension');
  if (newDoc.schema > SCHEMA) refuse('update-server-rules');
  if (JSON.stringify(newDoc).length > MAX_DOC_CHARS) refuse('too-large');
  var id = newDoc._id;

  if (newDoc.type === 'team') {
    if (id !== 'team' || !admin) refuse('team-settings-forbidden');
    return;
  }

  if (newDoc.type === 'template') {
    if (
      !isName(newDoc.templateId) ||
      id !== 'template:' + newDoc.templateId ||
      !listed(CATEGORIES, newDoc.category) ||
      !isText(newDoc.title, MAX_TITLE) ||
      !isText(newDoc.body, MAX_MESSAGE)
    )
      refuse('bad-template');
    // Any admin may edit the team's templates; each revision names who wrote it.
    if (newDoc.by !== me) refuse('not-your-template');
    return;
  }

  if (newDoc.type === 'note') {
    if (
      !isName(newDoc.fanKey) ||
      id !== 'note:' + newDoc.fanKey ||
      !isText(newDoc.text, MAX_NOTE) ||
      !isText(newDoc.fanId, MAX_ID) ||
      !isText(newDoc.fanName, MAX_NAME) ||
      !isTime(newDoc.at)
    )
      refuse('bad-note');
    // Any admin may write the team's note about a fan; each revision names who wrote it.
    if (newDoc.by !== me) refuse('not-your-note');
    if (existing && existing.forgotten === true) refuse('note-forgotten');
    if (newDoc.forgotten === true) {
      // A forgotten fan's note is emptied for good, and only a note that was there can be forgotten.
      if (!existing || newDoc.fanId !== '' || newDoc.fanName !== '' || newDoc.text !== '') refuse('bad-note');
      return;
    }
    // A note stays the note about its fan.
    if (!isName(newDoc.fanId) || (existing && existing.fanId !== newDoc.fanId)) refuse('bad-note');
    return;
  }

  if (newDoc.type === 'contact') {
    var status = String(newDoc.status);
    if (
      id !== 'contact:' + newDoc.fanKey + ':' + newDoc.createdAt + ':' + newDoc.entryId ||
      !isName(newDoc.fanKey) ||
      !isName(newDoc.entryId) ||
      !isName(newDoc.author) ||
      !isText(newDoc.commentId, MAX_ID) ||
      !listed(CATEGORIES, newDoc.category) ||
      !isTime(newDoc.createdAt) ||
      !Object.prototype.hasOwnProperty.call(SETTLES_FROM, status)
    )
      refuse('bad-contact');
    if (!existing) {
      if (newDoc.author !== me) refuse('not-your-contact');
      return;
    }
    // Any admin may strip a contact of a forgotten fan, and nobody may put back what was stripped.
    if (existing.author !== me || existing.forgotten === true) {
      if (!strips(newDoc, existing, existing.author === me)) refuse('not-your-contact');
      return;
    }
    for (var f = 0; f < CONTACT_FIXED.length; f++)
      if (!same(newDoc[CONTACT_FIXED[f]!], existing[CONTACT_FIXED[f]!])) refuse('contact-fixed');
    if (!reaches(String(existing.status), status)) refuse('status-backwards');
    return;
  }

  if (newDoc.type === 'fan') {
    var recent = newDoc.recent as FanContactDoc[];
    var marks = newDoc.marks as MarkDoc[];
    var lifts = newDoc.lifts as MarkDoc[];
    if (
      !isName(newDoc.fanKey) ||
      id !== 'fan:' + newDoc.fanKey ||
      !Array.isArray(recent) ||
      recent.length > MAX_CONTACTS ||
      !Array.isArray(marks) ||
      marks.length > MAX_MARKS ||
      !Array.isArray(lifts) ||
      lifts.length > MAX_MARKS
    )
      refuse('bad-fan');
    // What was there before: a deleted leaf's body counts too, as it does for every reader.
    var old = oldDoc && oldDoc.type === 'fan' ? oldDoc : null;
    var after = keyed(recent, 'c');
    var before = keyed(old && Array.isArray(old.recent) ? (old.recent as FanContactDoc[]) : [], 'c') || {};
    if (!after) refuse('bad-fan');
    var key: string;
    for (key in after) {
      var contact = after[key]!;
      if (
        !isText(contact.comment, MAX_ID) ||
        !listed(CATEGORIES, contact.cat) ||
        !isTime(contact.at) ||
        !isName(contact.by) ||
        !Object.prototype.hasOwnProperty.call(SETTLES_FROM, contact.st)
      )
        refuse('bad-fan');
      var was = before[key];
      // Only its author adds a contact, or moves it forward in its life; nobody changes the rest.
      if (!was) {
        if (contact.by !== me) refuse('not-your-contact');
        continue;
      }
      for (var g = 0; g < FAN_CONTACT_FIXED.length; g++)
        if (!same(contact[FAN_CONTACT_FIXED[g]!], was[FAN_CONTACT_FIXED[g]!]))
          refuse('others-contact-changed');
      if (contact.st !== was.st && (contact.by !== me || !reaches(was.st, contact.st)))
        refuse('others-contact-changed');
    }
    // However many contacts one admin makes, a day's stay within what any Page's limits allow.
    var today = 0;
    for (key in after) if (after[key]!.by === me && after[key]!.at > now - DAY_MS) today += 1;
    if (today > MAX_DAILY_BY_AUTHOR) refuse('too-many-contacts');
    // A contact leaves only once it no longer counts for any rule.
    for (key in before) if (!after[key] && before[key]!.at >= now - FAN_HISTORY_MS) refuse('contact-removed');

    var marksAfter = keyed(marks, 'id');
    var liftsAfter = keyed(lifts, 'id');
    if (!marksAfter || !liftsAfter) refuse('bad-fan');
    var sets = [
      {
        now: marksAfter,
        was: keyed(old && Array.isArray(old.marks) ? (old.marks as MarkDoc[]) : [], 'id') || {},
      },
      {
        now: liftsAfter,
        was: keyed(old && Array.isArray(old.lifts) ? (old.lifts as MarkDoc[]) : [], 'id') || {},
      },
    ];
    for (var s = 0; s < sets.length; s++) {
      // A mark or a lift, once made, stays as it was: no write can erase or redate a decision.
      for (key in sets[s]!.was) if (!same(sets[s]!.now[key], sets[s]!.was[key])) refuse('mark-removed');
      for (key in sets[s]!.now) {
        if (sets[s]!.was[key]) continue;
        var decision = sets[s]!.now[key]!;
        if (decision.by !== me) refuse('not-your-mark');
        if (!isTime(decision.at)) refuse('bad-fan');
      }
    }
    // A lift names the marks it lifts (a mark it did not see stays). It may name one only another
    // leaf holds, in a conflict; naming one not made yet lifts nothing, as marks' ids are random.
    for (key in liftsAfter) {
      var of = liftsAfter[key]!.of;
      if (!Array.isArray(of) || of.length === 0 || of.length > MAX_MARKS) refuse('bad-fan');
      for (var m = 0; m < of.length; m++) if (!isName(of[m])) refuse('bad-fan');
    }
    return;
  }

  refuse('not-a-team-document');
}
