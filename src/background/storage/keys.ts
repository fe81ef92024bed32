import { z } from 'zod';
import { PendingTargetSchema } from '../../shared/messages/compose';
import { GraphPauseSchema } from '../../shared/messages/graph';
import { FAILED_SIGNALS } from '../../shared/limits';
import { PolicySettingsSchema } from '../../shared/policy-settings';
import { TeamInviteSchema } from '../../shared/team-invite';
import { OUTREACH_CHANGE_KEY } from '../../shared/fan-status';
import { SURFACE_KEY, SURFACES } from '../../shared/surface';
import { DiscretionReportSchema, GraphReadingViewSchema } from '../../shared/discretion';

/**
 * Every key the background keeps outside its object stores, in one table: where it lives, which
 * module owns it (the only one that reads or writes it), and the schema its value is read back with
 * (stored.ts). Where matters:
 * - `meta` (IndexedDB): kept for good, and in backups only where transfer/backup.ts says so;
 * - `session` (storage.session): gone when the browser closes, and content scripts cannot read it;
 * - `local` (storage.local): kept, and readable by content scripts: nothing private goes there.
 * A value in `meta` is text; `json` says it is JSON of the schema rather than plain text.
 */
export interface KeyFamily<Args extends unknown[] = never[], Schema extends z.ZodType = z.ZodType> {
  area: 'meta' | 'session' | 'local';
  owner: string;
  key: (...args: Args) => string;
  schema: Schema;
  json?: true;
  /** What every key of the family starts with, for the families read or cleared as a whole. */
  prefix?: string;
}

const family = <Args extends unknown[], Schema extends z.ZodType>(entry: KeyFamily<Args, Schema>) => entry;
/** A family read as a whole (readAllStored): its keys share `prefix`. */
const prefixed = <Args extends unknown[], Schema extends z.ZodType>(
  entry: KeyFamily<Args, Schema> & { prefix: string },
) => entry;
const time = z.number().int().nonnegative();
const fanKey = { pageId: z.string(), fanId: z.string() };
const stamp = { changeId: z.string(), at: time };

/** A Graph API connection: the token with the Page it speaks for. */
export const StoredConnectionSchema = z.strictObject({
  token: z.string().min(1),
  page: z.strictObject({ id: z.string(), name: z.string(), username: z.string().optional() }),
  canReadConversations: z.boolean(),
  remembered: z.boolean(),
});

/**
 * A reading of a Page's comments through the Graph API, kept between its steps (see
 * discretion/graph-sightings.ts): what it found so far, and where it goes on.
 */
export const GraphReadingSchema = GraphReadingViewSchema.extend({
  since: time,
  /** The cursor of the next page of posts; null once the list of posts is read to its end. */
  postsAfter: z.string().max(1000).nullable(),
  postsDone: z.boolean(),
  /** Posts listed and not read yet, the first being read. */
  queue: z.array(z.string().max(64)).max(100),
  /** The cursor of the first queued post's next page of comments, and how many pages were read. */
  commentsAfter: z.string().max(1000).nullable(),
  commentPages: z.number().int().nonnegative(),
});

/** A joined team, with this admin's credentials (see team/membership.ts). */
export const MembershipSchema = TeamInviteSchema.extend({
  remembered: z.boolean(),
  removed: z.boolean().optional(),
  refused: z.boolean().optional(),
});

/**
 * A team's own document on its server (team/setup.ts writes it): its Page, the salt of fans' keys, and
 * the limits every admin uses. Declared here because this browser keeps a copy of it; team mode owns
 * its meaning. What the server sends is checked against it (and its limits against the same bounds as
 * the admin's own), so a hostile server cannot hand over limits that allow everything.
 */
export const TeamDocumentSchema = z.object({
  _id: z.literal('team'),
  _rev: z.string().max(200).optional(),
  type: z.literal('team'),
  schema: z.number().int(),
  pageId: z.string().min(1).max(200),
  pageName: z.string().max(200),
  salt: z.string().min(16).max(200),
  policy: PolicySettingsSchema,
  /** Refuse a send when the team server cannot be asked, instead of deciding on local data. */
  strict: z.boolean(),
});
export type TeamDocument = z.infer<typeof TeamDocumentSchema>;

/** The team's settings document as last read. */
const CachedTeamSchema = z.strictObject({ fetchedAt: time, team: TeamDocumentSchema });

export const KEYS = {
  triageLearning: family({
    area: 'meta',
    owner: 'triage/triage-learning.ts',
    key: () => 'triageLearning',
    schema: z.strictObject({ resetAt: time, learnFromTeam: z.boolean() }),
    json: true,
  }),
  fanSalt: family({
    area: 'meta',
    owner: 'fans/salted-keys.ts',
    key: () => 'fanSalt',
    schema: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
  }),
  graphConnectionRemembered: family({
    area: 'meta',
    owner: 'graph/graph-connection.ts',
    key: () => 'graphConnection',
    schema: StoredConnectionSchema,
    json: true,
  }),
  graphConnection: family({
    area: 'session',
    owner: 'graph/graph-connection.ts',
    key: () => 'graphConnection',
    schema: StoredConnectionSchema,
  }),
  graphPause: family({
    area: 'local',
    owner: 'graph/graph-connection.ts',
    key: () => 'graphPause',
    schema: GraphPauseSchema,
  }),
  graphOutside: family({
    area: 'session',
    owner: 'graph/outside-contacts.ts',
    key: (pageId: string, fanId: string) => `graphOutside:${pageId}:${fanId}`,
    schema: z.strictObject({ at: time, times: z.array(time) }),
  }),
  graphReading: family({
    area: 'meta',
    owner: 'discretion/graph-sightings.ts',
    key: (pageId: string) => `graphReading:${pageId}`,
    schema: GraphReadingSchema,
    json: true,
  }),
  discretionFigures: family({
    area: 'session',
    owner: 'discretion/report-cache.ts',
    key: (pageId: string) => `discretionFigures:${pageId}`,
    schema: z.strictObject({
      at: time,
      fingerprint: z.string().max(300),
      figures: DiscretionReportSchema.omit({ graph: true }),
    }),
  }),
  pendingTarget: family({
    area: 'session',
    owner: 'compose/pending-target.ts',
    key: () => 'pendingTarget',
    schema: PendingTargetSchema,
  }),
  pageHealth: prefixed({
    area: 'session',
    owner: 'compose/page-health.ts',
    key: (tabId: number) => `pageHealth:${tabId}`,
    prefix: 'pageHealth:',
    schema: z.strictObject({ failedSignal: z.enum(FAILED_SIGNALS).nullable(), at: time }),
  }),
  assistedTab: prefixed({
    area: 'session',
    owner: 'delivery/assisted-delivery.ts',
    key: (entryId: string) => `assisted:${entryId}`,
    prefix: 'assisted:',
    schema: z.strictObject({ tabId: z.number().int() }),
  }),
  teamMembershipsRemembered: family({
    area: 'meta',
    owner: 'team/membership.ts',
    key: () => 'teamMemberships',
    schema: z.array(MembershipSchema),
    json: true,
  }),
  teamMemberships: family({
    area: 'session',
    owner: 'team/membership.ts',
    key: () => 'teamMemberships',
    schema: z.array(MembershipSchema),
  }),
  teamSettings: family({
    area: 'meta',
    owner: 'team/state.ts',
    key: (pageId: string) => `team:${pageId}`,
    schema: CachedTeamSchema,
    json: true,
  }),
  teamCheckpoint: family({
    area: 'meta',
    owner: 'team/pull.ts',
    key: (pageId: string) => `teamSeq:${pageId}`,
    schema: z.string().max(1000),
  }),
  teamTemplates: family({
    area: 'meta',
    owner: 'team/templates.ts',
    key: (pageId: string) => `teamTemplates:${pageId}`,
    schema: z.array(z.tuple([z.string(), z.strictObject({ rev: z.string(), signature: z.string() })])),
    json: true,
  }),
  surface: family({
    area: 'local',
    owner: 'messaging/settings-handlers.ts',
    key: () => SURFACE_KEY,
    schema: z.enum(SURFACES),
  }),
  outreachChange: family({
    area: 'local',
    owner: 'outreach/change-feed.ts',
    key: () => OUTREACH_CHANGE_KEY,
    schema: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('entry'), entryId: z.string(), ...fanKey, ...stamp }),
      z.strictObject({ kind: z.literal('fan'), ...fanKey, ...stamp }),
      z.strictObject({ kind: z.literal('all'), ...stamp }),
    ]),
  }),
  /** Test builds only: where the tests' Graph API stub listens (see graph-connection.ts). */
  graphTestBaseUrl: family({
    area: 'local',
    owner: 'graph/graph-connection.ts',
    // Only test builds name it: a release build carries no trace of the tests' stub.
    key: () => (__TEST_BUILD__ ? 'test:graphBaseUrl' : ''),
    schema: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+$/),
  }),
  teamBadDocuments: family({
    area: 'meta',
    owner: 'team/bad-documents.ts',
    key: (pageId: string) => `teamBad:${pageId}`,
    schema: z.strictObject({ count: z.number().int().nonnegative(), lastId: z.string().max(300), at: time }),
    json: true,
  }),
  teamLastSync: family({
    area: 'meta',
    owner: 'team/sync.ts',
    key: (pageId: string) => `teamSynced:${pageId}`,
    schema: z.string().regex(/^\d+$/),
  }),
} as const;
