/** Byte order mark: Excel reads the file as UTF-8 only with it, so accents survive. */
const BOM = '\uFEFF';
/** Characters that make a spreadsheet treat a cell as a formula (also tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, spreadsheet-safe: a value that would start a formula gets a leading apostrophe
 * (OWASP's advice for CSV injection), and quotes, separators and line breaks are quoted.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV file: header, rows, CRLF line ends as RFC 4180 has them, UTF-8 BOM first. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
