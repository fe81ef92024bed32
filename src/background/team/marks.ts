import { fanKeyUnder } from './fan-document';
import { loadPending, savePending } from './pending-list';
import { readFanDocument, writeFanDocument } from './gate';
import type { Membership } from './membership';
import { teamSettings } from './state';
import { teamKeys } from './local-state';

/** Writes of the fan's document tried before the mark is left for the next sync. */
const MAX_MARK_ATTEMPTS = 3;

interface PendingMark {
  fanId: string;
  on: boolean;
  at: number;
}

const pendingKey = teamKeys.marks;

/**
 * Puts this admin's "do not contact" decision on the fan's team document, by compare-and-set, so every
 * admin's next send to the fan sees it. When the server cannot take it now, it waits in this browser
 * and goes with the next sync; the mark already holds here either way.
 */
export async function markInTeam(
  membership: Membership,
  fanId: string,
  on: boolean,
  now: number,
): Promise<boolean> {
  const told = await tellMark(membership, { fanId, on, at: now }, now);
  if (!told) await keepPending(membership.pageId, { fanId, on, at: now });
  return told;
}

async function tellMark(membership: Membership, mark: PendingMark, now: number): Promise<boolean> {
  const team = await teamSettings(membership, now);
  if (!team) return false;
  const fanKey = await fanKeyUnder(team.salt, mark.fanId);
  for (let attempt = 0; attempt < MAX_MARK_ATTEMPTS; attempt += 1) {
    const read = await readFanDocument(membership, fanKey);
    if (read.kind !== 'ok') return false;
    // A later decision by another admin stands.
    if (read.value.dnc && read.value.dnc.at > mark.at) return true;
    const written = await writeFanDocument(membership, {
      ...read.value,
      dnc: { on: mark.on, by: membership.user, at: mark.at },
    });
    if (written.kind === 'ok') return true;
    if (written.kind !== 'conflict') return false;
  }
  return false;
}

async function keepPending(pageId: string, mark: PendingMark): Promise<void> {
  const marks = (await loadPending<PendingMark>(pendingKey(pageId))).filter(
    (kept) => kept.fanId !== mark.fanId,
  );
  await savePending(pendingKey(pageId), [...marks, mark]);
}

/** Tells the team server the marks that waited in this browser; those it still cannot take wait on. */
export async function tellPendingMarks(membership: Membership, now: number): Promise<void> {
  const key = pendingKey(membership.pageId);
  const marks = await loadPending<PendingMark>(key);
  if (marks.length === 0) return;
  const waiting: PendingMark[] = [];
  for (const mark of marks) {
    if (!(await tellMark(membership, mark, now))) waiting.push(mark);
  }
  await savePending(key, waiting);
}
