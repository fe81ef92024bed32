import { computed, effect, signal } from '@preact/signals';
import browser from 'webextension-polyfill';
import { request } from '../shared/background-client';
import { OUTREACH_CHANGE_KEY, type OutreachChange } from '../shared/fan-status';
import { tCount } from '../shared/i18n';
import type { ReplyOf } from '../shared/messages';
import {
  CATEGORIES,
  isOverridable,
  MIN_OVERRIDE_REASON,
  type Category,
  type CorrectionLabel,
  type Verdict,
} from '../shared/outreach';
import { fillAndCheck, placeholdersIn, placeholderValues, type FilledMessage } from '../shared/placeholders';
import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import type { TemplateLanguage } from '../shared/templates';
import { assistedDelivery } from './delivery/assisted-delivery';
import { describeDelivery, describeVerdict, type Outcome } from './format';
import { preselect, type LastUsed } from './preselect';
import { pickFromQueue, takeNext } from './queue-store';
import { CATEGORY_FOR_KIND } from '../shared/triage';

type Loaded = ReplyOf<'popup/open'>;

/** Where the admin's last sends per category are remembered, to preselect the template next time. */
const LAST_USED_KEY = 'lastUsedTemplates';

/** The popup's one store, fed by the background's replies; components only read it and call actions. */
export const loaded = signal<Loaded | null>(null);
export const loadError = signal<string | null>(null);
export const templateId = signal<string | null>(null);
/** The category in view: its verdict is the one sentence shown, its templates the list. */
export const chosenCategory = signal<Category>(CATEGORIES[0]);
/** The admin's own wording for this one message, or null to send the template as filled. */
export const editedText = signal<string | null>(null);
export const overrideReason = signal('');
/**
 * Compose, then confirm: nothing is sent before the admin has seen recipient and final text. Once a
 * message is on its way, done: the outcome and the next comment, never the same confirmation again.
 */
export const stage = signal<'compose' | 'confirm' | 'done'>('compose');
/** "Next comment" found none below the target on its page. */
export const lastComment = signal(false);
export const outcome = signal<Outcome | null>(null);
export const sending = signal(false);
export const search = signal('');
export const forgottenNote = signal<string | null>(null);
/** The last send on a team's Page was decided without its server, which did not answer. */
export const teamUnchecked = signal(false);
/** Bumped when the admin picks another comment while this page is open: the compose view loads it. */
export const pickedAt = signal(0);

/** Where the background keeps the picked comment (see pending-target.ts). */
const PENDING_TARGET_KEY = 'pendingTarget';

/** The templates offered for the target Page's messages: those in its language, in list order. */
export const pageTemplates = computed(() => {
  const state = loaded.value;
  return state?.templates.filter((candidate) => candidate.language === state.pageLanguage) ?? [];
});

export const template = computed(
  () => loaded.value?.templates.find((candidate) => candidate.id === templateId.value) ?? null,
);
export const filled = computed(() => {
  const target = loaded.value?.target;
  return target && template.value
    ? fillAndCheck(template.value.body, placeholderValues(target.comment, loaded.value?.placeholders))
    : null;
});
export const finalText = computed(() => editedText.value ?? filled.value?.text ?? '');
/**
 * What blocks the message as it stands: the template's unknown and empty placeholders, or, once the
 * admin edits the text, any `{name}` left in it, which would go out as written.
 */
export const messageCheck = computed((): FilledMessage | null => {
  const edited = editedText.value;
  if (edited === null) return filled.value;
  return { text: edited, unknown: placeholdersIn(edited), empty: [] };
});
/** Placeholders to fix before the message can be reviewed. */
export const placeholdersToFix = computed(
  () => (messageCheck.value?.unknown.length ?? 0) + (messageCheck.value?.empty.length ?? 0) > 0,
);
export const selectedVerdict = computed(() => loaded.value?.verdicts?.[chosenCategory.value] ?? null);
/** A soft rule can be overridden with a reason, which goes into the log; Facebook's rules cannot. */
export const overridable = computed(() => {
  const verdict = selectedVerdict.value;
  return isOverridable(verdict);
});
export const canSend = computed(() => {
  const text = finalText.value.trim();
  const allowed =
    selectedVerdict.value?.allowed !== false ||
    (overridable.value && overrideReason.value.trim().length >= MIN_OVERRIDE_REASON);
  return (
    template.value !== null &&
    !sending.value &&
    !loaded.value?.graphPause &&
    text.length > 0 &&
    text.length <= MAX_MESSAGE_LENGTH &&
    !placeholdersToFix.value &&
    allowed
  );
});

async function lastUsed(): Promise<LastUsed> {
  const stored = await browser.storage.local.get(LAST_USED_KEY);
  return (stored[LAST_USED_KEY] as LastUsed | undefined) ?? { byCategory: {} };
}

/**
 * Follows the comments the admin picks on facebook.com while this page is open (the side panel stays
 * open through a whole thread): each new one starts a fresh compose, and `onPicked` brings the compose
 * view forward. Returns the unsubscribe.
 */
export function followPickedComment(onPicked: () => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const picked = changes[PENDING_TARGET_KEY]?.newValue as { comment?: { commentId?: string } } | undefined;
    if (area !== 'session' || !picked?.comment) return;
    if (picked.comment.commentId === loaded.value?.target?.comment.commentId) return;
    takeTemplate(null);
    outcome.value = null;
    lastComment.value = false;
    forgottenNote.value = null;
    teamUnchecked.value = false;
    stage.value = 'compose';
    pickedAt.value += 1;
    onPicked();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Where a verdict's window ends, the popup asks again a little after it, so the background, whose
 * clock may run a moment behind the page's, finds it over.
 */
const EXPIRY_MARGIN_MS = 500;
/** Longer waits are cut to this: a timer's delay overflows past 24.8 days and would fire at once. */
const MAX_VERDICT_WAIT_MS = 24 * 60 * 60_000;

/** The first moment a refusal now shown ends, if any ends in the future. */
export function nextVerdictChange(verdicts: Record<Category, Verdict> | null, now: number): number | null {
  const ends = Object.values(verdicts ?? {}).flatMap((verdict) =>
    !verdict.allowed && verdict.eligibleAt !== undefined && verdict.eligibleAt > now
      ? [verdict.eligibleAt]
      : [],
  );
  return ends.length > 0 ? Math.min(...ends) : null;
}

/**
 * Keeps the verdicts shown true while the compose view is open, without a click: asked again when
 * any outreach to this fan changes (a send here or in another tab, a teammate's, an outcome settled,
 * a restore), and when the first refusal shown runs out. Returns the unsubscribe.
 */
export function followVerdicts(): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[OUTREACH_CHANGE_KEY]?.newValue as OutreachChange | undefined;
    const target = loaded.value?.target?.comment;
    if (area !== 'local' || !change || !target) return;
    if (change.kind === 'all' || (change.pageId === target.pageId && change.fanId === target.authorId))
      void refine();
  };
  browser.storage.onChanged.addListener(onChanged);
  const stopTimer = effect(() => {
    const now = Date.now();
    const next = nextVerdictChange(loaded.value?.verdicts ?? null, now);
    if (next === null) return;
    const wait = Math.min(next - now + EXPIRY_MARGIN_MS, MAX_VERDICT_WAIT_MS);
    const timer = setTimeout(() => void refine(), wait);
    return () => clearTimeout(timer);
  });
  return () => {
    browser.storage.onChanged.removeListener(onChanged);
    stopTimer();
  };
}

export async function openCompose(): Promise<void> {
  const [reply, used] = await Promise.all([request({ type: 'popup/open' }), lastUsed()]);
  if (!reply.ok) {
    loadError.value = reply.error.message;
    return;
  }
  loaded.value = reply.data;
  triageCorrected.value = false;
  if (reply.data.target) {
    // The comment's suggested kind opens its category; whatever the admin then picks wins.
    const suggested = reply.data.triage ? CATEGORY_FOR_KIND[reply.data.triage.kind] : null;
    const preselected = preselect(pageTemplates.value, reply.data.verdicts, used, suggested);
    const picked = reply.data.templates.find((candidate) => candidate.id === preselected);
    templateId.value = preselected;
    chosenCategory.value = picked?.category ?? suggested ?? firstAllowed(reply.data.verdicts);
  }
  const team = reply.data.team;
  await Promise.all([
    reply.data.refining ? refine() : undefined,
    team && !team.removed ? syncTeam() : undefined,
  ]);
}

/** On a team's Page: the team's templates and sync state, fresh from a sync the popup's opening asks for. */
async function syncTeam(): Promise<void> {
  const reply = await request({ type: 'popup/sync' });
  if (!reply.ok || reply.data.commentId === null) return;
  const { commentId, templates, team } = reply.data;
  patchLoaded(commentId, () => ({ templates, team }));
}

/**
 * Applies what a request answered to the popup's state as it is now, not as it was when the request
 * left (other answers may have come meanwhile), and only while the popup still shows that comment.
 */
function patchLoaded(commentId: string, patch: (state: Loaded) => Partial<Loaded>): void {
  const state = loaded.value;
  if (state?.target?.comment.commentId === commentId) loaded.value = { ...state, ...patch(state) };
}

/** Adds what only the Graph API can tell (the Page's messages to the fan from elsewhere) once painted. */
async function refine(): Promise<void> {
  const reply = await request({ type: 'popup/refine' });
  if (!reply.ok || !reply.data.checked) return;
  const { commentId, ...checked } = reply.data.checked;
  patchLoaded(commentId, () => ({ ...checked, refining: false }));
}

/** The category to show first when no template is preselected: the first the policy allows now. */
function firstAllowed(verdicts: Record<Category, Verdict> | null): Category {
  return CATEGORIES.find((category) => verdicts?.[category].allowed) ?? CATEGORIES[0];
}

/** Shows a category: its verdict and its templates; a template of another category is let go. */
export function pickCategory(category: Category): void {
  chosenCategory.value = category;
  if (template.value && template.value.category !== category) takeTemplate(null);
}

/** Takes up a template (or none): the wording edited for the last one and its override reason go. */
function takeTemplate(id: string | null): void {
  templateId.value = id;
  editedText.value = null;
  overrideReason.value = '';
}

export function pickTemplate(id: string): void {
  const picked = loaded.value?.templates.find((candidate) => candidate.id === id);
  if (picked) chosenCategory.value = picked.category;
  takeTemplate(id);
  outcome.value = null;
  stage.value = 'compose';
}

/**
 * Writes this Page's messages in `language` from now on, here and on every later comment of the
 * Page; a template in another language is let go.
 */
export async function choosePageLanguage(language: TemplateLanguage): Promise<void> {
  const target = loaded.value?.target;
  if (!target) return;
  const reply = await request({ type: 'page/language', pageId: target.comment.pageId, language });
  if (!reply.ok) return void (outcome.value = { kind: 'error', text: reply.error.message });
  patchLoaded(target.comment.commentId, () => ({ pageLanguage: reply.data.language }));
  if (template.value && template.value.language !== reply.data.language) takeTemplate(null);
}

export function review(): void {
  if (canSend.value) stage.value = 'confirm';
}

async function remember(category: Category, id: string): Promise<void> {
  const used = await lastUsed();
  await browser.storage.local.set({
    [LAST_USED_KEY]: { byCategory: { ...used.byCategory, [category]: id }, latest: id } satisfies LastUsed,
  });
}

/** Reserve → deliver (Facebook's message box, else the clipboard), then say what happened. */
export async function send(): Promise<void> {
  const state = loaded.value;
  const chosen = template.value;
  if (!state?.target || !chosen || !canSend.value) return;
  const { comment } = state.target;
  const text = finalText.value.trim();
  sending.value = true;
  let next: typeof stage.value = 'compose';
  try {
    const reserved = await request({
      type: 'outreach/reserve',
      commentId: comment.commentId,
      category: chosen.category,
      templateId: chosen.id,
      text,
      ...(overridable.value ? { override: { reason: overrideReason.value.trim() } } : {}),
    });
    if (!reserved.ok) return void (outcome.value = { kind: 'error', text: reserved.error.message });
    const { entry, verdict, teamChecked } = reserved.data;
    teamUnchecked.value = teamChecked === false;
    patchLoaded(comment.commentId, (now) =>
      now.verdicts ? { verdicts: { ...now.verdicts, [chosen.category]: verdict } } : {},
    );
    if (!entry) {
      outcome.value = { kind: 'refused', text: describeVerdict(verdict, comment.authorName, Date.now()) };
      return;
    }
    const delivered = await assistedDelivery.deliver({
      entryId: entry.id,
      recipientName: comment.authorName,
      text,
    });
    outcome.value = describeDelivery(delivered, comment);
    if (DELIVERED.includes(delivered.status)) {
      next = 'done';
      await remember(chosen.category, chosen.id);
    }
  } finally {
    sending.value = false;
    stage.value = next;
  }
}

/** Deliveries after which the message is out of the admin's hands here: in Facebook's box, copied, sent. */
const DELIVERED: readonly string[] = ['prepared', 'copied', 'api-sent'];

/**
 * Picks the fan comment after this one on its page; the compose view then opens on it as on any pick
 * (followPickedComment). Says so when there is none below.
 */
/**
 * After a send: the next comment to answer. A comment picked from the side panel's queue is followed
 * by the queue's next one; any other by the next fan comment below it on the page.
 */
export async function pickNextComment(): Promise<void> {
  const current = loaded.value?.target?.comment.commentId;
  const queued = current === undefined ? undefined : takeNext(current);
  if (queued) return void (lastComment.value = !(await pickFromQueue(queued.commentId)));
  if (queued === null) return void (lastComment.value = true);
  const reply = await request({ type: 'target/next' });
  if (!reply.ok) return void (outcome.value = { kind: 'error', text: reply.error.message });
  lastComment.value = !reply.data.picked;
}

/** Set once the admin corrected the picked comment's triage: the compose view says it was noted. */
export const triageCorrected = signal(false);

/** The admin's word on what the picked comment is; the triage learns it, and suggests afresh. */
export async function correctTriage(label: CorrectionLabel): Promise<void> {
  const commentId = loaded.value?.target?.comment.commentId;
  if (!commentId) return;
  const reply = await request({ type: 'triage/correct', commentId, label });
  if (!reply.ok) return void (outcome.value = { kind: 'error', text: reply.error.message });
  patchLoaded(commentId, () => ({ triage: reply.data.triage }));
  triageCorrected.value = true;
}

export async function markDoNotContact(marked: boolean): Promise<void> {
  const commentId = loaded.value?.target?.comment.commentId;
  if (!commentId) return;
  // Shown at once: a render while the background answers must not flip the box back.
  patchLoaded(commentId, () => ({ doNotContact: marked }));
  const reply = await request({ type: 'fan/do-not-contact', commentId, doNotContact: marked });
  if (!reply.ok) {
    patchLoaded(commentId, () => ({ doNotContact: !marked }));
    return void (outcome.value = { kind: 'error', text: reply.error.message });
  }
  patchLoaded(commentId, () => ({ verdicts: reply.data.verdicts, doNotContact: reply.data.doNotContact }));
}

export function fanForgotten(tombstones: number): void {
  const state = loaded.value;
  if (!state?.target) return;
  forgottenNote.value = tCount('fanForgotten', tombstones, [
    state.target.comment.authorName,
    String(tombstones),
  ]);
  loaded.value = { ...state, target: null, verdicts: null };
}
