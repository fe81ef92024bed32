import type { DBSchema, IDBPDatabase } from 'idb';
import type { Category, EntryStatus, FanRecord, OutreachEntry } from '../../shared/outreach';
import type { PageLanguages } from '../../shared/page-language';
import type { PolicySettings } from '../../shared/policy-settings';
import type { CustomPlaceholders } from '../../shared/placeholders';
import type { Template } from '../../shared/templates';
import type { SightingChunk } from '../discretion/sighting-chunks';

export interface OutreachSchema extends DBSchema {
  outreach: {
    key: string;
    value: OutreachEntry;
    indexes: {
      byPageFanTime: [string, string, number];
      byPageTime: [string, number];
      byComment: string;
      byCommentSlot: string;
      byCreatedAt: number;
      byStatus: string;
      byTeam: string;
    };
  };
  fans: {
    key: [string, string];
    value: FanRecord;
  };
  /**
   * One record per kind of setting: the policy's numbers under 'policy', custom placeholders under
   * 'placeholders', the language chosen per Page under 'pageLanguages'.
   */
  settings: {
    key: string;
    value: PolicySettings | CustomPlaceholders | PageLanguages;
  };
  templates: {
    key: string;
    value: Template;
  };
  /** Values the extension itself keeps, such as the salt of forgotten fans' ids. */
  meta: {
    key: string;
    value: string;
  };
  /** The team's per-fan documents as last pulled, by Page and fan key: what offline decisions see. */
  teamFans: {
    key: [string, string];
    value: MirroredFanDocument;
  };
  /**
   * What waits to be told to a Page's team, one record per item (see outbox.ts): a contact's latest
   * state, a "do not contact" mark, a note, a forgotten fan.
   */
  teamOutbox: {
    key: [string, OutboxKind, string];
    value: OutboxItem;
  };
  /**
   * Fan comments seen on each Page, for "did they come back?", a post's comments seen together in one
   * chunk (discretion/sighting-chunks.ts): keyed by Page, post and the chunk's place; by comment (each
   * comment kept once, and counted for the cap), by Page and latest time for the figures, by earliest
   * time for retention.
   */
  sightingChunks: {
    key: [string, string, number];
    value: SightingChunk;
    indexes: { byComment: string; byPageUntil: [string, number]; byFrom: number };
  };
  /** Parts of a backup file on its way in, until it is restored (see backup-uploads.ts). */
  uploads: {
    key: [string, number];
    value: UploadPart;
    indexes: { byStoredAt: number };
  };
}

export type OutboxKind = 'contact' | 'mark' | 'note' | 'forget';

/**
 * One item waiting for a Page's team. `subject` says what it is about (a contact: the entry's id; a
 * mark or a note: the fan's id; a forget: the fan's key on the team server, their id being gone), and
 * `version` which state of it waits: a newer state replaces the item under a new version.
 */
export type OutboxItem = { pageId: string; subject: string; version: string; at: number } & (
  | { kind: 'contact' }
  | { kind: 'mark'; on: boolean }
  | { kind: 'note'; fanName: string; text: string }
  | { kind: 'forget'; entryIds: string[] }
);

export interface MirroredFanDocument extends FanDocument {
  pageId: string;
  fanKey: string;
}

export interface UploadPart {
  uploadId: string;
  part: number;
  text: string;
  storedAt: number;
}

/**
 * The team's one document per fan on the team server (`fan:<fanKey>`): the team's recent contacts
 * with the fan, and its "do not contact" marks and the lifts of them. It is the point where a send is
 * made exclusive across the team (compare-and-set on its revision), and what offline copies and
 * conflicting leaves merge into when they meet (team/fan-document.ts).
 * Declared here because this browser keeps a copy of it (`teamFans`); team mode owns its meaning.
 */
export interface FanDocument {
  recent: TeamContact[];
  marks: DoNotContactMark[];
  lifts: MarkLift[];
}

/** One contact with the fan by an admin of the team, as the fan document keeps it. */
export interface TeamContact {
  /** The contact's id: the outreach entry's id in its author's browser. */
  c: string;
  comment: string;
  cat: Category;
  at: number;
  /** The author's user name on the team server. */
  by: string;
  st: EntryStatus;
}

/** One admin's "do not contact" decision: it stands until a lift names it. */
export interface DoNotContactMark {
  id: string;
  by: string;
  at: number;
}

/** One admin's lift of the marks it names (those they saw): a mark made meanwhile stays. */
export interface MarkLift {
  id: string;
  by: string;
  at: number;
  of: string[];
}

export type OutreachDatabase = IDBPDatabase<OutreachSchema>;
