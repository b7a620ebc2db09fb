import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The draw service's own copy of what it needs from the registry, folded from registry events. */
export class CreateAgencyEligibilityView1764374600000 implements MigrationInterface {
  name = 'CreateAgencyEligibilityView1764374600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_view (
        agency_id       text PRIMARY KEY,
        name            text NOT NULL,
        region          text NOT NULL,
        status          text NOT NULL,
        status_sequence int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE agency_view_qualification (
        qualification_id  text PRIMARY KEY,
        agency_id         text NOT NULL,
        service_item_code text NOT NULL,
        level             int NOT NULL,
        valid_from        date NOT NULL,
        valid_until       date NOT NULL
      )`);
    await q.query(`CREATE INDEX agency_view_qualification_by_item ON agency_view_qualification (service_item_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_view_qualification`);
    await q.query(`DROP TABLE agency_view`);
  }
}
