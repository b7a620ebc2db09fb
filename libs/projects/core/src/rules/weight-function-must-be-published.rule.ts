import { invalid } from '@mkt/shared/kernel';
import type { SelectionRule } from '../selection-rule.value-object';

/**
 * A credit-weighted draw names a weight function the draw service publishes; an unknown one would only fail at
 * selection, after sign-up, so it is refused when the rule is written.
 */
export function weightFunctionMustBePublished(rule: SelectionRule, published: readonly string[]): void {
  if (rule.method !== 'CREDIT_WEIGHTED_DRAW' || published.includes(rule.weightFunction)) return;
  throw invalid('PROJECTS.UNKNOWN_WEIGHT_FUNCTION', `the weight function is one of ${published.join(', ') || '(none published)'}`, 'selection.weightFunction');
}
