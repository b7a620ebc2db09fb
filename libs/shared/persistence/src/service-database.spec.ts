import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ServiceDatabase } from './service-database';

class CreateCounter1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)`);
    await q.query(`INSERT INTO counter VALUES (1, 0)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE counter`);
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ServiceDatabase on embedded PGlite', () => {
  let db: ServiceDatabase;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mkt-db-spec-'));
    db = await ServiceDatabase.open({
      service: 'spec',
      config: { kind: 'pglite', dataDir: join(dir, 'spec') },
      entities: [],
      migrations: [CreateCounter1700000000000],
    });
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps concurrent read-modify-write transactions atomic instead of interleaving them', async () => {
    // Each transaction reads, yields to the event loop, then writes: interleaving would lose updates.
    const increment = () =>
      db.dataSource.transaction(async (m) => {
        const [{ value }] = await m.query(`SELECT value FROM counter WHERE id = 1`);
        await tick();
        await m.query(`UPDATE counter SET value = $1 WHERE id = 1`, [value + 1]);
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    const [{ value }] = await db.dataSource.query(`SELECT value FROM counter WHERE id = 1`);
    expect(value).toBe(20);
  });

  it('rolls back a failed transaction without touching one running beside it', async () => {
    const failing = db.dataSource.transaction(async (m) => {
      await m.query(`UPDATE counter SET value = value + 100 WHERE id = 1`);
      await tick();
      throw new Error('boom');
    });
    const passing = db.dataSource.transaction((m) => m.query(`UPDATE counter SET value = value + 1 WHERE id = 1`));
    await expect(failing).rejects.toThrow('boom');
    await passing;
    const [{ value }] = await db.dataSource.query(`SELECT value FROM counter WHERE id = 1`);
    expect(value).toBe(1);
  });

  it('keeps data across a restart and does not re-run applied migrations', async () => {
    await db.dataSource.query(`UPDATE counter SET value = 7 WHERE id = 1`);
    await db.close();
    db = await ServiceDatabase.open({
      service: 'spec',
      config: { kind: 'pglite', dataDir: join(dir, 'spec') },
      entities: [],
      migrations: [CreateCounter1700000000000],
    });
    const [{ value }] = await db.dataSource.query(`SELECT value FROM counter WHERE id = 1`);
    expect(value).toBe(7);
  });
});
