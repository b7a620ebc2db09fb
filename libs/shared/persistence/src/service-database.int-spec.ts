import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabases } from '@mkt/shared/testing';
import { ServiceDatabase } from './service-database';

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE widget (id int PRIMARY KEY)`);
    // Long enough that replicas starting together overlap inside the migration.
    await q.query(`SELECT pg_sleep(0.3)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE widget`);
  }
}

describe('ServiceDatabase on a Postgres server', () => {
  it('lets replicas that start together on an empty database migrate one after another, all successfully', async () => {
    const databases = await createTestDatabases(['replicas']);
    const opened: ServiceDatabase[] = [];
    try {
      const results = await Promise.allSettled(
        [1, 2, 3].map(() => ServiceDatabase.open({ service: 'replicas', config: { kind: 'postgres', url: databases.urlOf('replicas'), poolSize: 2 }, entities: [], migrations: [CreateWidgets1700000000000] })),
      );
      for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const [{ n }] = await opened[0].dataSource.query(`SELECT count(*)::int AS n FROM schema_migrations`);
      expect(n).toBe(1);
    } finally {
      await Promise.all(opened.map((d) => d.close()));
      await databases.drop();
    }
  }, 30000);
});
