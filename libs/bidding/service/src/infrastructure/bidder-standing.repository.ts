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

  /** Keeps the offered-items list of the highest sequence. */
  async setOfferedItems(agencyId: string, items: readonly string[], sequence: number): Promise<void> {
    await this.ensure(agencyId);
    await this.manager.query(`UPDATE bidder_standing SET offered_items = $2, offered_sequence = $3 WHERE agency_id = $1 AND offered_sequence < $3`, [
      agencyId,
      JSON.stringify(items),
      sequence,
    ]);
  }

  /** The standing of each of these agencies that the read model knows, in one statement. */
  async findMany(agencyIds: readonly string[]): Promise<Map<string, BidderStanding>> {
    const rows = await this.manager.query(`SELECT agency_id, status, items, offered_items FROM bidder_standing WHERE agency_id = ANY($1)`, [agencyIds]);
    return new Map(rows.map((row: { agency_id: string; status: string; items: unknown; offered_items: unknown }) => [row.agency_id, standingOf(row)]));
  }

  async find(agencyId: string): Promise<BidderStanding | null> {
    const [row] = await this.manager.query(`SELECT status, items, offered_items FROM bidder_standing WHERE agency_id = $1`, [agencyId]);
    return row ? standingOf(row) : null;
  }
}

/** A bidder_standing row (or the same columns under these names) as the domain sees it. */
export function standingOf(row: { status: string; items: unknown; offered_items: unknown }): BidderStanding {
  return {
    status: row.status,
    items: Object.values(jsonColumn<Record<string, Item>>(row.items as string)),
    offeredItems: row.offered_items === null || row.offered_items === undefined ? null : jsonColumn<string[]>(row.offered_items as string),
  };
}
