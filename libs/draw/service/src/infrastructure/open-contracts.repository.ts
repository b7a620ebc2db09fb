import type { EntityManager } from 'typeorm';

/** Contracts signed and not completed, per agency, folded from the projects service's events. */
export class OpenContractsRepository {
  constructor(private readonly manager: EntityManager) {}

  async opened(projectId: string, agencyId: string): Promise<void> {
    await this.manager.query(`INSERT INTO agency_open_contract (project_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [projectId, agencyId]);
  }

  async closed(projectId: string, agencyId: string): Promise<void> {
    await this.manager.query(`DELETE FROM agency_open_contract WHERE project_id = $1 AND agency_id = $2`, [projectId, agencyId]);
  }

  async countsFor(agencyIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { agency_id: string; n: number }[] = await this.manager.query(
      `SELECT agency_id, count(*)::int AS n FROM agency_open_contract WHERE agency_id = ANY($1) GROUP BY agency_id`,
      [agencyIds],
    );
    return new Map(rows.map((r) => [r.agency_id, r.n]));
  }
}
