import type { EntityManager } from 'typeorm';
import type { IdempotencyKey, OutboxRow } from '@mkt/shared/messaging';
import type { StoredBid } from './bid.repository';

export interface BidWrite {
  readonly bid: Omit<StoredBid, 'status' | 'endedAt'>;
  /** The live bid this one replaces (recorded as REPLACED), or null for a first bid. */
  readonly replacing: string | null;
  readonly event: OutboxRow;
  /** The request's Idempotency-Key and the answer a repeat of it gets, stored with the bid. */
  readonly answer: { readonly key: IdempotencyKey; readonly response: unknown } | null;
}

/**
 * ROUND_NOT_OPEN: the close came first (read again and refuse). LIVE_BID_GONE: the bid being replaced was replaced
 * or withdrawn meanwhile. TAKEN: the agency already has a live bid, or the Idempotency-Key was used meanwhile.
 * Nothing is written unless WRITTEN.
 */
export type BidWriteOutcome = 'WRITTEN' | 'ROUND_NOT_OPEN' | 'LIVE_BID_GONE' | 'TAKEN';

const UNIQUE_VIOLATION = '23505';

/**
 * A sealed bid's one write, a single statement and so atomic without a transaction around it: the bid row (and the
 * end of the one it replaces), its event's outbox row and the Idempotency-Key with its answer — only while the
 * round is OPEN. The round's row is locked FOR SHARE: the close locks it FOR UPDATE, so it waits for a bid being
 * written, and a bid that waited for the close finds the round no longer open. Two round trips per bid (this and
 * the read before it) where a transaction takes six: a bid storm is bound by round trips.
 */
export class BidSubmissionRepository {
  constructor(private readonly manager: EntityManager) {}

  async write(w: BidWrite): Promise<BidWriteOutcome> {
    const p: unknown[] = [
      w.bid.bidId, w.bid.biddingId, w.bid.agencyId, w.bid.commitment, w.bid.sealed, w.bid.submittedAt,
      w.event.eventId, w.event.topic, w.event.aggregateId, w.event.eventType, w.event.envelope,
    ];
    const at = (value: unknown) => `$${p.push(value)}`;
    // Data-modifying CTEs all run whatever the main query reads; each write below is fed by the one before it,
    // so nothing is written unless the round is open (and, for a replace, the old bid was still live).
    const replaced =
      w.replacing === null
        ? ''
        : `ended AS (UPDATE bid SET status = 'REPLACED', ended_at = $6::timestamptz WHERE bid_id = ${at(w.replacing)}::uuid AND status = 'LIVE' AND EXISTS (SELECT 1 FROM open) RETURNING 1),`;
    // A key used meanwhile is a unique violation: the whole statement, bid included, does not happen.
    const answered = w.answer
      ? `, answered AS (INSERT INTO idempotent_requests (scope, key, fingerprint, response)
                        SELECT ${at(w.answer.key.scope)}::text, ${at(w.answer.key.key)}::text, ${at(w.answer.key.fingerprint)}::text, ${at(JSON.stringify(w.answer.response ?? null))}::text
                          FROM inserted RETURNING 1)`
      : '';
    try {
      const [row] = await this.manager.query(
        `WITH open AS (SELECT 1 FROM bidding_round WHERE bidding_id = $2::uuid AND status = 'OPEN' FOR SHARE),
              ${replaced}
              inserted AS (INSERT INTO bid (bid_id, bidding_id, agency_id, commitment, sealed, status, submitted_at)
                           SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, 'LIVE', $6::timestamptz FROM ${w.replacing === null ? 'open' : 'ended'} RETURNING 1),
              published AS (INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope)
                            SELECT $7::uuid, $8::text, $9::text, $10::text, $11::text FROM inserted RETURNING 1)
              ${answered}
         SELECT EXISTS (SELECT 1 FROM open) AS open, EXISTS (SELECT 1 FROM inserted) AS inserted`,
        p,
      );
      if (!row.open) return 'ROUND_NOT_OPEN';
      return row.inserted ? 'WRITTEN' : 'LIVE_BID_GONE';
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) return 'TAKEN';
      throw e;
    }
  }
}
