import type { PopupToBackground } from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { announceEntryChange } from '../outreach/change-feed';
import { deleteOutreach, getOutreach, listOutreach, restoreOutreach } from '../outreach/log';
import { RequestError } from '../request';
import type { HandlerMap } from '../handler-map';

/** The outreach log's pages: listing, one entry, deleting one and undoing that. */
export const logHandlers: HandlerMap<
  Extract<PopupToBackground, { type: 'log/list' | 'log/get' | 'log/delete' | 'log/restore' }>
> = {
  async 'log/list'({ before, limit }) {
    return {
      entries: await withDatabase((db) =>
        listOutreach(db, { ...(before ? { before } : {}), ...(limit ? { limit } : {}) }),
      ),
    };
  },

  async 'log/get'({ id }) {
    return { entry: await withDatabase((db) => getOutreach(db, id)) };
  },

  async 'log/delete'({ id }, { now }) {
    const entry = await withDatabase((db) => deleteOutreach(db, id));
    if (!entry) throw new RequestError('not-found', 'errorEntryGone');
    await announceEntryChange(entry, now);
    return { entry };
  },

  async 'log/restore'({ entry }, { now }) {
    await withDatabase((db) => restoreOutreach(db, entry));
    await announceEntryChange(entry, now);
    return {};
  },
};
