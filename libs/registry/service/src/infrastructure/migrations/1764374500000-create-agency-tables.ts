import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgencyTables1764374500000 implements MigrationInterface {
  name = 'CreateAgencyTables1764374500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id              uuid PRIMARY KEY,
        name            text NOT NULL,
        credit_code     text NOT NULL UNIQUE,
        region          text NOT NULL,
        status          text NOT NULL,
        status_sequence int NOT NULL,
        version         int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE qualification (
        id                text PRIMARY KEY,
        agency_id         uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        service_item_code text NOT NULL,
        level             int NOT NULL,
        valid_from        date NOT NULL,
        valid_until       date NOT NULL
      )`);
    await q.query(`CREATE INDEX qualification_by_agency ON qualification (agency_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qualification`);
    await q.query(`DROP TABLE agency`);
  }
}
