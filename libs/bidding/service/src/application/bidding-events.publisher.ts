import type { BidEvaluation, RankedBid, RevealedBid, TiedGroup } from '@mkt/bidding/core';
import { BiddingClosedV1, BiddingDecidedV1, TieBreakRequestedV1 } from '@mkt/bidding/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';
import type { StoredRound } from '../infrastructure/bidding-round.repository';
import { TIE_BREAK_WITNESSES } from '../bidding-settings';

/** The close as published: every live bid opened with its salt, and the evaluation before any tie-break. */
export function closingOf(round: StoredRound, revealed: readonly RevealedBid[], evaluation: BidEvaluation, closedAt: string): BiddingClosedV1 {
  return {
    biddingId: round.biddingId,
    projectId: round.projectId,
    round: round.round,
    closedAt,
    evaluation: round.rules.evaluation,
    revealed: revealed.map((r) => ({
      agencyId: r.agencyId,
      commitment: r.commitment,
      quote: r.sealed.bid.quote,
      servicePeriodDays: r.sealed.bid.servicePeriodDays,
      note: r.sealed.bid.note ?? null,
      salt: r.sealed.salt,
      priceFen: r.priceFen,
      invalidReason: r.invalid?.reason ?? null,
    })),
    mean: evaluation.mean ? { sumFen: evaluation.mean.sumFen, count: evaluation.mean.count } : null,
    setAside: evaluation.setAside.map((b) => ({ agencyId: b.agencyId, priceFen: b.priceFen, reason: b.reason, thresholdFen: b.thresholdFen })),
    ranking: evaluation.ranking.map((b) => ({ agencyId: b.agencyId, priceFen: b.priceFen, position: b.position })),
    tiedGroups: evaluation.tiedGroups.map((g) => ({ position: g.position, agencyIds: [...g.agencyIds], seatsAtStake: g.seatsAtStake })),
    failure: evaluation.failure,
  };
}

export function publishClosed(tx: TransactionContext, closing: BiddingClosedV1): void {
  tx.publish(BiddingClosedV1, closing.biddingId, closing);
}

export function requestTieBreaks(tx: TransactionContext, round: StoredRound, groups: readonly TiedGroup[]): void {
  for (const g of groups) {
    tx.publish(TieBreakRequestedV1, round.biddingId, {
      biddingId: round.biddingId,
      projectId: round.projectId,
      round: round.round,
      ownerOrganizationId: round.ownerOrganizationId,
      position: g.position,
      agencyIds: [...g.agencyIds],
      witnesses: [...TIE_BREAK_WITNESSES],
    });
  }
}

/** The result for projects: bids best first with every tie broken, each with the quote its agency sealed. */
export function publishSelected(tx: TransactionContext, round: StoredRound, closing: BiddingClosedV1, ranking: readonly RankedBid[], tieBreakDraws: readonly string[]): void {
  const quoteOf = new Map(closing.revealed.map((r) => [r.agencyId, r.quote]));
  tx.publish(BiddingDecidedV1, round.biddingId, {
    biddingId: round.biddingId,
    projectId: round.projectId,
    round: round.round,
    outcome: 'SELECTED',
    validBidCount: closing.revealed.filter((r) => r.invalidReason === null).length,
    rankedBids: ranking.map((b) => ({ agencyId: b.agencyId, quote: quoteOf.get(b.agencyId) as BiddingClosedV1['revealed'][number]['quote'], priceFen: b.priceFen })),
    tieBreakDrawIds: [...tieBreakDraws],
    failure: null,
    decidedAt: tx.now.toISOString(),
  });
}

export function publishFailed(tx: TransactionContext, round: StoredRound, validBidCount: number, failure: { reason: string; required: number; actual: number }): void {
  tx.publish(BiddingDecidedV1, round.biddingId, {
    biddingId: round.biddingId,
    projectId: round.projectId,
    round: round.round,
    outcome: 'FAILED',
    validBidCount,
    rankedBids: [],
    tieBreakDrawIds: [],
    failure,
    decidedAt: tx.now.toISOString(),
  });
}
