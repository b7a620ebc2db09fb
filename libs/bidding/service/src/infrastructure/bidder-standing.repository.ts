import type { EntityManager } from 'typeorm';
import type { BidderStanding } from '@mkt/bidding/core';
import { jsonColumn } from '@mkt/shared/persistence';

type Item = BidderStanding['items'][number];

/** One row per agency; qualifications keyed by certificate number inside `items`, so a replay overwrites itself. */
export class BidderStandingRepository {
  constructor(private readonly manager: EntityManager) {}

  async ensure(agencyId: string): Promise<void> {
    await this.manager.query(`INSERT INTO bidder_standing (agency_id) VALUES ($1) ON CONFLICT DO NOTHING`, [agencyId]);
  }

  async setStatus(agencyId: string, status: string, sequence: number): Promise<void> {
    await this.ensure(agencyId);
    await this.manager.query(
      `UPDATE bidder_standing SET status = $2, status_sequence = $3 WHERE agency_id = $1 AND status_sequence < $3`,
      [agencyId, status, sequence],
    );
  }

  async addItem(agencyId: string, certificate: string, item: Item): Promise<void> {
    await this.ensure(agencyId);
    await this.manager.query(`UPDATE bidder_standing SET items = items || jsonb_build_object($2::text, $3::jsonb) WHERE agency_id = $1`, [
      agencyId,
      certificate,
      JSON.stringify(item),
    ]);
  }

  async find(agencyId: string): Promise<BidderStanding | null> {
    const [row] = await this.manager.query(`SELECT status, items FROM bidder_standing WHERE agency_id = $1`, [agencyId]);
    if (!row) return null;
    const items = jsonColumn<Record<string, Item>>(row.items);
    return { status: row.status, items: Object.values(items) as Item[] };
  }
}
