import { z } from 'zod';
import { OutreachEntrySchema } from '../outreach';
import { entryId } from './content';
import { defineMessage, done } from './define';

/** Most log entries one request returns: enough to fill the log quickly, small enough to pass fast. */
export const MAX_LOG_PAGE = 5000;

/** The newest entries first, a page at a time; `before` continues after the previous page. */
export const logList = defineMessage(
  'log/list',
  {
    before: z.strictObject({ createdAt: z.number().int().nonnegative(), id: entryId }).optional(),
    limit: z.number().int().min(1).max(MAX_LOG_PAGE).optional(),
  },
  z.strictObject({ entries: z.array(OutreachEntrySchema) }),
);

/** One entry as it is now (null when it is gone), for a page patching the row a change named. */
export const logGet = defineMessage(
  'log/get',
  { id: entryId },
  z.strictObject({ entry: OutreachEntrySchema.nullable() }),
);

export const logDelete = defineMessage(
  'log/delete',
  { id: entryId },
  z.strictObject({ entry: OutreachEntrySchema }),
);

/** Undo of a delete: the entry exactly as the delete returned it. */
export const logRestore = defineMessage('log/restore', { entry: OutreachEntrySchema }, done);

export const LOG_MESSAGES = [logList, logGet, logDelete, logRestore] as const;
