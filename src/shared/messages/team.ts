import { z } from 'zod';
import { TeamMemberNameSchema, TeamViewSchema } from '../team';
import { defineMessage, done } from './define';

/** Most admins one team set-up invites; a Page has a handful, an agency's a few dozen. */
const MAX_TEAM_MEMBERS = 50;
const teamText = z.string().trim().min(1).max(200);
const teams = z.strictObject({ teams: z.array(TeamViewSchema) });

/** The teams this browser has joined (never their credentials) and the Pages it could make one for. */
export const teamStatus = defineMessage(
  'team/status',
  {},
  z.strictObject({
    teams: z.array(TeamViewSchema),
    pages: z.array(z.strictObject({ pageId: z.string(), pageName: z.string() })),
  }),
);

/**
 * Sets up a Page's team on a CouchDB server with one of its server admins, whose password is used for
 * the set-up only; this browser joins as `owner`, and the other admins get invites.
 */
export const teamCreate = defineMessage(
  'team/create',
  {
    server: z.string().max(2000),
    adminName: teamText,
    adminPassword: z.string().min(1).max(1000),
    pageId: teamText,
    pageName: z.string().trim().max(200),
    owner: TeamMemberNameSchema,
    members: z.array(TeamMemberNameSchema).max(MAX_TEAM_MEMBERS),
    remember: z.boolean(),
  },
  z.strictObject({
    team: TeamViewSchema,
    invites: z.array(z.strictObject({ user: z.string(), invite: z.string() })),
  }),
);

export const teamJoin = defineMessage(
  'team/join',
  { invite: z.string().max(10_000), remember: z.boolean() },
  z.strictObject({ team: TeamViewSchema }),
);

export const teamLeave = defineMessage('team/leave', { pageId: teamText }, done);

/** One of the team server's admins, for the owner's changes: used for that request only, never kept. */
const serverAdmin = { adminName: teamText, adminPassword: z.string().min(1).max(1000) };

/**
 * The team's settings (a server admin's to change): refuse sends the server cannot check, and
 * optionally this browser's limits for every admin.
 */
export const teamSettings = defineMessage(
  'team/settings',
  { pageId: teamText, strict: z.boolean(), useTheseLimits: z.boolean(), ...serverAdmin },
  teams,
);

/**
 * Takes an admin off the Page's team (a server admin's to do): their account leaves the team's
 * database and is deleted, so their invite or browser no longer reaches the team.
 */
export const teamRemoveMember = defineMessage(
  'team/remove-member',
  { pageId: teamText, member: TeamMemberNameSchema, ...serverAdmin },
  teams,
);

/** "Sync now": tells every joined team what waited in this browser. */
export const teamSync = defineMessage('team/sync', {}, teams);

/** Asks the server again whether it still accepts this admin (after a refusal it did not confirm). */
export const teamCheck = defineMessage('team/check', { pageId: teamText }, teams);

export const TEAM_MESSAGES = [
  teamStatus,
  teamRemoveMember,
  teamCreate,
  teamJoin,
  teamLeave,
  teamSettings,
  teamSync,
  teamCheck,
] as const;
