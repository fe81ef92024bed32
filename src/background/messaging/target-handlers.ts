import {
  NextCommentReplySchema,
  type ContentToBackground,
  type ExtensionToContent,
  type NextCommentReply,
  type PendingTarget,
  type PopupToBackground,
} from '../../shared/messages';
import { openSidePanel } from '../../shared/side-panel';
import { pageLanguageOf } from '../../shared/page-language';
import { templatesForPage } from '../../shared/templates';
import { t, uiLanguage } from '../../shared/i18n';
import { actionLabelsFrom } from '../../shared/action-labels';
import { withDatabase } from '../storage/database';
import { fanNotes } from '../fans/fan-store';
import { announcePendingTarget, clearPendingBadge, loadPendingTarget } from '../compose/pending-target';
import { askTab, pick } from '../compose/pick-comment';
import { checkTarget, requestFor } from '../compose/picked-target';
import { listTemplates } from '../compose/template-store';
import { recognitionFailedInView, recordPageHealth } from '../compose/page-health';
import { graphCanDeliver, graphPause, loadConnection } from '../graph/graph-connection';
import { knownOutsideContacts, outsideContacts } from '../graph/outside-contacts';
import { chosenLanguage, loadCustomPlaceholders, loadPageLanguages } from '../settings/settings-store';
import { RequestError } from '../request';
import type { HandlerMap } from '../handler-map';
import { commentSuggestion } from '../triage/comment-kinds';

/** The fan comment after `target` in its tab, as the tab's content script reads it; null if none or gone. */
function commentAfter(target: PendingTarget): Promise<NextCommentReply | null> {
  const asked: ExtensionToContent = { type: 'comments/next', after: target.comment.commentId };
  return askTab(target.tabId, asked, NextCommentReplySchema);
}

/** The comment the admin picks on facebook.com, the page's recognition health, the actions' labels. */
export const targetContentHandlers: HandlerMap<
  Extract<ContentToBackground, { type: 'target/select' | 'page/health' | 'content/labels' }>
> = {
  async 'content/labels'() {
    return actionLabelsFrom(t);
  },

  async 'target/select'({ comment, surface, facebookLanguage }, { tabId, now }) {
    if (tabId === undefined) throw new RequestError('forbidden');
    // Before anything is awaited: the browser opens a side panel only within the admin's click.
    const panelOpened = surface === 'panel' ? openSidePanel({ tabId }) : Promise.resolve(false);
    const target = await pick({ comment, facebookLanguage }, tabId, now);
    return { popupOpened: await announcePendingTarget(target, panelOpened) };
  },

  async 'page/health'({ failedSignal }, { tabId, now }) {
    if (tabId === undefined) throw new RequestError('forbidden');
    await recordPageHealth(tabId, failedSignal, now);
    return {};
  },
};

/**
 * What the popup shows of the picked comment: at once, then refined by the Graph API and the team;
 * and the next comment on its page, when the admin asks for it.
 */
export const targetPopupHandlers: HandlerMap<
  Extract<PopupToBackground, { type: 'popup/open' | 'popup/sync' | 'popup/refine' | 'target/next' }>
> = {
  async 'target/next'(_message, { now }) {
    const target = await loadPendingTarget();
    const next = target && (await commentAfter(target));
    if (!target || !next?.comment) return { picked: false };
    await pick({ ...next, comment: next.comment }, target.tabId, now);
    return { picked: true };
  },

  async 'popup/open'(_message, { tabId, now, team }) {
    const [target, recognitionFailed] = await Promise.all([
      loadPendingTarget(),
      recognitionFailedInView(tabId),
      clearPendingBadge(),
    ]);
    const connection = await loadConnection();
    // The first paint waits on nothing but this browser: what only a Graph read can add comes with
    // 'popup/refine', which the popup asks for next.
    const known = target ? await knownOutsideContacts(target, connection, now) : [];
    const viaApi = target !== null && graphCanDeliver(connection, target.comment);
    const deliveryVia = viaApi ? ('api' as const) : ('box' as const);
    const graphPaused = viaApi ? await graphPause(connection.page.id, now) : null;
    const teamStatus = target ? await team.status(target.comment.pageId) : null;
    return withDatabase(async (db) => {
      // A team's templates are for its Page's messages only: no other Page's team sees them used.
      const templates = templatesForPage(await listTemplates(db), target?.comment.pageId ?? '');
      const [placeholders, languages] = await Promise.all([
        loadCustomPlaceholders(db),
        loadPageLanguages(db),
      ]);
      const chosen = target ? chosenLanguage(languages, target.comment.pageId) : undefined;
      const pageLanguage = pageLanguageOf(chosen, target?.facebookLanguage, uiLanguage());
      const shared = {
        templates,
        pageLanguage,
        placeholders,
        recognitionFailed,
        deliveryVia,
        graphPause: graphPaused,
      };
      if (!target)
        return {
          ...shared,
          target: null,
          verdicts: null,
          strikes: 0,
          doNotContact: false,
          unavailableAt: null,
          lastContacts: {},
          markLiftedBy: null,
          postReplies: null,
          triage: null,
          notes: '',
          refining: false,
          team: null,
        };
      const checked = await checkTarget(db, target, known ?? [], now);
      const notes = await fanNotes(db, requestFor(target));
      const triage = await commentSuggestion(db, target.comment.pageId, target.comment.text);
      return {
        ...shared,
        target,
        ...checked,
        // What the team did with this admin's mark comes with 'popup/refine', once the team is asked.
        markLiftedBy: null,
        triage,
        notes,
        refining: known === null || teamStatus?.removed === false,
        team: teamStatus,
      };
    });
  },

  async 'popup/sync'(_message, { now, team }) {
    const target = await loadPendingTarget();
    if (target) await team.sync(target.comment.pageId, now);
    const templates = templatesForPage(await withDatabase(listTemplates), target?.comment.pageId ?? '');
    return {
      commentId: target?.comment.commentId ?? null,
      templates,
      team: target ? await team.status(target.comment.pageId) : null,
    };
  },

  async 'popup/refine'(_message, { now, team }) {
    const target = await loadPendingTarget();
    if (!target) return { checked: null };
    const outside = await outsideContacts(target, await loadConnection(), now);
    const { pageId, authorId: fanId, commentId } = target.comment;
    const teamView = await team.viewOfFan({ pageId, fanId, commentId }, now);
    const checked = await withDatabase((db) => checkTarget(db, target, outside, now, teamView));
    const markLiftedBy = teamView?.liftedBy ?? null;
    return { checked: { commentId: target.comment.commentId, ...checked, markLiftedBy } };
  },
};
