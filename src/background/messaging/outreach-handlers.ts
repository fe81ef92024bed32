import type { ContentToBackground, PopupToBackground } from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { loadPendingTarget } from '../compose/pending-target';
import { deliverViaGraph } from '../delivery/api-delivery';
import { deliverInTab, recordComposerOutcome } from '../delivery/assisted-delivery';
import { recordDeliveryOutcome } from '../delivery/delivery-outcome';
import { reservePicked } from '../delivery/reserve-picked';
import { graphCanDeliver, loadConnection } from '../graph/graph-connection';
import { settleOutreach } from '../outreach/settle';
import { fanStatuses } from '../outreach/statuses';
import { commentKinds } from '../triage/comment-kinds';
import { loadPolicySettings } from '../settings/settings-store';
import { RequestError } from '../request';
import type { HandlerMap } from '../handler-map';

/** What facebook.com tabs tell of deliveries, and ask of the comments they show: fans' standing, triage. */
export const outreachContentHandlers: HandlerMap<
  Extract<ContentToBackground, { type: 'composer/outcome' | 'comments/look' }>
> = {
  async 'composer/outcome'({ entryId, outcome, sentText }, { tabId, now, team }) {
    await recordComposerOutcome(team, entryId, outcome, tabId, now, sentText);
    return {};
  },

  async 'comments/look'({ fans, comments }, { now }) {
    return withDatabase(async (db) => ({
      statuses: fans.length > 0 ? await fanStatuses(db, fans, await loadPolicySettings(db), now) : [],
      kinds: comments.length > 0 ? await commentKinds(db, comments) : [],
    }));
  },
};

/** A send, in its three steps: reserve, deliver, confirm. */
export const outreachPopupHandlers: HandlerMap<
  Extract<PopupToBackground, { type: 'outreach/reserve' | 'outreach/deliver' | 'outreach/confirm' }>
> = {
  async 'outreach/reserve'(ask, { now, team }) {
    return reservePicked(ask, team, now);
  },

  async 'outreach/deliver'({ entryId }, { now, team }) {
    const [target, connection] = await Promise.all([loadPendingTarget(), loadConnection()]);
    // The claim, in one readwrite transaction: only a reserved entry moves to sending, so a second
    // deliver of the same entry finds nothing to deliver and nothing goes out twice.
    const entry = await withDatabase((db) => settleOutreach(db, entryId, 'sending', now));
    if (!entry) throw new RequestError('not-found', 'errorEntryGone');
    // The picked comment is the entry's: otherwise its tab (and Graph id) are another comment's.
    const picked = target?.comment.commentId === entry.commentId ? target : null;
    if (picked && graphCanDeliver(connection, picked.comment)) {
      return deliverViaGraph(team, entry, connection, picked.comment.graphCommentId!, now);
    }
    return { via: 'box', ...(await deliverInTab(team, entry, picked?.tabId ?? null, now)) };
  },

  async 'outreach/confirm'({ entryId, outcome }, { now, team }) {
    const entry = await recordDeliveryOutcome(team, entryId, outcome, now);
    if (!entry) throw new RequestError('not-found', 'errorEntryGone');
    return { entry };
  },
};
