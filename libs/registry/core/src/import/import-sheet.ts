import { DomainError } from '@mkt/shared/kernel';

/** One problem in an import file: the spreadsheet row (the header is row 1) and the column at fault. */
export interface ImportRowError {
  readonly row: number;
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
}

export interface ImportRecord {
  /** The row's number as a spreadsheet program shows it. */
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface ImportColumn {
  readonly name: string;
  readonly required: boolean;
}

/**
 * Turns a table (first row = header) into records keyed by the known column names. Header names match case- and
 * space-insensitively; a missing required column or an unknown one is reported against row 1, and blank rows are skipped.
 */
export function recordsOf(table: readonly (readonly string[])[], columns: readonly ImportColumn[]): { records: ImportRecord[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  if (table.length === 0) return { records: [], errors: [{ row: 1, column: null, code: 'REGISTRY.IMPORT_EMPTY', message: 'the file has no header row' }] };
  const key = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const byKey = new Map(columns.map((c) => [key(c.name), c.name]));
  const header = table[0].map((h) => byKey.get(key(h)) ?? null);
  table[0].forEach((h, i) => {
    if (header[i] === null && h.trim() !== '') errors.push({ row: 1, column: h.trim(), code: 'REGISTRY.IMPORT_UNKNOWN_COLUMN', message: `unknown column "${h.trim()}"` });
    // Two columns of one name would leave it to chance which value counts.
    if (header[i] !== null && header.indexOf(header[i]) !== i) errors.push({ row: 1, column: header[i], code: 'REGISTRY.IMPORT_DUPLICATE_COLUMN', message: `the column ${header[i]} appears twice` });
  });
  for (const c of columns) {
    if (c.required && !header.includes(c.name)) errors.push({ row: 1, column: c.name, code: 'REGISTRY.IMPORT_MISSING_COLUMN', message: `the column ${c.name} is missing` });
  }
  const records: ImportRecord[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, string> = {};
    header.forEach((name, j) => {
      if (name) values[name] = (cells[j] ?? '').trim();
    });
    records.push({ row: i + 2, values });
  });
  if (records.length === 0 && errors.length === 0) errors.push({ row: 1, column: null, code: 'REGISTRY.IMPORT_EMPTY', message: 'the file has no data rows' });
  return { records, errors };
}

/** A rule's refusal as a row error; `columnOf` maps the rule's field to the file's column name. */
export function rowErrorOf(row: number, error: unknown, columnOf: (field: string | null) => string | null): ImportRowError {
  if (error instanceof DomainError) return { row, column: columnOf(error.field), code: error.code, message: error.message };
  throw error;
}
