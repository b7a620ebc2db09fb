/**
 * Rows changed by a raw UPDATE or DELETE run through TypeORM's `query()`: on Postgres it answers
 * `[rows, rowCount]` for those statements (and just `rows` for SELECT), which is easy to misread as a row list.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  throw new Error('affectedRows expects the [rows, rowCount] answer of an UPDATE or DELETE');
}
