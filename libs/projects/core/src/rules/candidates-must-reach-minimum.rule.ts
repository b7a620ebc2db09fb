import { minimumCandidatesOf, type SelectionRule } from '../selection-rule.value-object';

export type Shortfall = { readonly required: number; readonly actual: number };

/**
 * Rule: a round goes ahead only with at least the announced minimum of candidates; below it the round fails
 * (流标). Returns the shortfall, or null when the minimum is met.
 */
export function candidatesMustReachMinimum(count: number, selection: SelectionRule): Shortfall | null {
  const required = minimumCandidatesOf(selection);
  return count < required ? { required, actual: count } : null;
}
