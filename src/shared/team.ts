import { z } from 'zod';

/** What the extension's pages may know of a joined team: never the credentials. */
export const TeamViewSchema = z.strictObject({
  pageId: z.string(),
  pageName: z.string(),
  server: z.string(),
  user: z.string(),
  remembered: z.boolean(),
  /** The server no longer accepts this admin: the team's limits no longer reach this browser. */
  removed: z.boolean(),
  /** Something refused this admin's account, and the server did not confirm it (see "check again"). */
  refused: z.boolean(),
  /** When this browser last told the team everything it had waiting; null: not yet. */
  lastSyncedAt: z.number().nullable(),
  /** What waits in this browser to be told to the team: contacts, marks, notes, forgotten fans. */
  pending: z.number().int().nonnegative(),
  /** The team refuses a send its server cannot check (as last read). */
  strict: z.boolean(),
  /**
   * Documents from the team server this browser refused (a shape, size or date the team's rules do
   * not allow: a hostile teammate or server), and the last one's id; null: none.
   */
  refusedDocuments: z.strictObject({ count: z.number().int().nonnegative(), lastId: z.string() }).nullable(),
});
export type TeamView = z.infer<typeof TeamViewSchema>;

/**
 * An admin's name on the team, shown to the others ("Bea messaged this fan…"): letters, digits, spaces
 * and `.`, `_`, `-`, starting with a letter or digit (CouchDB reserves names starting with `_`).
 */
export const TeamMemberNameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u);
