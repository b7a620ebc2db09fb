import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable timers: a deadline written in the same transaction as the state change that sets it, so a restart
 * never forgets one. `(kind, key)` is unique: rescheduling the same deadline moves it instead of doubling it.
 */
export class CreateScheduledTasks1764374450000 implements MigrationInterface {
  name = 'CreateScheduledTasks1764374450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_task (
        id         bigserial PRIMARY KEY,
        kind       text NOT NULL,
        key        text NOT NULL,
        due_at     timestamptz NOT NULL,
        payload    text NOT NULL,
        attempts   int NOT NULL DEFAULT 0,
        last_error text,
        done_at    timestamptz,
        UNIQUE (kind, key)
      )`);
    await q.query(`CREATE INDEX scheduled_task_due ON scheduled_task (due_at) WHERE done_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduled_task`);
  }
}
