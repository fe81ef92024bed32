import { request } from './background-client';
import { t } from './i18n';
import type { ErrorReply } from './messages';

/** Tries of a backup whose log changed between two of its parts before giving up with an error. */
const BACKUP_TRIES = 3;

/**
 * The backup's whole text, gathered part by part (each under the browser's message limit), every
 * part of one and the same backup; an error reply when the worker fails or the log keeps changing.
 */
export async function fetchBackupText(exportedAt: number): Promise<{ ok: true; text: string } | ErrorReply> {
  for (let attempt = 0; attempt < BACKUP_TRIES; attempt += 1) {
    const first = await request({ type: 'backup/export', part: 0, exportedAt });
    if (!first.ok) return first;
    const texts = [first.data.text];
    for (let part = 1; part < first.data.parts; part += 1) {
      const reply = await request({ type: 'backup/export', part, exportedAt });
      if (!reply.ok) return reply;
      if (reply.data.digest !== first.data.digest) break;
      texts.push(reply.data.text);
    }
    if (texts.length === first.data.parts) return { ok: true, text: texts.join('') };
  }
  return { ok: false, error: { code: 'unavailable', message: t('errorBackupChanging') } };
}
