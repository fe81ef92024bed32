import browser from 'webextension-polyfill';
import type { PendingTarget } from '../../shared/messages';
import { t } from '../../shared/i18n';
import { sidePanelShowing } from '../../shared/side-panel';
import { KEYS } from '../storage/keys';
import { readStored, removeStored, writeStored } from '../storage/stored';

/** Badge text telling the admin a comment is waiting in the popup. */
const WAITING_BADGE = '1';
const WAITING_BADGE_COLOR = '#1b74e4';

/**
 * The comment the admin clicked "Send message" on. It lives in `storage.session`: it survives the worker
 * being killed, is forgotten when the browser closes, and content scripts cannot read it.
 */
export async function loadPendingTarget(): Promise<PendingTarget | null> {
  return readStored(KEYS.pendingTarget);
}

export async function savePendingTarget(target: PendingTarget): Promise<void> {
  await writeStored(KEYS.pendingTarget, target);
}

export async function clearPendingTarget(): Promise<void> {
  await removeStored(KEYS.pendingTarget);
}

/**
 * Shows the compose view on the picked comment: in the side panel when it opened (`panelOpened`) or
 * was open already, since it follows the picked comment by itself; else in the popup, where the
 * browser allows it without a toolbar click. The badge says a comment waits either way.
 */
export async function announcePendingTarget(
  target: PendingTarget,
  panelOpened: Promise<boolean>,
): Promise<boolean> {
  await Promise.all([
    browser.action.setBadgeText({ text: WAITING_BADGE }),
    browser.action.setBadgeBackgroundColor({ color: WAITING_BADGE_COLOR }),
    browser.action.setTitle({ title: t('badgeTargetWaiting', target.comment.authorName) }),
  ]);
  if ((await panelOpened) || (await sidePanelShowing())) return true;
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    // Firefox wants a user gesture in the extension itself, and Chrome needs a focused window: the
    // badge stays as the signal and the popup opens on the target when the admin clicks the icon.
    return false;
  }
}

export async function clearPendingBadge(): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: '' }),
    browser.action.setTitle({ title: t('actionTitle') }),
  ]);
}
