import type { SealedEnvelope, Submission } from '@mkt/bidding/core';
import type { BidSealer } from '../infrastructure/bid-sealer';
import type { StoredBid } from '../infrastructure/bid.repository';

/** What a sealed bid is bound to: it opens only in its own row, for its agency, round and commitment. */
export function sealBinding(b: Pick<StoredBid, 'biddingId' | 'agencyId' | 'commitment'>): string {
  return `${b.biddingId}|${b.agencyId}|${b.commitment}`;
}

export function sealEnvelope(sealer: BidSealer, envelope: SealedEnvelope, row: Pick<StoredBid, 'biddingId' | 'agencyId' | 'commitment'>): string {
  return sealer.seal(JSON.stringify(envelope), sealBinding(row));
}

export function openEnvelope(sealer: BidSealer, row: StoredBid): SealedEnvelope {
  return JSON.parse(sealer.open(row.sealed, sealBinding(row))) as SealedEnvelope;
}

export function submissionOf(sealer: BidSealer, row: StoredBid): Submission {
  return { agencyId: row.agencyId, commitment: row.commitment, sealed: openEnvelope(sealer, row), submittedAt: row.submittedAt, status: row.status, endedAt: row.endedAt };
}
