import type { EntityManager } from 'typeorm';
import type { BidderStanding } from '@mkt/bidding/core';
import { notFound } from '@mkt/shared/kernel';
import { idempotencyClaimSql, type IdempotencyKey } from '@mkt/shared/messaging';
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

export interface HeldSubmissionContext extends SubmissionContext {
  /** False when another request already holds the Idempotency-Key: answer with its response instead. */
  readonly claimed: boolean;
}

/**
 * A sealed bid's first statement: claims its Idempotency-Key (if any), takes the round's lock shared (the close
 * waits for this transaction) and reads the context. A read that had to wait for a close may be older than the
 * close, so the write that follows checks again that the round is still open (`BidSubmissionRepository`).
 */
export async function claimHoldAndReadSubmission(manager: EntityManager, biddingId: string, agencyId: string, key: IdempotencyKey | null): Promise<HeldSubmissionContext> {
  const params: unknown[] = [biddingId, agencyId];
  let claim = '';
  let claimed = 'true';
  if (key) {
    params.push(key.scope, key.key, key.fingerprint);
    claim = `claim AS (${idempotencyClaimSql(3, 4, 5)}),`;
    claimed = 'EXISTS (SELECT 1 FROM claim)';
  }
  const [row] = await manager.query(
    `WITH ${claim} hold AS (SELECT pg_advisory_xact_lock_shared(hashtextextended('bidding_round:' || $1::text, 0)))
     SELECT ${claimed} AS claimed, ${CONTEXT_COLUMNS}
       FROM hold, bidding_round r ${CONTEXT_JOINS}
      WHERE r.bidding_id = $1::uuid`,
    params,
  );
  // An unknown round throws here, and the 404 rolls the claim back with everything else.
  const context = contextOf(row, biddingId);
  return { claimed: row.claimed === true, ...context };
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
