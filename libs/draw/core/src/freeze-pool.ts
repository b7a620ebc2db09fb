import { compareUtf8 } from './byte-order';
import { partitionPool, type AgencyEligibilityView, type ExclusionReason, type ItemRequirement } from './eligibility.rule';

export type FreezeExclusionReason = ExclusionReason | 'CONFLICT_DECLARED' | 'NOT_SIGNED_UP' | 'RECENT_WIN_FOR_SAME_OWNER' | 'TOO_MANY_UNFINISHED_CONTRACTS';

export interface FrozenPool {
  readonly pool: readonly string[];
  readonly exclusions: readonly { readonly agencyId: string; readonly reason: FreezeExclusionReason }[];
}

/**
 * Step 1: the eligible agencies, minus the owner's declared conflicts (回避), minus — where sign-up is
 * required — those that did not sign up. Every agency left out is listed once, with the first rule it failed.
 */
export function freezePool(
  candidates: readonly AgencyEligibilityView[],
  requirement: ItemRequirement,
  rules: { readonly conflicts: readonly string[]; readonly signedUp: readonly string[] | null },
): FrozenPool {
  const conflicts = new Set(rules.conflicts);
  const signedUp = rules.signedUp === null ? null : new Set(rules.signedUp);
  const { pool, excluded } = partitionPool(candidates, requirement);
  const exclusions: { agencyId: string; reason: FreezeExclusionReason }[] = [...excluded];
  const kept: string[] = [];
  for (const id of pool) {
    if (conflicts.has(id)) exclusions.push({ agencyId: id, reason: 'CONFLICT_DECLARED' });
    else if (signedUp && !signedUp.has(id)) exclusions.push({ agencyId: id, reason: 'NOT_SIGNED_UP' });
    else kept.push(id);
  }
  // A signed-up agency the read model does not know for this item at all is excluded too, not silently dropped.
  const known = new Set(candidates.map((c) => c.agencyId));
  for (const id of rules.signedUp ?? []) if (!known.has(id)) exclusions.push({ agencyId: id, reason: 'NOT_QUALIFIED_FOR_ITEM' });
  return { pool: kept, exclusions: exclusions.sort((a, b) => compareUtf8(a.agencyId, b.agencyId)) };
}
