import { clockFace } from '../shared/time';

/** Byte order mark: Excel reads the file as UTF-8 only with it, so accents survive. */
const BOM = '\uFEFF';
/**
 * Values a spreadsheet may read as a formula: one starting with `= + - @`, tab or carriage return,
 * also behind spaces or quotes that some spreadsheets skip.
 */
const FORMULA_START = /^[\s"']*[=+\-@]|^[\t\r]/;
/**
 * Inside a cell, a separator or line break before what would start a formula. A spreadsheet that reads
 * the file with another separator than ours (`;` in Italian, German, French, Spanish or Portuguese)
 * splits each line on it without regard to our quotes, since they are not at the start of its fields:
 * `Lia;=HYPERLINK(…)` would give it a field `=HYPERLINK(…)`.
 */
const FORMULA_AFTER_BREAK = /([,;\t\r\n])(?=[\s"']*[=+\-@]|[\t\r])/g;
/**
 * Characters that make a cell need quotes: `,` and `;` both, since spreadsheets in Italian, German,
 * French, Spanish or Portuguese split on `;` (their list separator), and tab for those that split on it.
 */
const NEEDS_QUOTES = /[",;\t\n\r]/;

/**
 * One CSV cell, spreadsheet-safe: a value that would start a formula gets a leading apostrophe
 * (OWASP's advice for CSV injection), and so does every part of it after a separator or a line break;
 * quotes, separators and line breaks are quoted, so a spreadsheet that honours quotes keeps the cell
 * whole, and one that does not still finds no formula in any piece of it.
 */
export function csvCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_BREAK, "$1'");
  const safe = FORMULA_START.test(inner) ? `'${inner}` : inner;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export type CsvSeparator = ',' | ';';

/**
 * The separator the locale's spreadsheet splits on: `;` where numbers are written with a decimal comma
 * (Excel in Italian, German, French, Spanish, Portuguese), so a file it opens lands in columns.
 */
export function csvSeparatorFor(locale: string): CsvSeparator {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal');
  return decimal?.value === ',' ? ';' : ',';
}

/**
 * A moment as a spreadsheet in any locale reads it as a date and time: `2026-12-07 09:05:00`, in
 * `timeZone` (Excel, LibreOffice and Google Sheets all parse this form; none parses a `Z` offset).
 */
export function csvDateTime(at: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = clockFace(at, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** A whole CSV file: header, rows, CRLF line ends as RFC 4180 has them, UTF-8 BOM first. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  separator: CsvSeparator = ',',
): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(separator)).join('\r\n') + '\r\n';
}
