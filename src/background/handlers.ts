import type { ContentToBackground, PendingTarget, PopupToBackground, ReplyData } from '../shared/messages';
import browser from 'webextension-polyfill';
import { openSidePanel } from '../shared/side-panel';
import { SURFACE_KEY, surfaceOf } from '../shared/surface';
import { templatesForLanguage } from '../shared/templates';
import { excerpt } from '../shared/placeholders';
import { uiLanguage } from '../shared/i18n';
import { withDatabase, type OutreachDatabase } from './database';
import { DEFAULT_POLICY_SETTINGS } from '../shared/policy-settings';
import { announceEntryChange, announceEverythingChanged, announceFanChange } from './change-feed';
import {
  checkOutreach,
  deleteOutreach,
  fanStatuses,
  getOutreach,
  settleOutreach,
  listOutreach,
  reserveOutreach,
  restoreOutreach,
} from './outreach-store';
import { fanNotes, rememberPrivateReply, setDoNotContact, setFanNotes } from './fan-store';
import { forgetLocally } from './forget-locally';
import { deleteTemplate, getTemplate, listTemplates, reorderTemplates, saveTemplate } from './template-store';
import { exportTemplatesAndSettings, importTemplatesAndSettings } from './data-transfer';
import { exportBackup, exportBackupPart, restoreUploadedBackup } from './backup';
import { stageUploadPart } from './backup-uploads';
import type { OutreachRequest } from './frequency-policy';
import {
  announcePendingTarget,
  clearPendingBadge,
  loadPendingTarget,
  savePendingTarget,
} from './pending-target';
import { deliverInTab, recordComposerOutcome } from './assisted-delivery';
import { recordDeliveryOutcome } from './delivery-outcome';
import { deliverViaGraph, graphCanDeliver } from './api-delivery';
import { connectPage, disconnectPage, graphPause, loadConnection, publicView } from './graph-connection';
import { knownOutsideContacts, outsideContacts } from './outside-contacts';
import { recognitionFailedInView, recordPageHealth } from './page-health';
import { RequestError } from './request-error';
import { teamHandlers } from './team/team-handlers';
import { activeMembership } from './team/team-membership';
import { forgetInTeam } from './team/team-forget';
import { markInTeam } from './team/team-marks';
import { shareNote } from './team/team-notes';
import { reserveThroughTeam, teamViewOfFan } from './team/team-reserve';
import { syncPage, teamOfPage } from './team/team-sync';
import {
  browserTimeZone,
  loadCustomPlaceholders,
  loadPolicySettings,
  loadSavedSettings,
  saveCustomPlaceholders,
  savePolicySettings,
} from './settings-store';

export interface HandlerContext {
  /** The tab the message came from: the facebook.com tab for content scripts, if any for our pages. */
  tabId?: number;
  now: number;
}

export type HandlerMap<M extends { type: string }> = {
  [K in M['type']]: (
    message: Extract<M, { type: K }>,
    context: HandlerContext,
  ) => Promise<K extends keyof ReplyData ? ReplyData[K] : never>;
};

/**
 * The target a popup request is about, which must still be the one the admin picked: a popup left
 * open while another comment was picked must not act on the old one.
 */
async function pickedTarget(commentId: string): Promise<PendingTarget> {
  const target = await loadPendingTarget();
  if (target?.comment.commentId !== commentId) throw new RequestError('not-found', 'errorTargetGone');
  return target;
}

/** Who the picked comment's author is, as the fans store keeps them. */
function fanProfile({ comment }: PendingTarget) {
  return {
    pageId: comment.pageId,
    fanId: comment.authorId,
    name: comment.authorName,
    profileUrl: comment.authorUrl,
  };
}

/** The policy's view of a picked comment; its age counts from when it was read off the page. */
function requestFor({ comment, selectedAt }: PendingTarget): Omit<OutreachRequest, 'category'> {
  return {
    pageId: comment.pageId,
    fanId: comment.authorId,
    commentId: comment.commentId,
    ...(comment.ageMs !== undefined ? { commentPostedAt: selectedAt - comment.ageMs } : {}),
    ...(comment.answeredPrivately ? { answeredElsewhere: true } : {}),
  };
}

/**
 * The policy's verdicts for the picked comment, counting the Page's messages to the fan from elsewhere
 * and, on a team's Page, what the team holds of the fan under the team's limits.
 */
async function checkTarget(
  db: OutreachDatabase,
  target: PendingTarget,
  outside: number[],
  now: number,
  teamView: Awaited<ReturnType<typeof teamViewOfFan>> = null,
) {
  const request = { ...requestFor(target), outsideContacts: outside };
  const settings = teamView?.settings ?? (await loadPolicySettings(db));
  return checkOutreach(db, request, settings, now, teamView?.team);
}

/** Forgets a fan in this browser and, on a team's Page, in the team's copies too. */
async function forgetEverywhere(fan: { pageId: string; fanId: string }, now: number): Promise<number> {
  const membership = await activeMembership(fan.pageId);
  if (membership) await forgetInTeam(membership, fan, now);
  return forgetLocally(fan, now);
}

export const contentHandlers: HandlerMap<ContentToBackground> = {
  async 'target/select'({ comment, surface }, { tabId, now }) {
    if (tabId === undefined) throw new RequestError('forbidden');
    // Before anything is awaited: the browser opens a side panel only within the admin's click.
    const panelOpened = surface === 'panel' ? openSidePanel({ tabId }) : Promise.resolve(false);
    const target = { comment, tabId, selectedAt: now };
    await savePendingTarget(target);
    const shown = await announcePendingTarget(target, panelOpened);
    if (comment.answeredPrivately) {
      await withDatabase((db) => rememberPrivateReply(db, fanProfile(target), requestFor(target), now));
    }
    return { popupOpened: shown };
  },

  async 'page/health'({ failedSignal }, { tabId, now }) {
    if (tabId === undefined) throw new RequestError('forbidden');
    await recordPageHealth(tabId, failedSignal, now);
    return {};
  },

  async 'composer/outcome'({ entryId, outcome, sentText }, { tabId, now }) {
    await recordComposerOutcome(entryId, outcome, tabId, now, sentText);
    return {};
  },

  async 'fans/status'({ fans }, { now }) {
    const statuses = await withDatabase(async (db) =>
      fanStatuses(db, fans, await loadPolicySettings(db), now),
    );
    return { statuses };
  },
};

export const popupHandlers: HandlerMap<PopupToBackground> = {
  async 'popup/open'(_message, { tabId, now }) {
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
    const deliveryVia = viaApi ? 'api' : 'box';
    const graphPaused = viaApi ? await graphPause(connection.page.id, now) : null;
    const team = target ? await teamOfPage(target.comment.pageId) : null;
    return withDatabase(async (db) => {
      const templates = templatesForLanguage(await listTemplates(db), uiLanguage());
      const placeholders = await loadCustomPlaceholders(db);
      if (!target)
        return {
          target: null,
          templates,
          verdicts: null,
          strikes: 0,
          doNotContact: false,
          unavailableAt: null,
          lastContacts: {},
          notes: '',
          placeholders,
          recognitionFailed,
          deliveryVia,
          graphPause: graphPaused,
          refining: false,
          team: null,
        };
      const checked = await checkTarget(db, target, known ?? [], now);
      const notes = await fanNotes(db, requestFor(target));
      return {
        target,
        templates,
        ...checked,
        notes,
        placeholders,
        recognitionFailed,
        deliveryVia,
        graphPause: graphPaused,
        refining: known === null || team?.removed === false,
        team,
      };
    });
  },

  async 'popup/sync'(_message, { now }) {
    const target = await loadPendingTarget();
    if (target) await syncPage(target.comment.pageId, now);
    const templates = await withDatabase(listTemplates);
    return {
      commentId: target?.comment.commentId ?? null,
      templates: templatesForLanguage(templates, uiLanguage()),
      team: target ? await teamOfPage(target.comment.pageId) : null,
    };
  },

  async 'popup/refine'(_message, { now }) {
    const target = await loadPendingTarget();
    if (!target) return { checked: null };
    const outside = await outsideContacts(target, await loadConnection(), now);
    const membership = await activeMembership(target.comment.pageId);
    const fan = { pageId: target.comment.pageId, fanId: target.comment.authorId };
    const teamView = membership ? await teamViewOfFan(membership, fan, now) : null;
    const checked = await withDatabase((db) => checkTarget(db, target, outside, now, teamView));
    return { checked: { commentId: target.comment.commentId, ...checked } };
  },

  async 'outreach/reserve'({ commentId, category, templateId, text, override }, { now }) {
    const target = await pickedTarget(commentId);
    const { comment } = target;
    const { commentPostedAt } = requestFor(target);
    const outside = await outsideContacts(target, await loadConnection(), now);
    const { template, settings } = await withDatabase(async (db) => ({
      template: await getTemplate(db, templateId),
      // Read before the check-and-record transaction opens: nothing but IndexedDB requests inside it.
      settings: await loadPolicySettings(db),
    }));
    if (template?.category !== category) throw new RequestError('not-found', 'errorTemplateGone');
    const draft = {
      pageId: comment.pageId,
      pageName: comment.pageName,
      fanId: comment.authorId,
      fanName: comment.authorName,
      fanUrl: comment.authorUrl,
      commentId: comment.commentId,
      postUrl: comment.postUrl,
      commentExcerpt: excerpt(comment.text),
      ...(commentPostedAt !== undefined ? { commentPostedAt } : {}),
      category,
      templateId,
      templateTitle: template.title,
      text,
    };
    const options = {
      overrideReason: override?.reason,
      outsideContacts: outside,
      answeredElsewhere: comment.answeredPrivately === true,
    };
    const membership = await activeMembership(comment.pageId);
    const reserved = membership
      ? await reserveThroughTeam(membership, draft, settings, now, options)
      : await withDatabase((db) => reserveOutreach(db, draft, settings, now, options));
    if (reserved.entry) await announceEntryChange(reserved.entry, now);
    return reserved;
  },

  async 'outreach/deliver'({ entryId }, { now }) {
    const [target, connection] = await Promise.all([loadPendingTarget(), loadConnection()]);
    // The claim, in one readwrite transaction: only a reserved entry moves to sending, so a second
    // deliver of the same entry finds nothing to deliver and nothing goes out twice.
    const entry = await withDatabase((db) => settleOutreach(db, entryId, 'sending', now));
    if (!entry) throw new RequestError('not-found', 'errorEntryGone');
    // The picked comment is the entry's: otherwise its tab (and Graph id) are another comment's.
    const picked = target?.comment.commentId === entry.commentId ? target : null;
    if (picked && graphCanDeliver(connection, picked.comment)) {
      return deliverViaGraph(entry, connection, picked.comment.graphCommentId!, now);
    }
    return { via: 'box', ...(await deliverInTab(entry, picked?.tabId ?? null, now)) };
  },

  async 'outreach/confirm'({ entryId, outcome }, { now }) {
    const entry = await recordDeliveryOutcome(entryId, outcome, now);
    if (!entry) throw new RequestError('not-found', 'errorEntryGone');
    return { entry };
  },

  async 'fan/do-not-contact'({ commentId, doNotContact }, { now }) {
    const target = await pickedTarget(commentId);
    const fan = { pageId: target.comment.pageId, fanId: target.comment.authorId };
    const checked = await withDatabase(async (db) => {
      await setDoNotContact(db, fanProfile(target), doNotContact, now);
      return checkOutreach(db, requestFor(target), await loadPolicySettings(db), now);
    });
    const membership = await activeMembership(fan.pageId);
    if (membership) await markInTeam(membership, fan.fanId, doNotContact, now);
    await announceFanChange(fan, now);
    return { verdicts: checked.verdicts, doNotContact: checked.doNotContact };
  },

  async 'fan/notes'({ commentId, notes }, { now }) {
    const target = await pickedTarget(commentId);
    const fan = fanProfile(target);
    const saved = await withDatabase((db) => setFanNotes(db, fan, notes, now));
    const membership = await activeMembership(fan.pageId);
    if (membership) await shareNote(membership, fan, saved.notes ?? '', now);
    return { notes: saved.notes ?? '' };
  },

  async 'fan/forget'({ commentId }, { now }) {
    const { comment } = await pickedTarget(commentId);
    return { tombstones: await forgetEverywhere({ pageId: comment.pageId, fanId: comment.authorId }, now) };
  },

  async 'log/forget-fan'({ pageId, fanId }, { now }) {
    return { tombstones: await forgetEverywhere({ pageId, fanId }, now) };
  },

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

  async 'templates/list'() {
    return { templates: await withDatabase(listTemplates) };
  },

  async 'templates/save'({ template }) {
    return { template: await withDatabase((db) => saveTemplate(db, template)) };
  },

  async 'templates/delete'({ id }) {
    await withDatabase((db) => deleteTemplate(db, id));
    return {};
  },

  async 'templates/reorder'({ ids }) {
    return { templates: await withDatabase((db) => reorderTemplates(db, ids)) };
  },

  async 'templates/export'(_message, { now }) {
    return { document: await withDatabase((db) => exportTemplatesAndSettings(db, now)) };
  },

  async 'templates/import'({ document, mode }) {
    return withDatabase((db) => importTemplatesAndSettings(db, document, mode));
  },

  async 'backup/export'({ part, exportedAt }) {
    return exportBackupPart(await withDatabase((db) => exportBackup(db, exportedAt)), part);
  },

  async 'backup/upload'({ uploadId, part, text }, { now }) {
    await withDatabase((db) => stageUploadPart(db, { uploadId, part, text }, now));
    return {};
  },

  async 'backup/restore'({ uploadId, parts, mode }, { now }) {
    const restored = await withDatabase((db) => restoreUploadedBackup(db, { uploadId, parts }, mode, now));
    // Open logs reload, and facebook.com tabs ask again for every fan they show.
    await announceEverythingChanged(now);
    return restored;
  },

  async 'surface/get'() {
    return { surface: surfaceOf((await browser.storage.local.get(SURFACE_KEY))[SURFACE_KEY]) };
  },

  async 'surface/set'({ surface }) {
    await browser.storage.local.set({ [SURFACE_KEY]: surface });
    return { surface };
  },

  async 'placeholders/get'() {
    return { placeholders: await withDatabase(loadCustomPlaceholders) };
  },

  async 'placeholders/set'({ placeholders }) {
    await withDatabase((db) => saveCustomPlaceholders(db, placeholders));
    return { placeholders };
  },

  async 'graph/status'() {
    return { page: publicView(await loadConnection()) };
  },

  async 'graph/connect'({ token, remember }) {
    return { page: await connectPage(token, remember) };
  },

  async 'graph/disconnect'() {
    await disconnectPage();
    return {};
  },

  ...teamHandlers,

  async 'settings/get'() {
    return {
      settings: await withDatabase(loadSavedSettings),
      defaults: DEFAULT_POLICY_SETTINGS,
      browserTimeZone: browserTimeZone(),
    };
  },

  async 'settings/set'({ settings }) {
    await withDatabase((db) => savePolicySettings(db, settings));
    return { settings };
  },
};
