/** A bidder's standing as the bidding service knows it: registry status and the items it may quote for. */
export interface BidderStanding {
  readonly status: string;
  readonly items: readonly { readonly serviceItemCode: string; readonly level: number; readonly validFrom: string; readonly validUntil: string }[];
}

export type BidRefusal = 'AGENCY_NOT_ACTIVE' | 'NO_VALID_QUALIFICATION';

/**
 * Rule: a bid is accepted only from an ACTIVE agency holding, on the bidding day, a valid qualification for
 * the item at the required level or a higher grade (level 1 is the highest).
 */
export function bidderMustBeEligible(standing: BidderStanding | null, serviceItemCode: string, requiredLevel: number, on: string): BidRefusal | null {
  if (!standing || standing.status !== 'ACTIVE') return 'AGENCY_NOT_ACTIVE';
  const holds = standing.items.some(
    (q) => q.serviceItemCode === serviceItemCode && q.level <= requiredLevel && q.validFrom <= on && on <= q.validUntil,
  );
  return holds ? null : 'NO_VALID_QUALIFICATION';
}
