/** A bidder's standing as the bidding service knows it: registry status and the items it may quote for. */
export interface BidderStanding {
  readonly status: string;
  readonly items: readonly { readonly serviceItemCode: string; readonly level: number; readonly validFrom: string; readonly validUntil: string }[];
  /** The items the firm says it offers, when it has said; null or absent: qualifications alone decide. */
  readonly offeredItems?: readonly string[] | null;
}

export type BidRefusal = 'AGENCY_NOT_ACTIVE' | 'ITEM_NOT_OFFERED' | 'NO_VALID_QUALIFICATION';

/**
 * Rule: a bid is accepted only from an ACTIVE agency that offers the item (where it has said what it offers) and
 * holds, on the bidding day, a valid qualification for the item at the required level or a higher grade (level 1 is
 * the highest).
 */
export function bidderMustBeEligible(standing: BidderStanding | null, serviceItemCode: string, requiredLevel: number, on: string): BidRefusal | null {
  if (!standing || standing.status !== 'ACTIVE') return 'AGENCY_NOT_ACTIVE';
  if (standing.offeredItems && !standing.offeredItems.includes(serviceItemCode)) return 'ITEM_NOT_OFFERED';
  const holds = standing.items.some(
    (q) => q.serviceItemCode === serviceItemCode && q.level <= requiredLevel && q.validFrom <= on && on <= q.validUntil,
  );
  return holds ? null : 'NO_VALID_QUALIFICATION';
}
