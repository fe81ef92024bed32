import type { MessageKey } from './i18n';
import type { ComposerFailure } from './messages';
import type { GraphError } from './graph';
import type { Category, EntryStatus } from './outreach';
import type { POLICY_SETTING_KEYS } from './policy-settings';
import type { TemplateLanguage } from './templates';

/** Each policy setting's label, as the options page shows it and the early warning names it. */
export const SETTING_LABELS: Record<(typeof POLICY_SETTING_KEYS)[number], MessageKey> = {
  fanWindowDays: 'settingFanWindowDays',
  fanMonthlyMax: 'settingFanMonthlyMax',
  promoWindowDays: 'settingPromoWindowDays',
  thanksWindowDays: 'settingThanksWindowDays',
  warningCooldownDays: 'settingWarningCooldownDays',
  careDailyMax: 'settingCareDailyMax',
  pageDailyMax: 'settingPageDailyMax',
  postDailyMax: 'settingPostDailyMax',
  strikeWindowDays: 'settingStrikeWindowDays',
  paceSeconds: 'settingPaceSeconds',
  quietHoursStart: 'settingQuietHoursStart',
  quietHoursEnd: 'settingQuietHoursEnd',
  retentionDays: 'settingRetentionDays',
  sightingsKeepDays: 'settingSightingsKeepDays',
};

export const CATEGORY_LABELS: Record<Category, MessageKey> = {
  thanks: 'categoryThanks',
  promo: 'categoryPromo',
  warning: 'categoryWarning',
  care: 'categoryCare',
};

export const LANGUAGE_LABELS: Record<TemplateLanguage, MessageKey> = { en: 'languageEn', it: 'languageIt' };

export const STATUS_LABELS: Record<EntryStatus, MessageKey> = {
  reserved: 'statusPreparing',
  sending: 'statusSending',
  prepared: 'statusPrepared',
  sent: 'statusSent',
  copied: 'statusCopied',
  failed: 'statusFailed',
  unknown: 'statusUnknown',
};

/** Why Facebook's message box could not take a message, completing "Message copied: …". */
export const COMPOSER_FAILURE_LABELS: Record<ComposerFailure, MessageKey> = {
  'no-tab': 'composerNoTab',
  'no-comment': 'composerNoComment',
  'no-control': 'composerNoControl',
  'no-composer': 'composerNoBox',
  'composer-busy': 'composerBusy',
  'not-accepted': 'composerNotAccepted',
};

/** Why the Graph API did not send a message, completing "Not sent: …". */
export const GRAPH_ERROR_LABELS: Record<GraphError, MessageKey> = {
  'token-expired': 'graphErrorTokenExpired',
  'permission-missing': 'graphErrorPermission',
  'comment-too-old': 'graphErrorTooOld',
  'already-answered': 'graphErrorAnswered',
  'cannot-reply': 'graphErrorCannotReply',
  'user-unavailable': 'graphErrorUnavailable',
  'rate-limited': 'graphErrorRateLimited',
  'page-restricted': 'graphErrorRestricted',
  'page-blocked': 'graphErrorBlocked',
  checkpoint: 'graphErrorCheckpoint',
  rejected: 'graphErrorRejected',
  'wrong-recipient': 'graphErrorWrongRecipient',
  'recipient-unconfirmed': 'graphErrorRecipientUnconfirmed',
};
