import { CATEGORIES, type Category, type OutreachEntry } from '../shared/outreach';
import { fanKey } from './log-query';

/** Weeks the summary chart shows, the current one last. */
export const SUMMARY_WEEKS = 8;

export interface WeekCounts {
  /** Local midnight of the week's Monday. */
  start: number;
  counts: Record<Category, number>;
}

export interface LogSummary {
  weeks: WeekCounts[];
  /** Fans with at least one message, and how many of them got more than one. */
  fans: number;
  repeatFans: number;
  warnings: number;
}

function mondayOf(time: number): Date {
  const day = new Date(time);
  const sinceMonday = (day.getDay() + 6) % 7;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() - sinceMonday);
}

/** The numbers a manager reports, over messages that reached (or may have reached) the fan. */
export function summarize(entries: readonly OutreachEntry[], now: number): LogSummary {
  const sent = entries.filter((entry) => entry.status !== 'failed');
  const thisMonday = mondayOf(now);
  const weeks: WeekCounts[] = Array.from({ length: SUMMARY_WEEKS }, (_, index) => {
    const offset = index - SUMMARY_WEEKS + 1;
    const start = new Date(
      thisMonday.getFullYear(),
      thisMonday.getMonth(),
      thisMonday.getDate() + 7 * offset,
    );
    return {
      start: start.getTime(),
      counts: Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>,
    };
  });
  const firstStart = weeks[0]!.start;
  for (const entry of sent) {
    if (entry.createdAt < firstStart) continue;
    const week = weeks.findLast((candidate) => candidate.start <= entry.createdAt);
    if (week) week.counts[entry.category] += 1;
  }
  const perFan = new Map<string, number>();
  for (const entry of sent) perFan.set(fanKey(entry), (perFan.get(fanKey(entry)) ?? 0) + 1);
  return {
    weeks,
    fans: perFan.size,
    repeatFans: [...perFan.values()].filter((count) => count > 1).length,
    warnings: sent.filter((entry) => entry.category === 'warning').length,
  };
}
