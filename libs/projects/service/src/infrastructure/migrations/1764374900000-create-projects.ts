import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects as aggregate snapshots (with an optimistic version) and their full event history. */
export class CreateProjects1764374900000 implements MigrationInterface {
  name = 'CreateProjects1764374900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project (
        id         uuid PRIMARY KEY,
        owner_org  text NOT NULL,
        status     text NOT NULL,
        round      int NOT NULL,
        state      jsonb NOT NULL,
        version    int NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX project_by_owner ON project (owner_org)`);
    await q.query(`CREATE INDEX project_by_status ON project (status)`);
    await q.query(`
      CREATE TABLE project_history (
        project_id uuid NOT NULL REFERENCES project(id),
        seq        int NOT NULL,
        kind       text NOT NULL,
        at         timestamptz NOT NULL,
        event      jsonb NOT NULL,
        PRIMARY KEY (project_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_history`);
    await q.query(`DROP TABLE project`);
  }
}
