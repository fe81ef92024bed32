import { z } from 'zod';
import { CATEGORIES, CategorySchema } from './outreach';
import { POLICY_SETTING_KEYS } from './policy-settings';
import { SIGHTING_SOURCES } from './sightings';

/** The windows "came back" is measured over, in days. */
export const CAME_BACK_WINDOWS = [14, 30] as const;
/** Below this many matched messaged fans a figure is "not enough data yet". */
export const MIN_MATCHED_FANS = 30;
/**
 * Template fatigue: the same final text sent to this many fans within the window nudges the admin to
 * vary it. Fans compare notes, and a Page that sends everyone the same words reads as a machine.
 */
export const FATIGUE_THRESHOLDS = [
  { days: 7, fans: 5 },
  { days: 30, fans: 15 },
] as const;
/** Posts one reading of the Page's comments through the Graph API reads at most: six months of three a day. */
export const GRAPH_MAX_POSTS_READ = 600;
/** Weeks of the weekly series the Discretion view shows. */
export const SERIES_WEEKS = 12;

type SettingKey = (typeof POLICY_SETTING_KEYS)[number];

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();
const time = z.number().int().nonnegative();

/** One category's "came back" over one window: shares with intervals, the difference, the sample. */
export const CameBackFigureSchema = z.strictObject({
  /** The sightings it rests on: posts opened in this browser, or the Page's comments read through the Graph API. */
  source: z.enum(SIGHTING_SOURCES),
  category: CategorySchema,
  windowDays: z.number().int().positive(),
  matched: count,
  unmatched: count,
  controls: count,
  messagedRate: share,
  messagedInterval: z.strictObject({ low: share, high: share }),
  baselineRate: share,
  /** Null: "not enough data yet". */
  difference: z
    .strictObject({
      estimate: z.number().min(-1).max(1),
      low: z.number().min(-1).max(1),
      high: z.number().min(-1).max(1),
    })
    .nullable(),
});
export type CameBackFigure = z.infer<typeof CameBackFigureSchema>;

/** A report's figure for one source, kind of message and window. */
export function figureOf(
  report: { figures: readonly CameBackFigure[] },
  wanted: Pick<CameBackFigure, 'source' | 'category' | 'windowDays'>,
): CameBackFigure | undefined {
  return report.figures.find(
    ({ source, category, windowDays }) =>
      source === wanted.source && category === wanted.category && windowDays === wanted.windowDays,
  );
}

export const WeekCountsSchema = z.strictObject({
  start: time,
  messages: count,
  byCategory: z.record(CategorySchema, count),
  commenters: count,
  returning: count,
});

/** What one source of sightings covers, and how many of the Page's messages it could place. */
export const SourceCoverageSchema = z.strictObject({
  source: z.enum(SIGHTING_SOURCES),
  sightings: count,
  posts: count,
  since: time.nullable(),
  withFacebookTime: count,
  /** Messages it places: on a post it holds (page) or about a comment it read (Graph API). */
  placed: count,
  /** Messages it cannot: their comment never read through it (or a forgotten fan's). */
  unplaced: count,
});
export type SourceCoverage = z.infer<typeof SourceCoverageSchema>;

/**
 * The last reading of the Page's comments through the Graph API: how far it went, and why it stopped
 * short where it did (the store was full, or it read the most posts one reading reads).
 */
export const GraphReadingViewSchema = z.strictObject({
  startedAt: time,
  finishedAt: time.nullable(),
  posts: count,
  comments: count,
  added: count,
  stoppedBy: z.enum(['full', 'posts']).nullable(),
});
export type GraphReadingView = z.infer<typeof GraphReadingViewSchema>;

/** What the Discretion view shows of one Page. */
export const DiscretionReportSchema = z.strictObject({
  pageId: z.string().max(300),
  figures: z
    .array(CameBackFigureSchema)
    .max(CATEGORIES.length * CAME_BACK_WINDOWS.length * SIGHTING_SOURCES.length),
  /**
   * The source the series, the warning and "went quiet" rest on, and the one the compose view quotes:
   * the Graph API's where it holds more comments than this browser saw (fans are named differently in
   * each, so the two are never added up).
   */
  primarySource: z.enum(SIGHTING_SOURCES),
  series: z.array(WeekCountsSchema).max(SERIES_WEEKS),
  warning: z
    .strictObject({
      weeks: count,
      categories: z.array(CategorySchema).max(CATEGORIES.length),
      limits: z
        .array(z.enum(POLICY_SETTING_KEYS as [SettingKey, ...SettingKey[]]))
        .max(CATEGORIES.length + 1),
    })
    .nullable(),
  /** Messaged fans not seen since a promo or a warning at least 14 days ago, newest first. */
  wentQuiet: z
    .array(z.strictObject({ fanName: z.string().max(300), category: CategorySchema, at: time }))
    .max(20),
  /** Posts by the private replies sent under their comments, most first. */
  posts: z.array(z.strictObject({ postUrl: z.string().max(2000), replies: count, lastAt: time })).max(10),
  /** What the figures rest on, per source: comments seen, on how many posts, since when. */
  coverage: z.array(SourceCoverageSchema).max(SIGHTING_SOURCES.length),
  /** The Graph API reading of the Page's comments: whether the connected Page can, and the last one. */
  graph: z.strictObject({ canRead: z.boolean(), last: GraphReadingViewSchema.nullable() }),
});
export type DiscretionReport = z.infer<typeof DiscretionReportSchema>;
