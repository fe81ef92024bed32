import type { OutreachDatabase } from '../storage/schema';
import { KEYS } from '../storage/keys';
import { readMetaIn, writeMetaIn } from '../storage/stored';

/**
 * What the triage may learn from, set in the options: only what came after the last reset, and the
 * teammates' sends (which this browser holds in its log already) only if the admin opts in.
 */
export interface TriageLearning {
  /** Sends and corrections before this are not learned (0: never reset). */
  resetAt: number;
  learnFromTeam: boolean;
}

const NEVER_RESET: TriageLearning = { resetAt: 0, learnFromTeam: false };

export async function loadTriageLearning(db: OutreachDatabase): Promise<TriageLearning> {
  return (await readMetaIn(db.transaction('meta').store, KEYS.triageLearning)) ?? NEVER_RESET;
}

export async function setLearnFromTeam(
  db: OutreachDatabase,
  learnFromTeam: boolean,
): Promise<TriageLearning> {
  const tx = db.transaction('meta', 'readwrite');
  const learning = { ...((await readMetaIn(tx.store, KEYS.triageLearning)) ?? NEVER_RESET), learnFromTeam };
  await writeMetaIn(tx.store, KEYS.triageLearning, learning);
  await tx.done;
  return learning;
}

/**
 * Forgets everything the triage learned, on every Page: the admin's corrections are deleted, and the
 * sends before now are no longer learned (the log keeps them). It learns again from the next send.
 */
export async function resetTriage(db: OutreachDatabase, now: number): Promise<TriageLearning> {
  const tx = db.transaction(['meta', 'fans'], 'readwrite');
  const meta = tx.objectStore('meta');
  const learning = { ...((await readMetaIn(meta, KEYS.triageLearning)) ?? NEVER_RESET), resetAt: now };
  await writeMetaIn(meta, KEYS.triageLearning, learning);
  let cursor = await tx.objectStore('fans').openCursor();
  while (cursor) {
    const { corrections, ...record } = cursor.value;
    if (corrections) await cursor.update(record);
    cursor = await cursor.continue();
  }
  await tx.done;
  return learning;
}
