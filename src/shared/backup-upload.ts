import type { ImportMode } from './export-document';
import { request } from './background-client';
import { BACKUP_PART_CHARS, splitIntoParts } from './backup-parts';
import type { Reply } from './messages';

/**
 * Hands a backup file's text to the background in parts (each under the browser's message limit),
 * then asks it to restore them as one file, all or nothing.
 */
export async function uploadAndRestoreBackup(
  text: string,
  mode: ImportMode,
  partChars = BACKUP_PART_CHARS,
): Promise<Reply<'backup/restore'>> {
  const uploadId = crypto.randomUUID();
  const parts = splitIntoParts(text, partChars);
  for (const [part, partText] of parts.entries()) {
    const reply = await request({ type: 'backup/upload', uploadId, part, text: partText });
    if (!reply.ok) return reply;
  }
  return request({ type: 'backup/restore', uploadId, parts: parts.length, mode });
}
