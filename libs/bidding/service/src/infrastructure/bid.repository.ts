import type { EntityManager } from 'typeorm';
import type { SubmissionStatus } from '@mkt/bidding/core';
import { conflict } from '@mkt/shared/kernel';
import { affectedRows } from '@mkt/shared/persistence';

/** A bid row: the commitment in the clear, the content sealed until the close. */
export interface StoredBid {
  readonly bidId: string;
  readonly biddingId: string;
  readonly agencyId: string;
  readonly commitment: string;
  readonly sealed: string;
  readonly status: SubmissionStatus;
  readonly submittedAt: string;
  readonly endedAt: string | null;
}

/** Bid rows inside the caller's transaction. */
export class BidRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Ends a live bid. A concurrent replace or withdraw that ended it first makes this one a conflict, not a second end. */
  async end(bidId: string, status: Exclude<SubmissionStatus, 'LIVE'>, at: string): Promise<void> {
    const ended = affectedRows(await this.manager.query(`UPDATE bid SET status = $2, ended_at = $3 WHERE bid_id = $1 AND status = 'LIVE'`, [bidId, status, at]));
    if (ended !== 1) throw conflict('BIDDING.NO_LIVE_BID', 'the live bid was replaced or withdrawn meanwhile', 'agencyId');
  }

  /** Every live bid of a round, in arrival order: what the close reveals. */
  async live(biddingId: string): Promise<StoredBid[]> {
    return (await this.manager.query(`SELECT * FROM bid WHERE bidding_id = $1 AND status = 'LIVE' ORDER BY submitted_at, bid_id`, [biddingId])).map(toStored);
  }

  /** An agency's own bids in a round, replaced and withdrawn ones included. */
  async ofAgency(biddingId: string, agencyId: string): Promise<StoredBid[]> {
    return (await this.manager.query(`SELECT * FROM bid WHERE bidding_id = $1 AND agency_id = $2 ORDER BY submitted_at, bid_id`, [biddingId, agencyId])).map(toStored);
  }

  /** Every bid of a round, as the public record after the close: commitments, times and statuses. */
  async all(biddingId: string): Promise<StoredBid[]> {
    return (await this.manager.query(`SELECT * FROM bid WHERE bidding_id = $1 ORDER BY submitted_at, bid_id`, [biddingId])).map(toStored);
  }
}

export function toStored(row: Record<string, unknown>): StoredBid {
  return {
    bidId: row['bid_id'] as string,
    biddingId: row['bidding_id'] as string,
    agencyId: row['agency_id'] as string,
    commitment: row['commitment'] as string,
    sealed: row['sealed'] as string,
    status: row['status'] as SubmissionStatus,
    submittedAt: new Date(row['submitted_at'] as string).toISOString(),
    endedAt: row['ended_at'] === null ? null : new Date(row['ended_at'] as string).toISOString(),
  };
}
