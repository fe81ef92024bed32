import type { TeamPort } from '../team-port';
import { forgetLocally } from './forget-locally';

/** Forgets a fan in this browser and, on a team's Page, in the team's copies too (first: it needs their id). */
export async function forgetEverywhere(
  fan: { pageId: string; fanId: string },
  team: TeamPort,
  now: number,
): Promise<number> {
  await team.forget(fan, now);
  return forgetLocally(fan, now);
}
