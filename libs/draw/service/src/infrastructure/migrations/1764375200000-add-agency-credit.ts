import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The credit score each agency stands at, folded from the registry's credit record: what a credit-weighted draw weighs. */
export class AddAgencyCredit1764375200000 implements MigrationInterface {
  name = 'AddAgencyCredit1764375200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency_view ADD COLUMN credit_score int`);
    await q.query(`ALTER TABLE agency_view ADD COLUMN credit_sequence int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency_view DROP COLUMN credit_sequence, DROP COLUMN credit_score`);
  }
}
