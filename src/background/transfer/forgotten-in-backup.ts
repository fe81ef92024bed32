import type { Backup } from '../../shared/backup';
import { tombstoneUnder } from '../fans/forgotten-fans';
import { commentAliasUnder, fanAliasUnder, FORGOTTEN_PREFIX, sightingFanKey } from '../fans/salted-keys';
import type { OutreachDatabase } from '../storage/schema';

/** Is this record one of a forgotten fan (a tombstone, or their "do not contact" under the alias)? */
export const isForgotten = (record: { fanId: string }) => record.fanId.startsWith(FORGOTTEN_PREFIX);

/**
 * What a backup may put back without undoing a "forget": entries and records of fans forgotten in this
 * browser since the backup was made become tombstones (their "do not contact" kept under the alias),
 * under the salt the database will have. Hashing happens here, before the write transaction.
 */
export async function keepForgottenForgotten(
  db: OutreachDatabase,
  backup: Backup,
  salts: { local: string; restored: string },
  now: number,
): Promise<Pick<Backup, 'outreach' | 'fans' | 'sightings'>> {
  const restoredSalt = salts.restored;
  const [entries, fans] = await Promise.all([db.getAll('outreach'), db.getAll('fans')]);
  const keyOf = (fan: { pageId: string; fanId: string }) => `${fan.pageId}\u0000${fan.fanId}`;
  const forgottenHere = new Set([...entries, ...fans].filter(isForgotten).map(keyOf));
  if (forgottenHere.size === 0) return backup;
  // A fan has many entries: each is hashed once.
  const verdicts = new Map<string, boolean>();
  const wasForgotten = (fan: { pageId: string; fanId: string }): boolean => {
    if (isForgotten(fan)) return false;
    let verdict = verdicts.get(keyOf(fan));
    if (verdict === undefined) {
      const fanId = fanAliasUnder(salts.local, fan);
      verdict = forgottenHere.has(keyOf({ pageId: fan.pageId, fanId }));
      verdicts.set(keyOf(fan), verdict);
    }
    return verdict;
  };
  const outreach = backup.outreach.map((entry) =>
    wasForgotten(entry) ? tombstoneUnder(restoredSalt, entry, now) : entry,
  );
  const kept = backup.fans.map((fan) => {
    if (!wasForgotten(fan)) return fan;
    // What holds the fan stays, under their aliases: the mark and the private replies seen.
    const answered = (fan.answered ?? []).map((reply) => ({
      ...reply,
      commentId: commentAliasUnder(restoredSalt, reply.commentId),
    }));
    if (!fan.doNotContact && answered.length === 0) return null;
    const fanId = fanAliasUnder(restoredSalt, fan);
    return {
      pageId: fan.pageId,
      fanId,
      name: '',
      doNotContact: fan.doNotContact,
      updatedAt: now,
      ...(answered.length > 0 ? { answered } : {}),
    };
  });
  // Their comments seen go too: under the backup's salt, by the ids its log names; under this
  // browser's, by the aliases their forgetting left.
  const forgottenKeys = new Set(
    salts.local === backup.fanSalt ? [...forgottenHere].map((key) => key.replace(FORGOTTEN_PREFIX, '')) : [],
  );
  const forgottenInBackup = [
    ...backup.outreach.filter((entry, index) => entry !== outreach[index]),
    ...backup.fans.filter((fan, index) => fan !== kept[index]),
  ];
  for (const fan of forgottenInBackup) {
    const fanKey = sightingFanKey(backup.fanSalt, fan);
    forgottenKeys.add(keyOf({ pageId: fan.pageId, fanId: fanKey }));
  }
  const sightings = backup.sightings?.filter(
    (sighting) => !forgottenKeys.has(keyOf({ pageId: sighting.pageId, fanId: sighting.fanKey })),
  );
  return { outreach, fans: kept.filter((fan) => fan !== null), ...(sightings ? { sightings } : {}) };
}
