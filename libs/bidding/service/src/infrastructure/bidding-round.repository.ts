import type { EntityManager } from 'typeorm';
import type { BiddingRules, RankedBid, TiedGroup } from '@mkt/bidding/core';
import type { BiddingClosedV1 } from '@mkt/bidding/contracts';
import { notFound } from '@mkt/shared/kernel';
import { jsonColumn } from '@mkt/shared/persistence';

/**
 * OPEN: taking sealed bids. VOID: could not open (its rules cannot be met); it fails at the deadline.
 * TIE_BREAK: closed, waiting for the draws that order tied bids. DECIDED / FAILED: the result went to projects.
 */
export type RoundStatus = 'OPEN' | 'VOID' | 'TIE_BREAK' | 'DECIDED' | 'FAILED';

export interface StoredRound {
  readonly biddingId: string;
  readonly projectId: string;
  readonly round: number;
  readonly ownerOrganizationId: string;
  readonly serviceItemCode: string;
  readonly requiredLevel: number;
  readonly eligibleOn: string;
  /** Agencies that signed up; null when every eligible agency may bid. */
  readonly signedUp: readonly string[] | null;
  readonly rules: BiddingRules;
  readonly status: RoundStatus;
  readonly openedAt: string;
  readonly closedAt: string | null;
  /** The published close: the revealed table and the evaluation. Null until the close. */
  readonly closing: BiddingClosedV1 | null;
  /** The ranking as tie-breaks leave it; equal to the close's until a tie is broken. */
  readonly ranking: readonly RankedBid[] | null;
  readonly pendingTies: readonly TiedGroup[];
  readonly tieBreakDraws: readonly string[];
  readonly decidedAt: string | null;
  /** Why a VOID round could not open. */
  readonly voidReason: string | null;
}

type NewRound = Omit<StoredRound, 'closedAt' | 'closing' | 'ranking' | 'pendingTies' | 'tieBreakDraws' | 'decidedAt'>;

const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Bidding rounds inside the caller's transaction. The close and tie-breaks lock the round's row FOR UPDATE and its
 * advisory lock exclusive: a sealed bid's write holds the row FOR SHARE (BidSubmissionRepository) and a withdrawal
 * the advisory lock shared, so the close waits for both, and either that waited for the close sees it.
 */
export class BiddingRoundRepository {
  constructor(private readonly manager: EntityManager) {}

  async existsFor(projectId: string, round: number): Promise<boolean> {
    return (await this.manager.query(`SELECT 1 FROM bidding_round WHERE project_id = $1 AND round = $2`, [projectId, round])).length > 0;
  }

  async insert(r: NewRound): Promise<void> {
    await this.manager.query(
      `INSERT INTO bidding_round (bidding_id, project_id, round, owner_org, service_item_code, required_level, eligible_on, signed_up, rules, status, opened_at, void_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        r.biddingId, r.projectId, r.round, r.ownerOrganizationId, r.serviceItemCode, r.requiredLevel, r.eligibleOn,
        r.signedUp === null ? null : JSON.stringify(r.signedUp), JSON.stringify(r.rules), r.status, r.openedAt,
        r.voidReason,
      ],
    );
  }

  /**
   * For a withdrawal: the round may not close while this transaction holds the lock, but withdrawals do not wait for
   * each other. Taken in its own statement, so the reads after it see a close that committed while this one waited.
   */
  async holdOpenForWithdrawal(biddingId: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended('bidding_round:' || $1, 0))`, [biddingId]);
  }

  /** For the close and tie-breaks: one at a time, after every bid and withdrawal in flight has committed. */
  async lockForChange(biddingId: string): Promise<StoredRound> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('bidding_round:' || $1, 0))`, [biddingId]);
    return this.load(biddingId, 'FOR UPDATE');
  }

  find(biddingId: string): Promise<StoredRound> {
    return this.load(biddingId, '');
  }

  async findForProject(projectId: string): Promise<StoredRound[]> {
    const rows = await this.manager.query(`SELECT * FROM bidding_round WHERE project_id = $1 ORDER BY round`, [projectId]);
    return rows.map(toStored);
  }

  async recordClose(biddingId: string, change: { status: RoundStatus; closedAt: string; closing: BiddingClosedV1; ranking: readonly RankedBid[]; pendingTies: readonly TiedGroup[]; decidedAt: string | null }): Promise<void> {
    await this.manager.query(
      `UPDATE bidding_round SET status = $2, closed_at = $3, closing = $4, ranking = $5, pending_ties = $6, decided_at = $7 WHERE bidding_id = $1`,
      [biddingId, change.status, change.closedAt, JSON.stringify(change.closing), JSON.stringify(change.ranking), JSON.stringify(change.pendingTies), change.decidedAt],
    );
  }

  async recordTieBreak(biddingId: string, change: { status: RoundStatus; ranking: readonly RankedBid[]; pendingTies: readonly TiedGroup[]; tieBreakDraws: readonly string[]; decidedAt: string | null }): Promise<void> {
    await this.manager.query(`UPDATE bidding_round SET status = $2, ranking = $3, pending_ties = $4, tie_break_draws = $5, decided_at = $6 WHERE bidding_id = $1`, [
      biddingId, change.status, JSON.stringify(change.ranking), JSON.stringify(change.pendingTies), JSON.stringify(change.tieBreakDraws), change.decidedAt,
    ]);
  }

  async recordVoidFailure(biddingId: string, at: string): Promise<void> {
    await this.manager.query(`UPDATE bidding_round SET status = 'FAILED', closed_at = $2, decided_at = $2 WHERE bidding_id = $1`, [biddingId, at]);
  }

  private async load(biddingId: string, lock: '' | 'FOR UPDATE'): Promise<StoredRound> {
    const [row] = await this.manager.query(`SELECT * FROM bidding_round WHERE bidding_id = $1 ${lock}`, [biddingId]);
    if (!row) throw notFound('BIDDING.NOT_FOUND', `no bidding ${biddingId}`);
    return toStored(row);
  }
}

export function toStored(row: Record<string, unknown>): StoredRound {
  return {
    biddingId: row['bidding_id'] as string,
    projectId: row['project_id'] as string,
    round: row['round'] as number,
    ownerOrganizationId: row['owner_org'] as string,
    serviceItemCode: row['service_item_code'] as string,
    requiredLevel: row['required_level'] as number,
    eligibleOn: calendarDate(row['eligible_on'] as Date | string),
    signedUp: row['signed_up'] === null ? null : jsonColumn<string[]>(row['signed_up'] as string),
    rules: jsonColumn<BiddingRules>(row['rules'] as string),
    status: row['status'] as RoundStatus,
    openedAt: new Date(row['opened_at'] as string).toISOString(),
    closedAt: isoOrNull(row['closed_at'] as string | null),
    closing: row['closing'] === null ? null : jsonColumn<BiddingClosedV1>(row['closing'] as string),
    ranking: row['ranking'] === null ? null : jsonColumn<RankedBid[]>(row['ranking'] as string),
    pendingTies: jsonColumn<TiedGroup[]>(row['pending_ties'] as string),
    tieBreakDraws: jsonColumn<string[]>(row['tie_break_draws'] as string),
    decidedAt: isoOrNull(row['decided_at'] as string | null),
    voidReason: (row['void_reason'] as string | null) ?? null,
  };
}

/** A `date` column as YYYY-MM-DD, whichever way the driver hands it back. */
function calendarDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
