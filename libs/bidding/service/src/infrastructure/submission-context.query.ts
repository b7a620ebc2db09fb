import type { EntityManager } from 'typeorm';
import type { BidderStanding } from '@mkt/bidding/core';
import { notFound } from '@mkt/shared/kernel';
import type { IdempotencyKey, StoredIdempotentRequest } from '@mkt/shared/messaging';
import { toStored as toStoredBid, type StoredBid } from './bid.repository';
import { standingOf } from './bidder-standing.repository';
import { toStored as toStoredRound, type StoredRound } from './bidding-round.repository';

export interface SubmissionContext {
  readonly round: StoredRound;
  readonly standing: BidderStanding | null;
  readonly live: StoredBid | null;
}

const CONTEXT_COLUMNS = `r.*,
            s.status AS standing_status, s.items AS standing_items, s.offered_items AS standing_offered_items,
            b.bid_id AS live_bid_id, b.agency_id AS live_agency_id, b.commitment AS live_commitment, b.sealed AS live_sealed,
            b.status AS live_status, b.submitted_at AS live_submitted_at, b.ended_at AS live_ended_at`;

const CONTEXT_JOINS = `LEFT JOIN bidder_standing s ON s.agency_id = $2
       LEFT JOIN bid b ON b.bidding_id = r.bidding_id AND b.agency_id = $2 AND b.status = 'LIVE'`;

/**
 * Everything a bid, replace or withdraw decides on — the round, the bidder's standing, its live bid — in one
 * round trip: in the last seconds before a deadline every statement on the hot path counts.
 */
export async function submissionContext(manager: EntityManager, biddingId: string, agencyId: string): Promise<SubmissionContext> {
  const [row] = await manager.query(`SELECT ${CONTEXT_COLUMNS} FROM bidding_round r ${CONTEXT_JOINS} WHERE r.bidding_id = $1`, [biddingId, agencyId]);
  return contextOf(row, biddingId);
}

export interface SubmissionRead extends SubmissionContext {
  /** What the Idempotency-Key already holds, if the request was made before. */
  readonly earlier: StoredIdempotentRequest | undefined;
}

/**
 * A sealed bid's read, outside any transaction: the context and what its Idempotency-Key holds. It may be stale by
 * the time the bid is written, so the write re-checks under a row lock what it relies on (`BidSubmissionRepository`).
 */
export async function readSubmission(manager: EntityManager, biddingId: string, agencyId: string, key: IdempotencyKey | null): Promise<SubmissionRead> {
  const [row] = await manager.query(
    `SELECT ${CONTEXT_COLUMNS}, k.fingerprint AS key_fingerprint, k.response AS key_response
       FROM bidding_round r ${CONTEXT_JOINS}
       LEFT JOIN idempotent_requests k ON k.scope = $3 AND k.key = $4
      WHERE r.bidding_id = $1`,
    [biddingId, agencyId, key?.scope ?? null, key?.key ?? null],
  );
  const context = contextOf(row, biddingId);
  const earlier = row.key_fingerprint === null ? undefined : { fingerprint: row.key_fingerprint as string, response: row.key_response as string };
  return { ...context, earlier };
}

function contextOf(row: Record<string, unknown> | undefined, biddingId: string): SubmissionContext {
  if (!row) throw notFound('BIDDING.NOT_FOUND', `no bidding ${biddingId}`);
  const standing: BidderStanding | null =
    row['standing_status'] === null ? null : standingOf({ status: row['standing_status'] as string, items: row['standing_items'], offered_items: row['standing_offered_items'] });
  const live =
    row['live_bid_id'] === null
      ? null
      : toStoredBid({
          bid_id: row['live_bid_id'], bidding_id: row['bidding_id'], agency_id: row['live_agency_id'], commitment: row['live_commitment'], sealed: row['live_sealed'],
          status: row['live_status'], submitted_at: row['live_submitted_at'], ended_at: row['live_ended_at'],
        });
  return { round: toStoredRound(row), standing, live };
}
