import type { ContentToBackground, PopupToBackground } from '../../shared/messages';
import { loadPendingTarget } from '../compose/pending-target';
import { cachedDiscretionReport } from '../discretion/report-cache';
import { sameTextSent } from '../discretion/template-fatigue';
import { pagesInLog } from '../outreach/log';
import { loadPolicySettings } from '../settings/settings-store';
import { recordSightings } from '../discretion/sighting-store';
import type { HandlerMap } from '../handler-map';
import { RequestError } from '../request';
import { withDatabase } from '../storage/database';
import { lastGraphReading, readGraphStep } from '../discretion/graph-sightings';
import { loadConnection, speaksFor } from '../graph/graph-connection';
import { DAY_MS } from '../../shared/time';

/** "Did they come back?": the fan comments the content script saw, kept for the Discretion figures. */
export const discretionContentHandlers: HandlerMap<
  Extract<ContentToBackground, { type: 'sightings/record' }>
> = {
  async 'sightings/record'({ posts }, { tabId, now }) {
    if (tabId === undefined) throw new RequestError('forbidden');
    await withDatabase((db) => recordSightings(db, posts, now));
    return {};
  },
};

/** The Discretion view's figures (the Page asked for, or the one in view), and template fatigue. */
export const discretionPopupHandlers: HandlerMap<
  Extract<PopupToBackground, { type: 'discretion/report' | 'compose/fatigue' | 'discretion/read-graph' }>
> = {
  async 'compose/fatigue'({ text }, { now }) {
    const target = await loadPendingTarget();
    if (!target || !text.trim()) return { sent: [] };
    return { sent: await withDatabase((db) => sameTextSent(db, target.comment.pageId, text, now)) };
  },

  async 'discretion/report'({ pageId }, { now }) {
    const target = await loadPendingTarget();
    return withDatabase(async (db) => {
      const pages = await pagesInLog(db);
      const wanted = pageId ?? target?.comment.pageId ?? pages[0]?.pageId;
      if (wanted === undefined) return { pages, report: null };
      const connection = await loadConnection();
      const graph = {
        canRead: connection !== null && speaksFor(connection.page, wanted),
        last: await lastGraphReading(wanted),
      };
      const figures = await cachedDiscretionReport(db, wanted, await loadPolicySettings(db), now);
      return { pages, report: { ...figures, graph } };
    });
  },

  async 'discretion/read-graph'({ pageId }, { now }) {
    const connection = await loadConnection();
    if (!connection || !speaksFor(connection.page, pageId))
      throw new RequestError('invalid-request', 'discretionGraphOtherPage');
    return withDatabase(async (db) => {
      const { sightingsKeepDays } = await loadPolicySettings(db);
      return readGraphStep(db, connection, pageId, { since: now - sightingsKeepDays * DAY_MS, now });
    });
  },
};
