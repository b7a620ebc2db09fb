import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The items a firm says it offers (the list of the highest sequence); null until it has said. */
export class AddOfferedItems1764375300000 implements MigrationInterface {
  name = 'AddOfferedItems1764375300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency_view ADD COLUMN offered_items jsonb`);
    await q.query(`ALTER TABLE agency_view ADD COLUMN offered_sequence int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency_view DROP COLUMN offered_sequence, DROP COLUMN offered_items`);
  }
}
