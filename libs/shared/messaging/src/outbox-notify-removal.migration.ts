import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the trigger that sent `NOTIFY outbox` at every commit inserting an event. A notifying commit takes a
 * database-wide lock, so all of them queued one behind the other, each with its own flush: inserts into the
 * outbox ran at a third of their rate under concurrency. Relays now learn of other replicas' events by
 * retrying when the relay lock is busy (see OutboxRelay), and of their own commits directly.
 */
export class DropOutboxNotify1795910400000 implements MigrationInterface {
  name = 'DropOutboxNotify1795910400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS outbox_inserted ON outbox`);
    await q.query(`DROP FUNCTION IF EXISTS outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }
}
