import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bidding's own read model of bidders, folded from registry events; the qualification list is kept as JSON. */
export class CreateBidderStanding1764374700000 implements MigrationInterface {
  name = 'CreateBidderStanding1764374700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bidder_standing (
        agency_id       text PRIMARY KEY,
        status          text NOT NULL DEFAULT 'PENDING',
        status_sequence int NOT NULL DEFAULT 0,
        items           jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bidder_standing`);
  }
}
