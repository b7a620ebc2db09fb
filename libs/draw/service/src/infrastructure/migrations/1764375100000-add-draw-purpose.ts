import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project round now has its selection draw and, for bidding, one tie-break draw per tied position: the
 * uniqueness moves from (project, round) to (project, round, purpose, purpose key).
 */
export class AddDrawPurpose1764375100000 implements MigrationInterface {
  name = 'AddDrawPurpose1764375100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE draw ADD COLUMN purpose text NOT NULL DEFAULT 'SELECTION'`);
    await q.query(`ALTER TABLE draw ADD COLUMN purpose_key text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE draw ADD COLUMN tie_break jsonb`);
    await q.query(`ALTER TABLE draw DROP CONSTRAINT draw_project_id_round_key`);
    await q.query(`CREATE UNIQUE INDEX draw_one_per_purpose ON draw (project_id, round, purpose, purpose_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX draw_one_per_purpose`);
    await q.query(`DELETE FROM draw WHERE purpose <> 'SELECTION'`);
    await q.query(`ALTER TABLE draw ADD CONSTRAINT draw_project_id_round_key UNIQUE (project_id, round)`);
    await q.query(`ALTER TABLE draw DROP COLUMN tie_break, DROP COLUMN purpose_key, DROP COLUMN purpose`);
  }
}
