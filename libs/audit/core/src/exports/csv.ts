/** A CSV cell: text as is, numbers and booleans as JSON spells them, null as empty. */
export type CsvCell = string | number | boolean | null;

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such text is prefixed with
// an apostrophe, which spreadsheets show as a text marker. Numbers are never prefixed.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  // RFC 4180 §2: a field with a comma, quote or line break is quoted, and its quotes doubled.
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 text: the header row then one row per record, CRLF line ends, a final CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cellText).join(',') + '\r\n').join('');
}
