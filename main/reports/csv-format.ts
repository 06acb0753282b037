// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted and quotes doubled; records end in CRLF.
// Free text (names, reasons) is also defused against spreadsheet formula injection (OWASP "CSV Injection"):
// a leading = + - @ TAB or CR gets a leading apostrophe so Excel shows it instead of running it.

export type CsvCell = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function quoteCsvField(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** For user-entered text only; numbers and our own codes pass through unchanged. */
export function defuseFormula(text: string | null): string | null {
  return text !== null && FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(quoteCsvField).join(',')}\r\n`;
}
