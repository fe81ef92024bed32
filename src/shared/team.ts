import { z } from 'zod';

/** What the extension's pages may know of a joined team: never the credentials. */
export interface TeamView {
  pageId: string;
  pageName: string;
  server: string;
  user: string;
  remembered: boolean;
  /** The server no longer accepts this admin: the team's limits no longer reach this browser. */
  removed: boolean;
  /** Something refused this admin's account, and the server did not confirm it (see "check again"). */
  refused: boolean;
  /** When this browser last told the team everything it had waiting; null: not yet. */
  lastSyncedAt: number | null;
  /** What waits in this browser to be told to the team: contacts, marks, notes, forgotten fans. */
  pending: number;
  /** The team refuses a send its server cannot check (as last read). */
  strict: boolean;
}

/**
 * An admin's name on the team, shown to the others ("Bea messaged this fan…"): letters, digits, spaces
 * and `.`, `_`, `-`, starting with a letter or digit (CouchDB reserves names starting with `_`).
 */
export const TeamMemberNameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u);
