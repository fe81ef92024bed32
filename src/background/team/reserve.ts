import { isOverridable, type OutreachEntry, type Verdict } from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { withDatabase } from '../storage/database';
import { evaluate } from '../policy/frequency-policy';
import { deleteOutreach } from '../outreach/log';
import { markTeamConfirmed } from '../outreach/settle';
import { requestOf, reserveOutreach, type NewEntry, type ReserveOptions } from '../outreach/reserve';
import { commentKeyUnder, fanKeyUnder } from './fan-document';
import type { FanDocument } from '../storage/schema';
import { mirroredFanDocument } from './local-state';
import {
  changeFanDocument,
  contactOf,
  readFanDocument,
  teamHistory,
  teamStanding,
  type AskedComment,
  type FanRead,
} from './gate';
import type { Membership } from './membership';
import type { TeamFanView, TeamReservation } from '../team-port';
import { teamSettings } from './state';

type Options = Omit<ReserveOptions, 'team' | 'forTeam'>;

/**
 * Reserves a send on a Page whose team this browser has joined. The local check-and-record comes first
 * and sees the fan's document fresh from the team server; then the new contact goes into that document
 * by compare-and-set, so of two admins reserving at once exactly one gets it. The other re-reads,
 * decides again on what the winner wrote, and its reservation is undone before anything was sent.
 * When the server does not answer, the send is decided on this browser's data (the team's limits as
 * last read) and the contact waits to be told; a strict team refuses instead.
 */
export async function reserveThroughTeam(
  membership: Membership,
  draft: NewEntry,
  localSettings: PolicySettings,
  now: number,
  options: Options,
): Promise<TeamReservation> {
  const team = await teamSettings(membership, now);
  const settings = team?.policy ?? localSettings;
  const unreachable: TeamReservation = {
    verdict: { allowed: false, rule: 'team-unreachable' },
    entry: null,
    teamChecked: false,
  };
  const me = membership.user;
  const seen = (doc: FanDocument, asked?: AskedComment) => ({
    contacts: teamHistory(doc, draft, me, asked),
    standing: teamStanding(doc, me),
  });
  /**
   * Decides on this browser's data, with the fan's team document as last pulled; for an admin the
   * server just refused, nothing is left to tell it (and no copy of the team is left to read).
   */
  const decideAlone = async (
    fanKey: string | null,
    removed = false,
    asked?: AskedComment,
  ): Promise<TeamReservation> => {
    if (team?.strict && !removed) return unreachable;
    const copy = fanKey && !removed ? await mirroredFanDocument(membership.pageId, fanKey) : null;
    const reserved = await withDatabase((db) =>
      reserveOutreach(db, draft, settings, now, {
        ...options,
        forTeam: !removed,
        ...(copy ? { team: seen(copy, asked) } : {}),
      }),
    );
    return { ...reserved, teamChecked: false };
  };
  if (!team) return decideAlone(null);
  const fanKey = await fanKeyUnder(team.salt, draft.fanId);
  const asked = { id: draft.commentId, key: await commentKeyUnder(team.salt, draft.commentId) };
  const read = await readFanDocument(membership, fanKey, now);
  if (read.kind !== 'ok') return decideAlone(fanKey, read.kind === 'removed', asked);

  const reserved = await withDatabase((db) =>
    reserveOutreach(db, draft, settings, now, {
      ...options,
      forTeam: true,
      team: seen(read.value.view, asked),
    }),
  );
  const entry = reserved.entry;
  if (!entry) return { ...reserved, teamChecked: true };

  // Into the fan's document by compare-and-set. When another admin wrote it since it was read, decide
  // again on what they wrote: of two admins reserving at once, exactly one gets the send.
  let refusedAgain: Verdict | null = null;
  const holds = ({ view }: FanRead) => view.recent.some((contact) => contact.c === entry.id);
  const changed = await changeFanDocument(
    membership,
    fanKey,
    (current) => {
      if (holds(current)) return null;
      if (current !== read.value) {
        const { contacts, standing } = seen(current.view, asked);
        const others = contacts.filter((contact) => contact.id !== entry.id);
        const again = evaluate(requestOf(draft), others, settings, now, standing);
        if (!again.allowed && !(entry.override !== undefined && isOverridable(again))) {
          refusedAgain = again;
          return null;
        }
      }
      return { contacts: [contactOf(entry, me, current.serverNow, asked.key)] };
    },
    now,
    read.value,
  );
  if (refusedAgain) return undo(entry, { verdict: refusedAgain, entry: null, teamChecked: true });
  // Written now, or held already (a write whose answer was lost): the team has it.
  const taken =
    changed.kind === 'written' ||
    changed.kind === 'unchanged' ||
    (changed.kind === 'contended' && holds(changed.read));
  if (taken) {
    await withDatabase((db) => markTeamConfirmed(db, entry));
    return { ...reserved, entry: { ...entry, team: 'confirmed' }, teamChecked: true };
  }
  return team.strict ? undo(entry, unreachable) : { ...reserved, teamChecked: false };
}

/**
 * What the team holds of a fan, for the popup's verdicts before any send: the team's limits and the
 * fan's document fresh from the server, or as last pulled when it does not answer. Null when the team
 * was never heard from.
 */
export async function teamViewOfFan(
  membership: Membership,
  fan: { pageId: string; fanId: string; commentId: string },
  now: number,
): Promise<TeamFanView | null> {
  const team = await teamSettings(membership, now);
  if (!team) return null;
  const fanKey = await fanKeyUnder(team.salt, fan.fanId);
  const asked = { id: fan.commentId, key: await commentKeyUnder(team.salt, fan.commentId) };
  const read = await readFanDocument(membership, fanKey, now);
  // Unreachable: the popup's verdicts use the copy last pulled, as a send decided now would.
  const doc = read.kind === 'ok' ? read.value.view : await mirroredFanDocument(membership.pageId, fanKey);
  if (!doc) return null;
  const contacts = teamHistory(doc, fan, membership.user, asked);
  const standing = teamStanding(doc, membership.user);
  const liftedBy = standing ? null : liftOfMine(doc, membership.user);
  return { settings: team.policy, team: { contacts, standing }, liftedBy };
}

/** The latest lift by another admin of a mark this admin made: their decision overrules this one's. */
function liftOfMine(doc: FanDocument, me: string): { by: string; at: number } | null {
  const mine = new Set(doc.marks.filter((mark) => mark.by === me).map((mark) => mark.id));
  const lifts = doc.lifts.filter((lift) => lift.by !== me && lift.of.some((id) => mine.has(id)));
  if (lifts.length === 0) return null;
  const latest = lifts.reduce((a, b) => (b.at > a.at ? b : a));
  return { by: latest.by, at: latest.at };
}

/** Takes back a reservation nothing was sent for: the team refused it before delivery began. */
async function undo(entry: OutreachEntry, reply: TeamReservation): Promise<TeamReservation> {
  await withDatabase((db) => deleteOutreach(db, entry.id));
  return reply;
}
