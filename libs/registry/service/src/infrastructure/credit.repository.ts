import type { EntityManager } from 'typeorm';
import { CreditRecord, type CreditCause, type CreditEntry } from '@mkt/registry/core';
import { notFound } from '@mkt/shared/kernel';

/** Loads and stores agencies' credit records and their entries inside the caller's transaction. */
export class CreditRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The record, locked for this transaction; a firm without entries gets its record opened at the start score. */
  async lock(agencyId: string): Promise<CreditRecord> {
    const [agency] = await this.manager.query(`SELECT 1 FROM agency WHERE id::text = $1`, [agencyId]);
    if (!agency) throw notFound('REGISTRY.AGENCY_NOT_FOUND', `no agency ${agencyId}`);
    const fresh = CreditRecord.open(agencyId).snapshot;
    await this.manager.query(`INSERT INTO credit_record (agency_id, score, sequence) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [agencyId, fresh.score]);
    const [row] = await this.manager.query(`SELECT score, sequence FROM credit_record WHERE agency_id = $1 FOR UPDATE`, [agencyId]);
    return CreditRecord.restore({ agencyId, score: row.score, sequence: row.sequence });
  }

  async append(record: CreditRecord, entries: readonly CreditEntry[]): Promise<void> {
    for (const e of entries) {
      await this.manager.query(
        `INSERT INTO credit_entry (agency_id, sequence, cause, project_id, source_id, points, delta, score_after, detail, formula_version, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [e.agencyId, e.sequence, e.cause, e.projectId, e.sourceId, e.points, e.delta, e.scoreAfter, e.detail, e.formulaVersion, e.recordedAt],
      );
    }
    const s = record.snapshot;
    await this.manager.query(`UPDATE credit_record SET score = $2, sequence = $3 WHERE agency_id = $1`, [s.agencyId, s.score, s.sequence]);
  }

  /** The current score, or the start score for a firm with no entries. */
  async scoreOf(agencyId: string): Promise<number> {
    const [row] = await this.manager.query(`SELECT score FROM credit_record WHERE agency_id = $1`, [agencyId]);
    return row ? row.score : CreditRecord.open(agencyId).snapshot.score;
  }

  /** Entries newest first; `limit` null for all of them. */
  async entries(agencyId: string, limit: number | null): Promise<CreditEntry[]> {
    const rows: CreditEntryRow[] = await this.manager.query(
      `SELECT agency_id, sequence, cause, project_id, source_id, points, delta, score_after, detail, formula_version, recorded_at
         FROM credit_entry WHERE agency_id = $1 ORDER BY sequence DESC LIMIT $2`,
      [agencyId, limit],
    );
    return rows.map((r) => ({
      agencyId: r.agency_id,
      sequence: r.sequence,
      cause: r.cause,
      projectId: r.project_id,
      sourceId: r.source_id,
      points: r.points,
      delta: r.delta,
      scoreAfter: r.score_after,
      detail: r.detail,
      formulaVersion: r.formula_version,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }

  async recordMisconduct(m: { id: string; agencyId: string; kind: string; projectId: string | null; reason: string; recordedBy: string; recordedAt: Date }): Promise<void> {
    await this.manager.query(
      `INSERT INTO misconduct (id, agency_id, kind, project_id, reason, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [m.id, m.agencyId, m.kind, m.projectId, m.reason, m.recordedBy, m.recordedAt.toISOString()],
    );
  }
}

interface CreditEntryRow {
  agency_id: string;
  sequence: number;
  cause: CreditCause;
  project_id: string | null;
  source_id: string;
  points: number;
  delta: number;
  score_after: number;
  detail: string;
  formula_version: string;
  recorded_at: Date | string;
}
