import { DAY_MS } from '../../shared/time';

export const WEEK_MS = 7 * DAY_MS;
/** Midnight UTC, Monday 5 January 1970: weeks are counted from a Monday. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** The number of the UTC week (Monday to Sunday) a moment falls in. */
export const weekOf = (at: number): number => Math.floor((at - FIRST_MONDAY_MS) / WEEK_MS);

/** When a week (by its number) begins. */
export const weekStart = (week: number): number => FIRST_MONDAY_MS + week * WEEK_MS;
