import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-registration (入驻) with review, certificate scans, the firm's details and offered items, and the expiry
 * of qualifications on the durable scheduler.
 */
export class CreateRegistrationTables1764374530000 implements MigrationInterface {
  name = 'CreateRegistrationTables1764374530000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_application (
        id          uuid PRIMARY KEY,
        agency_id   uuid NOT NULL,
        status      text NOT NULL,
        revision    int NOT NULL,
        content     jsonb NOT NULL,
        credit_code text NOT NULL,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        version     int NOT NULL
      )`);
    // One open application per organisation and per credit code: two reviewers never race to approve the same firm.
    await q.query(`CREATE UNIQUE INDEX registration_open_by_agency ON registration_application (agency_id) WHERE status IN ('SUBMITTED', 'CHANGES_REQUESTED')`);
    await q.query(`CREATE UNIQUE INDEX registration_open_by_credit_code ON registration_application (credit_code) WHERE status IN ('SUBMITTED', 'CHANGES_REQUESTED')`);
    await q.query(`CREATE INDEX registration_by_status ON registration_application (status, created_at)`);
    // Every step with the content as it stood, so a reviewer sees what changed between revisions.
    await q.query(`
      CREATE TABLE registration_step (
        application_id uuid NOT NULL REFERENCES registration_application(id),
        sequence       int NOT NULL,
        action         text NOT NULL,
        actor_user_id  text NOT NULL,
        reason         text,
        revision       int NOT NULL,
        at             timestamptz NOT NULL,
        PRIMARY KEY (application_id, sequence)
      )`);
    await q.query(`
      CREATE TABLE registration_revision (
        application_id uuid NOT NULL REFERENCES registration_application(id),
        revision       int NOT NULL,
        content        jsonb NOT NULL,
        PRIMARY KEY (application_id, revision)
      )`);
    // Scans live in the registry's own database: one backup, one access path, no file names from clients on disk.
    await q.query(`
      CREATE TABLE qualification_scan (
        id              uuid PRIMARY KEY,
        organization_id text NOT NULL,
        media_type      text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes      int NOT NULL,
        sha256          text NOT NULL,
        content         bytea NOT NULL,
        uploaded_by     text NOT NULL,
        uploaded_at     timestamptz NOT NULL,
        UNIQUE (organization_id, sha256)
      )`);
    await q.query(`ALTER TABLE agency ADD COLUMN legal_representative text`);
    await q.query(`ALTER TABLE agency ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE agency ADD COLUMN service_items jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE agency ADD COLUMN service_items_sequence int NOT NULL DEFAULT 0`);
    // Firms entered before self-registration offer what they were granted.
    await q.query(`
      UPDATE agency a SET service_items = coalesce((SELECT jsonb_agg(DISTINCT q.service_item_code) FROM qualification q WHERE q.agency_id = a.id), '[]')`);
    await q.query(`
      CREATE TABLE agency_certificate (
        agency_id          uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        certificate_number text NOT NULL,
        qualification_type text NOT NULL,
        level              int NOT NULL,
        issuer             text NOT NULL,
        valid_from         date NOT NULL,
        valid_until        date NOT NULL,
        scan_id            uuid REFERENCES qualification_scan(id),
        PRIMARY KEY (agency_id, certificate_number)
      )`);
    await q.query(`ALTER TABLE qualification ADD COLUMN certificate_number text`);
    await q.query(`ALTER TABLE qualification ADD COLUMN expired_at timestamptz`);
    // Qualifications granted before expiry was scheduled get their deadline now: the end of their last day in Beijing.
    await q.query(`
      INSERT INTO scheduled_task (kind, key, due_at, payload)
      SELECT 'registry.qualification-expires', id, ((valid_until + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC',
             json_build_object('agencyId', agency_id)::text
        FROM qualification
      ON CONFLICT (kind, key) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM scheduled_task WHERE kind = 'registry.qualification-expires'`);
    await q.query(`ALTER TABLE qualification DROP COLUMN expired_at`);
    await q.query(`ALTER TABLE qualification DROP COLUMN certificate_number`);
    await q.query(`DROP TABLE agency_certificate`);
    await q.query(`ALTER TABLE agency DROP COLUMN service_items_sequence`);
    await q.query(`ALTER TABLE agency DROP COLUMN service_items`);
    await q.query(`ALTER TABLE agency DROP COLUMN contacts`);
    await q.query(`ALTER TABLE agency DROP COLUMN legal_representative`);
    await q.query(`DROP TABLE qualification_scan`);
    await q.query(`DROP TABLE registration_revision`);
    await q.query(`DROP TABLE registration_step`);
    await q.query(`DROP TABLE registration_application`);
  }
}
