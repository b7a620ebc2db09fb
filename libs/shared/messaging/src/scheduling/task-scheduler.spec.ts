import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceDatabase } from '@mkt/shared/persistence';
import { FixedClock } from '@mkt/shared/testing';
import { silentLogger } from '../messaging-logger';
import { PLATFORM_MIGRATIONS } from '../nest/service-platform.module';
import { ServicePlatform } from '../service-platform';
import { InProcessTransport } from '../transport/in-process.transport';

const HOUR = 3_600_000;

describe('TaskScheduler', () => {
  let dir: string;
  let db: ServiceDatabase;
  let clock: FixedClock;
  let platform: ServicePlatform;
  let runs: string[];
  let failuresLeft: number;

  async function open(): Promise<void> {
    db = await ServiceDatabase.open({ service: 'timers', config: { kind: 'pglite', dataDir: join(dir, 'db') }, entities: [], migrations: [...PLATFORM_MIGRATIONS] });
    await db.dataSource.query(`CREATE TABLE IF NOT EXISTS effect (key text PRIMARY KEY)`);
    platform = new ServicePlatform({ service: 'timers', produces: [], scheduler: { retryDelayMs: 60_000 } }, db, new InProcessTransport(), clock, silentLogger);
    platform.scheduler.on('publicity.end', async (task, tx) => {
      await tx.manager.query(`INSERT INTO effect VALUES ($1)`, [task.key]);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('registry unreachable');
      }
      runs.push(`${task.key}@${tx.now.toISOString()}`);
    });
  }

  const schedule = (key: string, dueAt: Date) => platform.unitOfWork.run(async (tx) => tx.schedule('publicity.end', key, dueAt, { note: 'x' }));
  const effects = async () => (await db.dataSource.query(`SELECT key FROM effect ORDER BY key`)).map((r: { key: string }) => r.key);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mkt-timers-'));
    clock = new FixedClock(new Date('2026-03-01T00:00:00.000Z'));
    runs = [];
    failuresLeft = 0;
    await open();
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a task once its time has come by the injected clock, not before, and only once', async () => {
    await schedule('p-1', new Date('2026-03-08T00:00:00.000Z'));
    clock.advance(7 * 24 * HOUR - 1);
    expect(await platform.scheduler.runDue()).toBe(0);
    clock.advance(1);
    expect(await platform.scheduler.runDue()).toBe(1);
    expect(await platform.scheduler.runDue()).toBe(0);
    expect(runs).toEqual(['p-1@2026-03-08T00:00:00.000Z']);
  });

  it('moves a deadline scheduled again under the same kind and key', async () => {
    await schedule('p-1', new Date('2026-03-02T00:00:00.000Z'));
    await schedule('p-1', new Date('2026-03-05T00:00:00.000Z'));
    clock.set(new Date('2026-03-03T00:00:00.000Z'));
    expect(await platform.scheduler.runDue()).toBe(0);
    clock.set(new Date('2026-03-05T00:00:00.000Z'));
    expect(await platform.scheduler.runDue()).toBe(1);
  });

  it('rolls back a failed run, retries it later with backoff, and records the error', async () => {
    failuresLeft = 1;
    await schedule('p-1', clock.now());
    expect(await platform.scheduler.runDue()).toBe(1);
    expect(await effects()).toEqual([]);
    const [row] = await db.dataSource.query(`SELECT attempts, last_error, due_at, done_at FROM scheduled_task`);
    expect(row).toMatchObject({ attempts: 1, last_error: 'registry unreachable', done_at: null });
    expect(new Date(row.due_at).getTime()).toBe(clock.now().getTime() + 60_000);
    clock.advance(60_000);
    await platform.scheduler.runDue();
    expect(await effects()).toEqual(['p-1']);
    expect(runs).toHaveLength(1);
  });

  it('keeps deadlines across a restart and runs one that fell due while the service was down', async () => {
    await schedule('p-1', new Date('2026-03-02T00:00:00.000Z'));
    await db.close();
    clock.set(new Date('2026-03-04T00:00:00.000Z'));
    await open();
    expect(await platform.scheduler.runDue()).toBe(1);
    expect(runs).toEqual(['p-1@2026-03-04T00:00:00.000Z']);
  });

  it('runs due tasks by itself once started, woken when a due task is scheduled', async () => {
    platform.startRelaying();
    try {
      await schedule('p-2', clock.now());
      const started = Date.now();
      while (runs.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
      expect(runs).toEqual(['p-2@2026-03-01T00:00:00.000Z']);
    } finally {
      await platform.stop();
    }
  });
});
