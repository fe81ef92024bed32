import browser from 'webextension-polyfill';
import type { z } from 'zod';
import type { CommentContext } from '../../shared/comment-context';
import type { ExtensionToContent, NextCommentReply, PendingTarget } from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { rememberPrivateReply } from '../fans/fan-store';
import { savePendingTarget } from './pending-target';
import { fanProfile, requestFor } from './picked-target';

/**
 * Makes a comment in `tabId` the pending target. A private reply Facebook notes under it is
 * remembered at once: it counts whether or not the admin writes to this fan.
 */
export async function pick(
  { comment, facebookLanguage }: NextCommentReply & { comment: CommentContext },
  tabId: number,
  now: number,
): Promise<PendingTarget> {
  const target = { comment, tabId, selectedAt: now, ...(facebookLanguage ? { facebookLanguage } : {}) };
  await savePendingTarget(target);
  if (comment.answeredPrivately) {
    await withDatabase((db) => rememberPrivateReply(db, fanProfile(target), requestFor(target), now));
  }
  return target;
}

/**
 * What a facebook.com tab's content script answers, parsed like anything a page says; null when the
 * tab closed, left facebook.com or answered something else.
 */
export async function askTab<T>(
  tabId: number,
  asked: ExtensionToContent,
  schema: z.ZodType<T>,
): Promise<T | null> {
  try {
    const parsed = schema.safeParse(await browser.tabs.sendMessage(tabId, asked));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
