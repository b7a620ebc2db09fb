import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Draws (one per project round) and failed rounds. The secret stays in its own column until the reveal. */
export class CreateDraws1764374800000 implements MigrationInterface {
  name = 'CreateDraws1764374800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE draw (
        draw_id         uuid PRIMARY KEY,
        project_id      text NOT NULL,
        round           int NOT NULL,
        owner_org       text NOT NULL,
        status          text NOT NULL,
        commitment      jsonb NOT NULL,
        secret          text NOT NULL,
        witness_values  jsonb NOT NULL DEFAULT '[]'::jsonb,
        record          jsonb,
        committed_at    timestamptz NOT NULL,
        reveal_deadline timestamptz NOT NULL,
        revealed_at     timestamptz,
        overdue_at      timestamptz,
        UNIQUE (project_id, round)
      )`);
    await q.query(`
      CREATE TABLE draw_failure (
        project_id text NOT NULL,
        round      int NOT NULL,
        reason     text NOT NULL,
        pool_size  int NOT NULL,
        minimum    int NOT NULL,
        exclusions jsonb NOT NULL,
        failed_at  timestamptz NOT NULL,
        PRIMARY KEY (project_id, round)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE draw_failure`);
    await q.query(`DROP TABLE draw`);
  }
}
