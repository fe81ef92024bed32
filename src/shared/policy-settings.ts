import { z } from 'zod';

/** The range that keeps each setting meaningful; the options page quotes it in its errors. */
export const POLICY_SETTING_BOUNDS = {
  fanWindowDays: [1, 365],
  fanMonthlyMax: [1, 30],
  promoWindowDays: [1, 365],
  thanksWindowDays: [1, 365],
  warningCooldownDays: [1, 365],
  careDailyMax: [1, 20],
  pageDailyMax: [1, 1000],
  postDailyMax: [1, 100],
  strikeWindowDays: [1, 730],
  paceSeconds: [0, 600],
  quietHoursStart: [0, 23],
  quietHoursEnd: [0, 23],
  retentionDays: [30, 3650],
  sightingsKeepDays: [30, 730],
} as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DEFAULT_SIGHTINGS_KEEP_DAYS = 180;
const DEFAULT_POST_DAILY_MAX = 5;

/** A whole number within the bounds of one setting. */
function count([min, max]: readonly [number, number]) {
  return z.number().int().min(min).max(max);
}

/**
 * Every number the policy uses, editable on the options page. The bounds keep each rule meaningful:
 * a window of 0 days or a cap of 0 messages would silently turn a rule off or block everything.
 */
export const PolicySettingsSchema = z.strictObject({
  /** Any message but customer care: at most one per fan per this many days… */
  fanWindowDays: count(POLICY_SETTING_BOUNDS.fanWindowDays),
  /** …and at most this many per fan in any 30 days. */
  fanMonthlyMax: count(POLICY_SETTING_BOUNDS.fanMonthlyMax),
  /** Promos: at most one per fan per this many days. */
  promoWindowDays: count(POLICY_SETTING_BOUNDS.promoWindowDays),
  /** Thank-yous: at most one per fan per this many days. */
  thanksWindowDays: count(POLICY_SETTING_BOUNDS.thanksWindowDays),
  /** After a pre-ban warning, no promo or thank-you for this many days. */
  warningCooldownDays: count(POLICY_SETTING_BOUNDS.warningCooldownDays),
  /** Customer care is exempt from the rules above, but at most this many per fan per 24 hours. */
  careDailyMax: count(POLICY_SETTING_BOUNDS.careDailyMax),
  /** All private messages of one Page, to anyone, of any category: at most this many per 24 hours. */
  pageDailyMax: count(POLICY_SETTING_BOUNDS.pageDailyMax),
  /**
   * Private replies under one post in 24 hours, customer care never held (added later: defaulted).
   * Each leaves "<Page> responded privately" under its comment: a post full of them looks invasive.
   */
  postDailyMax: count(POLICY_SETTING_BOUNDS.postDailyMax).default(DEFAULT_POST_DAILY_MAX),
  /** Pre-ban warnings count as strikes for this many days. */
  strikeWindowDays: count(POLICY_SETTING_BOUNDS.strikeWindowDays),
  /** At most one send from this browser per this many seconds: bursts look automated (0: off). */
  paceSeconds: count(POLICY_SETTING_BOUNDS.paceSeconds),
  /** No promo from this hour… */
  quietHoursStart: count(POLICY_SETTING_BOUNDS.quietHoursStart),
  /** …until this hour, in the admin's time zone (the same hour for both: no quiet hours). */
  quietHoursEnd: count(POLICY_SETTING_BOUNDS.quietHoursEnd),
  /**
   * The log keeps entries this many days, or as long as the longest rule looks back if that is longer,
   * so forgetting old entries never frees a fan early.
   */
  retentionDays: count(POLICY_SETTING_BOUNDS.retentionDays),
  /** Fans' comments seen are kept this many days for "did they come back?" (added later: defaulted). */
  sightingsKeepDays: count(POLICY_SETTING_BOUNDS.sightingsKeepDays).default(DEFAULT_SIGHTINGS_KEEP_DAYS),
  /** The admin's IANA time zone for quiet hours; the browser's own when not set. */
  timeZone: z
    .string()
    .max(100)
    .refine((zone) => isTimeZone(zone), { message: 'must be an IANA time zone' })
    .optional(),
});

export type PolicySettings = z.infer<typeof PolicySettingsSchema>;

export const DEFAULT_POLICY_SETTINGS: PolicySettings = {
  fanWindowDays: 7,
  fanMonthlyMax: 3,
  promoWindowDays: 30,
  thanksWindowDays: 14,
  warningCooldownDays: 14,
  careDailyMax: 3,
  pageDailyMax: 50,
  postDailyMax: DEFAULT_POST_DAILY_MAX,
  strikeWindowDays: 90,
  paceSeconds: 20,
  quietHoursStart: 21,
  quietHoursEnd: 9,
  retentionDays: 365,
  sightingsKeepDays: DEFAULT_SIGHTINGS_KEEP_DAYS,
};

/** The numeric settings, in the order the options page shows them. */
export const POLICY_SETTING_KEYS = Object.keys(POLICY_SETTING_BOUNDS) as Array<
  keyof typeof POLICY_SETTING_BOUNDS
>;
