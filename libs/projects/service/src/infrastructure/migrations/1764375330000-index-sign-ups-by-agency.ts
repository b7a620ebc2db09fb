import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agency's "my sign-ups" list reads its sign-up events from the history: index them by agency. */
export class IndexSignUpsByAgency1764375330000 implements MigrationInterface {
  name = 'IndexSignUpsByAgency1764375330000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX project_history_sign_ups_by_agency ON project_history ((event->>'agencyId'), project_id) WHERE kind IN ('signed-up', 'sign-up-withdrawn')`);
    await q.query(`CREATE INDEX project_by_owner_updated ON project (owner_org, updated_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX project_by_owner_updated`);
    await q.query(`DROP INDEX project_history_sign_ups_by_agency`);
  }
}
