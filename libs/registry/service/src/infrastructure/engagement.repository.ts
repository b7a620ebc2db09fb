import type { EntityManager } from 'typeorm';
import { notFound } from '@mkt/shared/kernel';

export interface TrackRecord {
  /** Projects the firm was selected for (awarded, or contracted after an alternate's promotion). */
  readonly wins: number;
  readonly declined: number;
  readonly completed: number;
  readonly evaluations: number;
  /** Mean quality mark 1–5, two decimals; null before the first evaluation. */
  readonly averageQuality: number | null;
}

type Milestone = 'awarded_at' | 'contracted_at' | 'completed_at';

/**
 * Each agency's engagements, one row per project, folded from the projects service's events. Every write keeps
 * the first value it sees, so a redelivered or reordered event cannot change what is recorded.
 */
export class EngagementRepository {
  constructor(private readonly manager: EntityManager) {}

  async reached(agencyId: string, projectId: string, milestone: Milestone, at: Date): Promise<void> {
    await this.upsert(agencyId, projectId, milestone, at.toISOString());
  }

  async declined(agencyId: string, projectId: string, cause: 'DECLINED' | 'NO_RESPONSE'): Promise<void> {
    await this.upsert(agencyId, projectId, 'declined', cause);
  }

  async evaluated(agencyId: string, projectId: string, quality: number, at: Date): Promise<void> {
    await this.upsert(agencyId, projectId, 'quality', quality);
    await this.manager.query(`UPDATE agency_engagement SET evaluated_at = coalesce(evaluated_at, $3) WHERE agency_id = $1 AND project_id = $2`, [agencyId, projectId, at.toISOString()]);
  }

  async trackRecordOf(agencyId: string): Promise<TrackRecord> {
    const [row] = await this.manager.query(
      `SELECT count(*) FILTER (WHERE awarded_at IS NOT NULL OR contracted_at IS NOT NULL)::int AS wins,
              count(declined)::int AS declined,
              count(completed_at)::int AS completed,
              count(quality)::int AS evaluations,
              round(avg(quality), 2)::float8 AS average
         FROM agency_engagement WHERE agency_id = $1`,
      [agencyId],
    );
    return { wins: row.wins, declined: row.declined, completed: row.completed, evaluations: row.evaluations, averageQuality: row.average === null ? null : Number(row.average) };
  }

  private async upsert(agencyId: string, projectId: string, column: Milestone | 'declined' | 'quality', value: string | number): Promise<void> {
    const [agency] = await this.manager.query(`SELECT 1 FROM agency WHERE id::text = $1`, [agencyId]);
    if (!agency) throw notFound('REGISTRY.AGENCY_NOT_FOUND', `no agency ${agencyId}`);
    await this.manager.query(
      `INSERT INTO agency_engagement (agency_id, project_id, ${column}) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, project_id) DO UPDATE SET ${column} = coalesce(agency_engagement.${column}, EXCLUDED.${column})`,
      [agencyId, projectId, value],
    );
  }
}
