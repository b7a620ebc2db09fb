import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The draw service's own count of contracts each agency has signed and not yet completed (rotation rules). */
export class CreateOpenContractsView1764374850000 implements MigrationInterface {
  name = 'CreateOpenContractsView1764374850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_open_contract (
        project_id text NOT NULL,
        agency_id  text NOT NULL,
        PRIMARY KEY (project_id, agency_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_open_contract`);
  }
}
