import { compareUtf8 } from './byte-order';

/** What the draw service knows of an agency, folded from the registry's events. */
export interface AgencyEligibilityView {
  readonly agencyId: string;
  readonly status: string;
  readonly qualifications: readonly {
    readonly serviceItemCode: string;
    /** 1 is the highest grade. */
    readonly level: number;
    readonly validFrom: string;
    readonly validUntil: string;
  }[];
  /** The items the firm says it offers, when it has said (self-registered firms); null: qualifications alone decide. */
  readonly offeredItems?: readonly string[] | null;
}

export interface ItemRequirement {
  readonly serviceItemCode: string;
  /** The lowest acceptable grade: an agency qualifies with a level number at or below it. */
  readonly requiredLevel: number;
  /** Calendar date (YYYY-MM-DD) on which the qualification must be valid. */
  readonly on: string;
}

export type ExclusionReason = 'NOT_ACTIVE' | 'ITEM_NOT_OFFERED' | 'NOT_QUALIFIED_FOR_ITEM' | 'QUALIFICATION_LEVEL_TOO_LOW' | 'QUALIFICATION_NOT_VALID_ON_DATE';

export type Eligibility = { readonly eligible: true } | { readonly eligible: false; readonly reason: ExclusionReason };

/**
 * Rule: an agency enters a pool only if ACTIVE, offering the item (where it has said what it offers), and holding a
 * qualification for the item, at the level, valid on the day.
 */
export function agencyMustBeEligibleForItem(agency: AgencyEligibilityView, requirement: ItemRequirement): Eligibility {
  if (agency.status !== 'ACTIVE') return { eligible: false, reason: 'NOT_ACTIVE' };
  if (agency.offeredItems && !agency.offeredItems.includes(requirement.serviceItemCode)) return { eligible: false, reason: 'ITEM_NOT_OFFERED' };
  const forItem = agency.qualifications.filter((q) => q.serviceItemCode === requirement.serviceItemCode);
  if (forItem.length === 0) return { eligible: false, reason: 'NOT_QUALIFIED_FOR_ITEM' };
  const atLevel = forItem.filter((q) => q.level <= requirement.requiredLevel);
  if (atLevel.length === 0) return { eligible: false, reason: 'QUALIFICATION_LEVEL_TOO_LOW' };
  // ISO dates compare correctly as strings.
  const valid = atLevel.some((q) => q.validFrom <= requirement.on && requirement.on <= q.validUntil);
  return valid ? { eligible: true } : { eligible: false, reason: 'QUALIFICATION_NOT_VALID_ON_DATE' };
}

export interface PoolPartition {
  /** Eligible agency ids in byte order: the order the draw protocol freezes. */
  readonly pool: readonly string[];
  readonly excluded: readonly { readonly agencyId: string; readonly reason: ExclusionReason }[];
}

export function partitionPool(agencies: readonly AgencyEligibilityView[], requirement: ItemRequirement): PoolPartition {
  const pool: string[] = [];
  const excluded: { agencyId: string; reason: ExclusionReason }[] = [];
  for (const agency of agencies) {
    const verdict = agencyMustBeEligibleForItem(agency, requirement);
    if (verdict.eligible) pool.push(agency.agencyId);
    else excluded.push({ agencyId: agency.agencyId, reason: verdict.reason });
  }
  return { pool: pool.sort(compareUtf8), excluded: excluded.sort((a, b) => compareUtf8(a.agencyId, b.agencyId)) };
}
