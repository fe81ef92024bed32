/** Byte order mark: Excel reads the file as UTF-8 only with it, so accents survive. */
const BOM = '\uFEFF';
/**
 * Values a spreadsheet may read as a formula: one starting with `= + - @`, tab or carriage return,
 * also behind spaces or quotes that some spreadsheets skip.
 */
const FORMULA_START = /^[\s"']*[=+\-@]|^[\t\r]/;
/**
 * Characters that make a cell need quotes: `,` and `;` both, since spreadsheets in Italian, German,
 * French, Spanish or Portuguese split on `;` (their list separator), and tab for those that split on it.
 */
const NEEDS_QUOTES = /[",;\t\n\r]/;

/**
 * One CSV cell, spreadsheet-safe: a value that would start a formula gets a leading apostrophe
 * (OWASP's advice for CSV injection), and quotes, separators and line breaks are quoted, so no
 * part of a cell can become a cell of its own, whichever separator the spreadsheet reads with.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV file: header, rows, CRLF line ends as RFC 4180 has them, UTF-8 BOM first. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
