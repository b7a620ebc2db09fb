import type { EntityManager } from 'typeorm';
import { conflict } from '@mkt/shared/kernel';
import type { IdempotencyKey, OutboxRow } from '@mkt/shared/messaging';
import type { StoredBid } from './bid.repository';

export interface BidWrite {
  readonly bid: Omit<StoredBid, 'status' | 'endedAt'>;
  /** The live bid this one replaces (recorded as REPLACED), or null for a first bid. */
  readonly replacing: string | null;
  readonly event: OutboxRow;
  /** The key claimed in the submission's first statement and the answer a retry with it gets. */
  readonly answer: { readonly key: IdempotencyKey; readonly response: unknown } | null;
}

/** ROUND_NOT_OPEN: the close committed while this bid waited for the round's lock; read again and refuse. */
export type BidWriteOutcome = 'WRITTEN' | 'ROUND_NOT_OPEN';

const UNIQUE_VIOLATION = '23505';

/**
 * A sealed bid's second and last statement: the bid row (and the end of the one it replaces), its event's outbox
 * row and the Idempotency-Key's answer, all guarded by the round still being OPEN as seen after the lock was taken.
 * One round trip where the general unit of work takes four: a bid storm is bound by round trips.
 */
export class BidSubmissionRepository {
  constructor(private readonly manager: EntityManager) {}

  async write(w: BidWrite): Promise<BidWriteOutcome> {
    const p: unknown[] = [
      w.bid.bidId, w.bid.biddingId, w.bid.agencyId, w.bid.commitment, w.bid.sealed, w.bid.submittedAt,
      w.event.eventId, w.event.topic, w.event.aggregateId, w.event.eventType, w.event.envelope,
    ];
    const at = (value: unknown) => `$${p.push(value)}`;
    // Data-modifying CTEs all run, whatever the main query reads; each write below is fed by the one before it,
    // so nothing is written unless the round is open (and, for a replace, the old bid was still live).
    const replaced = w.replacing === null ? '' : `ended AS (UPDATE bid SET status = 'REPLACED', ended_at = $6::timestamptz WHERE bid_id = ${at(w.replacing)}::uuid AND status = 'LIVE' AND EXISTS (SELECT 1 FROM open) RETURNING 1),`;
    const source = w.replacing === null ? 'open' : 'ended';
    const answer = w.answer
      ? `, answered AS (UPDATE idempotent_requests SET response = ${at(JSON.stringify(w.answer.response ?? null))}::text
                       WHERE scope = ${at(w.answer.key.scope)}::text AND key = ${at(w.answer.key.key)}::text AND EXISTS (SELECT 1 FROM inserted) RETURNING 1)`
      : '';
    try {
      const [row] = await this.manager.query(
        `WITH open AS (SELECT 1 FROM bidding_round WHERE bidding_id = $2::uuid AND status = 'OPEN'),
              ${replaced}
              inserted AS (INSERT INTO bid (bid_id, bidding_id, agency_id, commitment, sealed, status, submitted_at)
                           SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, 'LIVE', $6::timestamptz FROM ${source} RETURNING 1),
              published AS (INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope)
                            SELECT $7::uuid, $8::text, $9::text, $10::text, $11::text FROM inserted RETURNING 1)
              ${answer}
         SELECT EXISTS (SELECT 1 FROM open) AS open, EXISTS (SELECT 1 FROM inserted) AS inserted`,
        p,
      );
      if (!row.open) return 'ROUND_NOT_OPEN';
      if (!row.inserted) throw conflict('BIDDING.NO_LIVE_BID', 'the live bid was replaced or withdrawn meanwhile', 'agencyId');
      return 'WRITTEN';
    } catch (e) {
      // Two first bids from one agency racing: the partial unique index lets one in; the other is told why.
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) throw conflict('BIDDING.ALREADY_BID', 'an agency has one live bid; replace or withdraw it', 'agencyId');
      throw e;
    }
  }
}
