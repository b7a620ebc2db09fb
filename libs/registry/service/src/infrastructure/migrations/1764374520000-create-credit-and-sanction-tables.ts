import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCreditAndSanctionTables1764374520000 implements MigrationInterface {
  name = 'CreateCreditAndSanctionTables1764374520000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_sanction (
        id          uuid PRIMARY KEY,
        agency_id   uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        kind        text NOT NULL,
        reason      text NOT NULL,
        starts_at   timestamptz NOT NULL,
        ends_at     timestamptz NOT NULL,
        imposed_at  timestamptz NOT NULL,
        lifted_at   timestamptz,
        lift_reason text
      )`);
    await q.query(`CREATE INDEX agency_sanction_by_agency ON agency_sanction (agency_id)`);
    // One row per agency with entries: locking it serialises that agency's credit changes, so sequences have no gaps.
    await q.query(`
      CREATE TABLE credit_record (
        agency_id uuid PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
        score     int NOT NULL,
        sequence  int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE credit_entry (
        agency_id       uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        sequence        int NOT NULL,
        cause           text NOT NULL,
        project_id      text,
        source_id       text NOT NULL,
        points          int NOT NULL,
        delta           int NOT NULL,
        score_after     int NOT NULL,
        detail          text NOT NULL,
        formula_version text NOT NULL,
        recorded_at     timestamptz NOT NULL,
        PRIMARY KEY (agency_id, sequence)
      )`);
    await q.query(`
      CREATE TABLE misconduct (
        id          uuid PRIMARY KEY,
        agency_id   uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        kind        text NOT NULL,
        project_id  text,
        reason      text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    // The public track record, one row per agency and project, filled from the projects service's events.
    await q.query(`
      CREATE TABLE agency_engagement (
        agency_id     uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        project_id    text NOT NULL,
        awarded_at    timestamptz,
        declined      text,
        contracted_at timestamptz,
        completed_at  timestamptz,
        quality       int,
        evaluated_at  timestamptz,
        PRIMARY KEY (agency_id, project_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_engagement`);
    await q.query(`DROP TABLE misconduct`);
    await q.query(`DROP TABLE credit_entry`);
    await q.query(`DROP TABLE credit_record`);
    await q.query(`DROP TABLE agency_sanction`);
  }
}
