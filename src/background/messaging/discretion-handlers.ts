import type { ContentToBackground } from '../../shared/messages';
import { recordSightings } from '../discretion/sighting-store';
import type { HandlerMap } from '../handler-map';
import { RequestError } from '../request';
import { withDatabase } from '../storage/database';

/** "Did they come back?": the fan comments the content script saw, kept for the Discretion figures. */
export const discretionContentHandlers: HandlerMap<
  Extract<ContentToBackground, { type: 'sightings/record' }>
> = {
  async 'sightings/record'({ sightings }, { tabId, now }) {
    if (tabId === undefined) throw new RequestError('forbidden');
    await withDatabase((db) => recordSightings(db, sightings, now));
    return {};
  },
};
