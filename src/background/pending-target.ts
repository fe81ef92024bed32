import browser from 'webextension-polyfill';
import type { PendingTarget } from '../shared/messages';
import { t } from '../shared/i18n';

const STORAGE_KEY = 'pendingTarget';
/** Badge text telling the admin a comment is waiting in the popup. */
const WAITING_BADGE = '1';
const WAITING_BADGE_COLOR = '#1b74e4';

/**
 * The comment the admin clicked "Send message" on. It lives in `storage.session`: it survives the worker
 * being killed, is forgotten when the browser closes, and content scripts cannot read it.
 */
export async function loadPendingTarget(): Promise<PendingTarget | null> {
  const stored = await browser.storage.session.get(STORAGE_KEY);
  return (stored[STORAGE_KEY] as PendingTarget | undefined) ?? null;
}

export async function savePendingTarget(target: PendingTarget): Promise<void> {
  await browser.storage.session.set({ [STORAGE_KEY]: target });
}

export async function clearPendingTarget(): Promise<void> {
  await browser.storage.session.remove(STORAGE_KEY);
}

/** Shows the badge, then opens the popup where the browser allows it without a toolbar click. */
export async function announcePendingTarget(target: PendingTarget): Promise<boolean> {
  await Promise.all([
    browser.action.setBadgeText({ text: WAITING_BADGE }),
    browser.action.setBadgeBackgroundColor({ color: WAITING_BADGE_COLOR }),
    browser.action.setTitle({ title: t('badgeTargetWaiting', target.comment.authorName) }),
  ]);
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
