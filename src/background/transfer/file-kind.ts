import { BACKUP_FORMAT } from '../../shared/backup';
import { TEMPLATES_EXPORT_FORMAT } from '../../shared/export-document';
import { PAGE_REPORT_FORMAT } from '../../shared/page-report';
import { RequestError } from '../request';

/** The files Page Outreach writes, by their `format`, and the refusal when one is given in another's place. */
const REFUSALS = {
  [BACKUP_FORMAT]: 'errorFileIsBackup',
  [TEMPLATES_EXPORT_FORMAT]: 'errorFileIsTemplates',
  [PAGE_REPORT_FORMAT]: 'errorFileIsPageReport',
} as const;

/**
 * Refuses, with what it is and where it goes, a file of ours of another kind than `expected` (a
 * templates file given as a backup): a list of fields that do not match would not tell the admin.
 */
export function refuseOtherKind(document: unknown, expected: keyof typeof REFUSALS): void {
  const format =
    typeof document === 'object' && document !== null ? (document as { format?: unknown }).format : null;
  if (typeof format !== 'string' || format === expected || !Object.hasOwn(REFUSALS, format)) return;
  throw new RequestError('invalid-request', REFUSALS[format as keyof typeof REFUSALS]);
}
