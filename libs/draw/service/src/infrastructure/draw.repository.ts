import type { EntityManager } from 'typeorm';
import type { DrawCommitment, DrawRecord, PastWin, WitnessEntropy } from '@mkt/draw/core';
import type { DrawPurposeV1, TieBreakContextV1 } from '@mkt/draw/contracts';
import { notFound } from '@mkt/shared/kernel';
import { jsonColumn } from '@mkt/shared/persistence';

export interface StoredDraw {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly ownerOrganizationId: string;
  readonly status: 'COMMITTED' | 'REVEALED';
  readonly commitment: DrawCommitment;
  readonly witnessValues: WitnessEntropy['values'];
  readonly record: DrawRecord | null;
  readonly revealDeadline: string;
  /** When the unrevealed commitment was flagged to supervisors, if it was. */
  readonly overdueAt: string | null;
  readonly purpose: DrawPurposeV1;
  readonly tieBreak: TieBreakContextV1 | null;
}

/** What a draw decides: a round's selection, or the order of one tied position in a bidding round. */
export type DrawPurpose = { readonly purpose: 'SELECTION' } | { readonly purpose: 'TIE_BREAK'; readonly tieBreak: TieBreakContextV1 };

const SELECTION: DrawPurpose = { purpose: 'SELECTION' };

export function purposeOf(draw: Pick<StoredDraw, 'purpose' | 'tieBreak'>): DrawPurpose {
  return draw.purpose === 'TIE_BREAK' && draw.tieBreak ? { purpose: 'TIE_BREAK', tieBreak: draw.tieBreak } : SELECTION;
}

function purposeKeyOf(p: DrawPurpose): string {
  return p.purpose === 'TIE_BREAK' ? `${p.tieBreak.biddingId}#${p.tieBreak.position}` : '';
}

interface DrawRow {
  draw_id: string;
  project_id: string;
  round: number;
  owner_org: string;
  status: 'COMMITTED' | 'REVEALED';
  commitment: DrawCommitment | string;
  witness_values: WitnessEntropy['values'] | string;
  record: DrawRecord | string | null;
  reveal_deadline: Date | string;
  overdue_at: Date | string | null;
  purpose: DrawPurposeV1;
  tie_break: TieBreakContextV1 | string | null;
}

/** Draw rows inside the caller's transaction. `lockForReveal` serialises witnesses racing to complete a draw. */
export class DrawRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Whether this round's selection draw (or its failure), or this tie-break, is already on record. */
  async exists(projectId: string, round: number, purpose: DrawPurpose = SELECTION): Promise<boolean> {
    const rows = await this.manager.query(
      `SELECT 1 FROM draw WHERE project_id = $1 AND round = $2 AND purpose = $3 AND purpose_key = $4
       UNION ALL SELECT 1 FROM draw_failure WHERE project_id = $1 AND round = $2 AND $3 = 'SELECTION'`,
      [projectId, round, purpose.purpose, purposeKeyOf(purpose)],
    );
    return rows.length > 0;
  }

  async insert(commitment: DrawCommitment, secret: string, ownerOrganizationId: string, revealDeadline: Date, purpose: DrawPurpose = SELECTION): Promise<void> {
    await this.manager.query(
      `INSERT INTO draw (draw_id, project_id, round, owner_org, status, commitment, secret, committed_at, reveal_deadline, purpose, purpose_key, tie_break)
       VALUES ($1, $2, $3, $4, 'COMMITTED', $5, $6, $7, $8, $9, $10, $11)`,
      [
        commitment.drawId, commitment.projectId, commitment.round, ownerOrganizationId, JSON.stringify(commitment), secret, commitment.committedAt,
        revealDeadline.toISOString(), purpose.purpose, purposeKeyOf(purpose), purpose.purpose === 'TIE_BREAK' ? JSON.stringify(purpose.tieBreak) : null,
      ],
    );
  }

  async recordFailure(f: { projectId: string; round: number; reason: string; poolSize: number; minimum: number; exclusions: unknown; at: Date }): Promise<void> {
    await this.manager.query(
      `INSERT INTO draw_failure (project_id, round, reason, pool_size, minimum, exclusions, failed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [f.projectId, f.round, f.reason, f.poolSize, f.minimum, JSON.stringify(f.exclusions), f.at.toISOString()],
    );
  }

  /** The draw with its sealed secret, locked for the rest of the transaction. */
  async lockForReveal(drawId: string): Promise<StoredDraw & { secret: string }> {
    const [row] = await this.manager.query(`SELECT * FROM draw WHERE draw_id = $1 FOR UPDATE`, [drawId]);
    if (!row) throw notFound('DRAW.NOT_FOUND', `no draw ${drawId}`);
    return { ...toStored(row), secret: row.secret };
  }

  /** Every win (winners of revealed selection draws) this owner has had: the rotation rules' history. A tie-break orders bids; it is no win. */
  async winsForOwner(ownerOrganizationId: string): Promise<PastWin[]> {
    const rows: { winner: string; revealed_at: Date | string }[] = await this.manager.query(
      `SELECT w.winner, d.revealed_at FROM draw d, jsonb_array_elements_text(d.record->'winners') AS w(winner)
        WHERE d.owner_org = $1 AND d.status = 'REVEALED' AND d.purpose = 'SELECTION'`,
      [ownerOrganizationId],
    );
    return rows.map((r) => ({ agencyId: r.winner, ownerOrganizationId, wonAt: new Date(r.revealed_at).toISOString() }));
  }

  async saveWitnessValues(drawId: string, values: WitnessEntropy['values']): Promise<void> {
    await this.manager.query(`UPDATE draw SET witness_values = $2 WHERE draw_id = $1`, [drawId, JSON.stringify(values)]);
  }

  async markRevealed(record: DrawRecord, at: Date): Promise<void> {
    await this.manager.query(`UPDATE draw SET status = 'REVEALED', record = $2, revealed_at = $3 WHERE draw_id = $1 AND status = 'COMMITTED'`, [
      record.drawId,
      JSON.stringify(record),
      at.toISOString(),
    ]);
  }

  async markOverdue(drawId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE draw SET overdue_at = $2 WHERE draw_id = $1`, [drawId, at.toISOString()]);
  }

  /** Public view: never the secret before the reveal. */
  async find(drawId: string): Promise<StoredDraw> {
    const [row] = await this.manager.query(
      `SELECT draw_id, project_id, round, owner_org, status, commitment, witness_values, record, reveal_deadline, overdue_at, purpose, tie_break FROM draw WHERE draw_id = $1`,
      [drawId],
    );
    if (!row) throw notFound('DRAW.NOT_FOUND', `no draw ${drawId}`);
    return toStored(row);
  }

  /** Draws whose commitment names this account as an observer, newest first. */
  async listNamingObserver(observerSlot: string, limit: number): Promise<StoredDraw[]> {
    const rows = await this.manager.query(
      `SELECT draw_id, project_id, round, owner_org, status, commitment, witness_values, record, reveal_deadline, overdue_at, purpose, tie_break FROM draw
        WHERE commitment->'entropyPlan'->'witnesses' @> $1::jsonb ORDER BY committed_at DESC LIMIT $2`,
      [JSON.stringify([observerSlot]), limit],
    );
    return rows.map(toStored);
  }

  async listForProject(projectId: string): Promise<StoredDraw[]> {
    const rows = await this.manager.query(
      `SELECT draw_id, project_id, round, owner_org, status, commitment, witness_values, record, reveal_deadline, overdue_at, purpose, tie_break FROM draw WHERE project_id = $1 ORDER BY round, committed_at`,
      [projectId],
    );
    return rows.map(toStored);
  }
}

function toStored(row: DrawRow): StoredDraw {
  return {
    drawId: row.draw_id,
    projectId: row.project_id,
    round: row.round,
    ownerOrganizationId: row.owner_org,
    status: row.status,
    commitment: jsonColumn(row.commitment),
    witnessValues: jsonColumn(row.witness_values),
    record: row.record === null ? null : jsonColumn(row.record),
    revealDeadline: new Date(row.reveal_deadline).toISOString(),
    overdueAt: row.overdue_at === null ? null : new Date(row.overdue_at).toISOString(),
    purpose: row.purpose,
    tieBreak: row.tie_break === null ? null : jsonColumn(row.tie_break),
  };
}
