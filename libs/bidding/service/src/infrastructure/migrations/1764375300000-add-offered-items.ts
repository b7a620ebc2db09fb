import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The items a bidder says it offers (the list of the highest sequence); null until it has said. */
export class AddOfferedItems1764375300000 implements MigrationInterface {
  name = 'AddOfferedItems1764375300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bidder_standing ADD COLUMN offered_items jsonb`);
    await q.query(`ALTER TABLE bidder_standing ADD COLUMN offered_sequence int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bidder_standing DROP COLUMN offered_sequence, DROP COLUMN offered_items`);
  }
}
