import type { EntityManager } from 'typeorm';
import type { ProjectState, ProjectStatus } from '@mkt/projects/core';
import { jsonColumn } from '@mkt/shared/persistence';

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/** The "mine" lists: an owner organisation's projects, an agency's sign-ups (from the history, across rounds). */
export class ProjectListsQuery {
  constructor(private readonly manager: EntityManager) {}

  async ofOwner(ownerOrg: string, status: ProjectStatus | null, page: Page): Promise<{ rows: { state: ProjectState; updatedAt: string }[]; total: number; byStatus: Record<string, number> }> {
    const rows = await this.manager.query(
      `SELECT state, updated_at FROM project WHERE owner_org = $1 AND ($2::text IS NULL OR status = $2) ORDER BY updated_at DESC, id LIMIT $3 OFFSET $4`,
      [ownerOrg, status, page.limit, page.offset],
    );
    const counts: { status: string; n: number }[] = await this.manager.query(`SELECT status, count(*)::int AS n FROM project WHERE owner_org = $1 GROUP BY status`, [ownerOrg]);
    const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n]));
    return {
      rows: rows.map((r: { state: ProjectState | string; updated_at: Date | string }) => ({ state: jsonColumn<ProjectState>(r.state), updatedAt: new Date(r.updated_at).toISOString() })),
      total: status ? (byStatus[status] ?? 0) : counts.reduce((sum, c) => sum + c.n, 0),
      byStatus,
    };
  }

  /**
   * Each project the agency ever signed up for, with its latest sign-up event (signed up or withdrawn) and the
   * latest sign-up time, newest first. Reads `project_history` through the partial index on the agency id.
   */
  async signUpsOf(
    agencyId: string,
    filter: { readonly status: ProjectStatus | null; readonly projectId: string | null },
    page: Page,
  ): Promise<{ rows: { state: ProjectState; round: number; signedUpAt: string; withdrawnAt: string | null }[]; total: number }> {
    const latest = `
      SELECT h.project_id,
             (array_agg(h.kind ORDER BY h.seq DESC))[1] AS last_kind,
             (array_agg(h.at ORDER BY h.seq DESC))[1] AS last_at,
             (array_agg((h.event->>'round')::int ORDER BY h.seq DESC))[1] AS round,
             max(h.at) FILTER (WHERE h.kind = 'signed-up') AS signed_up_at
        FROM project_history h
       WHERE h.kind IN ('signed-up', 'sign-up-withdrawn') AND h.event->>'agencyId' = $1
         AND ($2::uuid IS NULL OR h.project_id = $2::uuid)
       GROUP BY h.project_id`;
    const rows = await this.manager.query(
      `SELECT l.last_kind, l.last_at, l.round, l.signed_up_at, p.state
         FROM (${latest}) l JOIN project p ON p.id = l.project_id
        WHERE ($3::text IS NULL OR p.status = $3)
        ORDER BY l.last_at DESC, l.project_id LIMIT $4 OFFSET $5`,
      [agencyId, filter.projectId, filter.status, page.limit, page.offset],
    );
    const [{ n }] = await this.manager.query(`SELECT count(*)::int AS n FROM (${latest}) l JOIN project p ON p.id = l.project_id WHERE ($3::text IS NULL OR p.status = $3)`, [agencyId, filter.projectId, filter.status]);
    return {
      total: n,
      rows: rows.map((r: { last_kind: string; last_at: Date | string; round: number; signed_up_at: Date | string; state: ProjectState | string }) => ({
        state: jsonColumn<ProjectState>(r.state),
        round: Number(r.round),
        signedUpAt: new Date(r.signed_up_at).toISOString(),
        withdrawnAt: r.last_kind === 'sign-up-withdrawn' ? new Date(r.last_at).toISOString() : null,
      })),
    };
  }
}
