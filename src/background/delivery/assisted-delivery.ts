import browser from 'webextension-polyfill';
import {
  ComposerFillReplySchema,
  type ExtensionToContent,
  type ComposerFillReply,
} from '../../shared/messages';
import type { ComposerOutcome, OutreachEntry } from '../../shared/outreach';
import { recordDeliveryOutcome } from './delivery-outcome';
import type { TeamPort } from '../team-port';
import { RequestError } from '../request';
import { KEYS } from '../storage/keys';
import { readAllStored, readStored, removeStored, writeStored } from '../storage/stored';

/**
 * Assisted delivery: the comment's own tab opens Facebook's message box for the comment, puts the text
 * in it and watches for the admin to press Facebook's Send. Which tab holds which entry is kept in
 * `storage.session` (it outlives the worker, and content scripts cannot read it), so only that tab may
 * report the outcome, and a tab that closes or reloads leaves its entry "unknown".
 */
const remember = (entryId: string, record: { tabId: number }) =>
  writeStored(KEYS.assistedTab, record, entryId);
const recall = (entryId: string) => readStored(KEYS.assistedTab, entryId);
const forget = (entryId: string) => removeStored(KEYS.assistedTab, entryId);

/** Asks the tab to fill Facebook's box; any failure to reach it is "no tab", never an exception. */
async function askTab(tabId: number, message: ExtensionToContent): Promise<ComposerFillReply> {
  try {
    const parsed = ComposerFillReplySchema.safeParse(await browser.tabs.sendMessage(tabId, message));
    return parsed.success ? parsed.data : { prepared: false, reason: 'no-tab' };
  } catch {
    return { prepared: false, reason: 'no-tab' };
  }
}

/**
 * Hands a reserved entry to the tab of its comment. When the tab put the text in Facebook's box the
 * entry is `prepared`; otherwise it stays reserved and the popup falls back to the clipboard.
 */
export async function deliverInTab(
  team: TeamPort,
  entry: OutreachEntry,
  tabId: number | null,
  now: number,
): Promise<ComposerFillReply> {
  const entryId = entry.id;
  if (tabId === null) return { prepared: false, reason: 'no-tab' };
  await remember(entryId, { tabId });
  const reply = await askTab(tabId, {
    type: 'composer/fill',
    entryId,
    commentId: entry.commentId,
    text: entry.text,
  });
  if (reply.prepared) await recordDeliveryOutcome(team, entryId, 'prepared', now);
  else await forget(entryId);
  return reply;
}

/** The outcome reported by the tab watching Facebook's box; any other tab is refused. */
export async function recordComposerOutcome(
  team: TeamPort,
  entryId: string,
  outcome: ComposerOutcome,
  tabId: number | undefined,
  now: number,
  sentText?: string,
): Promise<void> {
  const record = await recall(entryId);
  if (!record || record.tabId !== tabId) throw new RequestError('forbidden');
  await forget(entryId);
  await recordDeliveryOutcome(team, entryId, outcome, now, sentText === undefined ? {} : { sentText });
}

/** A tab that closed or started loading another page can no longer tell how its messages ended. */
export async function abandonTab(team: TeamPort, tabId: number, now: number): Promise<void> {
  const held = await readAllStored(KEYS.assistedTab);
  const entryIds = [...held].filter(([, record]) => record.tabId === tabId).map(([entryId]) => entryId);
  for (const entryId of entryIds) {
    await forget(entryId);
    await recordDeliveryOutcome(team, entryId, 'unknown', now);
  }
}
