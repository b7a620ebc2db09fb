import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: entries at dense positions (leaf index = position), a one-row head whose lock serialises
 * appends, signed checkpoints, and the dev signing key. Entries and checkpoints are append-only in the
 * database itself: UPDATE, DELETE and TRUNCATE are refused by triggers, whoever connects.
 */
export class CreateAuditLog1764375000000 implements MigrationInterface {
  name = 'CreateAuditLog1764375000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log_entry (
        position     bigint PRIMARY KEY CHECK (position >= 0),
        event_id     uuid NOT NULL UNIQUE,
        event_type   text NOT NULL,
        producer     text NOT NULL,
        aggregate_id text NOT NULL,
        project_id   text,
        occurred_at  timestamptz NOT NULL,
        recorded_at  timestamptz NOT NULL,
        entry        text NOT NULL,
        leaf_hash    text NOT NULL CHECK (leaf_hash ~ '^[0-9a-f]{64}$')
      )`);
    // A project's record: entries about it as aggregate, or naming it in the payload (projectId).
    await q.query(`CREATE INDEX audit_log_entry_by_aggregate ON audit_log_entry (aggregate_id, position)`);
    await q.query(`CREATE INDEX audit_log_entry_by_project ON audit_log_entry (project_id, position) WHERE project_id IS NOT NULL`);
    // The log's size. Each append locks this row FOR UPDATE, so positions are handed out one transaction at a
    // time and commit in order: a reader never sees position n+1 without n.
    await q.query(`
      CREATE TABLE audit_log_head (
        id   int PRIMARY KEY CHECK (id = 1),
        size bigint NOT NULL CHECK (size >= 0)
      )`);
    await q.query(`INSERT INTO audit_log_head (id, size) VALUES (1, 0)`);
    await q.query(`
      CREATE TABLE audit_checkpoint (
        size       bigint PRIMARY KEY CHECK (size >= 0),
        root       text NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
        note       text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    // Only without AUDIT_SIGNING_KEY (embedded/dev): the generated key, so checkpoints survive restarts.
    await q.query(`
      CREATE TABLE audit_signing_key (
        name       text PRIMARY KEY,
        signer_key text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_log_entry', 'audit_checkpoint']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }
    // The head only grows, one entry at a time; shrinking it would hand out a position twice.
    await q.query(`
      CREATE FUNCTION audit_head_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' OR NEW.size <> OLD.size + 1 THEN
          RAISE EXCEPTION 'audit_log_head only grows by one per append: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_head_only_grows BEFORE UPDATE OR DELETE ON audit_log_head FOR EACH ROW EXECUTE FUNCTION audit_head_only_grows()`);
    await q.query(`CREATE TRIGGER audit_log_head_no_truncate BEFORE TRUNCATE ON audit_log_head FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_signing_key`);
    await q.query(`DROP TABLE audit_checkpoint`);
    await q.query(`DROP TABLE audit_log_head`);
    await q.query(`DROP TABLE audit_log_entry`);
    await q.query(`DROP FUNCTION audit_head_only_grows()`);
    await q.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
