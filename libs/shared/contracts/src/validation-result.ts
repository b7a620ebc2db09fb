export interface ValidationIssue {
  /** JSON-pointer-like path of the offending field, e.g. `payload/agencyId`; empty for the whole value. */
  readonly field: string;
  readonly message: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
}
