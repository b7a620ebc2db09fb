import { invalid } from '@mkt/shared/kernel';
import type { Actor } from '../actor';
import type { SelectionRule } from '../selection-rule.value-object';

/**
 * The owner's user already witnesses in the OWNER slot: naming themselves as an observer as well would let one
 * person fill two slots and stand for an independent witness.
 */
export function observersMustNotIncludeActor(rule: SelectionRule, actor: Actor): void {
  if (rule.method !== 'RANDOM_DRAW' && rule.method !== 'CREDIT_WEIGHTED_DRAW') return;
  const i = (rule.observers ?? []).findIndex((o) => o.userId === actor.userId.toLowerCase());
  if (i >= 0) throw invalid('PROJECTS.INVALID_OBSERVERS', 'you witness as the owner already; name someone else as an observer', `selection.observers[${i}].userId`);
}
