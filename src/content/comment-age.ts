import { DAY_MS, HOUR_MS, MINUTE_MS } from '../shared/time';

const WEEK_MS = 7 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

/**
 * Facebook's compact comment timestamps ("2d", "5 Std.", "3 sett", "٢ ي") by unit word, per UI
 * language. Case matters: in German "J." is a year, in French "j" is a day. A word missing here makes
 * the age unknown, never wrong.
 */
const UNIT_MS: Readonly<Record<string, number>> = {
  // English
  m: MINUTE_MS,
  h: HOUR_MS,
  d: DAY_MS,
  w: WEEK_MS,
  y: YEAR_MS,
  // Italian, Spanish, French and Portuguese (minutes and hours as in English)
  min: MINUTE_MS,
  g: DAY_MS,
  j: DAY_MS,
  sett: WEEK_MS,
  sem: WEEK_MS,
  a: YEAR_MS,
  an: YEAR_MS,
  anni: YEAR_MS,
  // German
  Min: MINUTE_MS,
  Std: HOUR_MS,
  T: DAY_MS,
  W: WEEK_MS,
  J: YEAR_MS,
  // Arabic
  د: MINUTE_MS,
  س: HOUR_MS,
  ي: DAY_MS,
  أ: WEEK_MS,
};

/** Arabic-Indic and Persian digits, as Facebook writes them in those UIs. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const COMPACT_TIMESTAMP = /^(\d{1,4})\s*([^\d\s.]+)\.?$/u;

function westernDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/**
 * How old a comment is at least, from the timestamp Facebook shows beside it, in milliseconds; null
 * when the label is not a compact timestamp this module knows.
 */
export function commentAgeMs(timestamp: string): number | null {
  const match = COMPACT_TIMESTAMP.exec(westernDigits(timestamp.trim()));
  if (!match) return null;
  const unit = UNIT_MS[match[2]!];
  return unit === undefined ? null : Number(match[1]) * unit;
}
