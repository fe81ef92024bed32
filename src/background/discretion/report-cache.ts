import type { PolicySettings } from '../../shared/policy-settings';
import { MINUTE_MS } from '../../shared/time';
import { KEYS } from '../storage/keys';
import type { OutreachDatabase } from '../storage/schema';
import { readStored, writeStored } from '../storage/stored';
import { discretionReport, type PageFigures } from './discretion-report';

/**
 * A Page's figures, reused while nothing they rest on changed: the compose view asks for them each
 * time the popup opens, and on a big Page they take the worker most of a second. What they rest on is
 * the log (any change to it is announced: change-feed.ts), the sightings (only ever added, or dropped
 * by retention and forgetting, so their count, all Pages together, says when) and the retention setting; and time,
 * since windows complete and weeks turn, so they are reused for REPORT_REUSE_MS at most. Kept in
 * `storage.session`: gone with the browser.
 */
export const REPORT_REUSE_MS = 10 * MINUTE_MS;

async function fingerprintOf(
  db: OutreachDatabase,
  pageId: string,
  settings: PolicySettings,
): Promise<string> {
  const [change, sightings] = await Promise.all([
    readStored(KEYS.outreachChange),
    db.countFromIndex('sightingChunks', 'byComment'),
  ]);
  return `${change?.changeId ?? ''}|${sightings}|${settings.sightingsKeepDays}`;
}

export async function cachedDiscretionReport(
  db: OutreachDatabase,
  pageId: string,
  settings: PolicySettings,
  now: number,
): Promise<PageFigures> {
  const fingerprint = await fingerprintOf(db, pageId, settings);
  const kept = await readStored(KEYS.discretionFigures, pageId);
  if (kept && kept.fingerprint === fingerprint && now >= kept.at && now - kept.at < REPORT_REUSE_MS)
    return kept.figures;
  const figures = await discretionReport(db, pageId, settings, now);
  await writeStored(KEYS.discretionFigures, { at: now, fingerprint, figures }, pageId);
  return figures;
}
