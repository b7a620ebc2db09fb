import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox, inbox and parked events: every service's database carries these, created by its first migration.
 * The outbox keeps the exact envelope text so that what is published is byte-for-byte what was committed.
 */
export class CreateMessagingTables1764374400000 implements MigrationInterface {
  name = 'CreateMessagingTables1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq          bigserial PRIMARY KEY,
        event_id     uuid NOT NULL UNIQUE,
        topic        text NOT NULL,
        aggregate_id text NOT NULL,
        event_type   text NOT NULL,
        envelope     text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL`);
    // Fires once per inserting statement, at commit: wakes relays in other processes promptly.
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await q.query(`
      CREATE TABLE inbox (
        consumer    text NOT NULL,
        event_id    uuid NOT NULL,
        event_type  text NOT NULL,
        handled_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`
      CREATE TABLE parked_events (
        id         bigserial PRIMARY KEY,
        consumer   text NOT NULL,
        topic      text NOT NULL,
        event_id   text,
        event_type text,
        raw        text NOT NULL,
        reason     text NOT NULL,
        attempts   int NOT NULL,
        parked_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX parked_events_once ON parked_events (consumer, event_id) WHERE event_id IS NOT NULL`);
    // A client's retried command (same Idempotency-Key) gets the first answer back instead of a second effect.
    await q.query(`
      CREATE TABLE idempotent_requests (
        scope       text NOT NULL,
        key         text NOT NULL,
        fingerprint text NOT NULL,
        response    text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotent_requests`);
    await q.query(`DROP TABLE parked_events`);
    await q.query(`DROP TABLE inbox`);
    await q.query(`DROP TRIGGER outbox_inserted ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
    await q.query(`DROP TABLE outbox`);
  }
}
