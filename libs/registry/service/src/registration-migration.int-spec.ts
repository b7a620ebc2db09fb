import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLATFORM_MIGRATIONS } from '@mkt/shared/messaging';
import { ServiceDatabase } from '@mkt/shared/persistence';
import { CreateAgencyTables1764374500000 } from './infrastructure/migrations/1764374500000-create-agency-tables';
import { CreateCatalogTables1764374510000 } from './infrastructure/migrations/1764374510000-create-catalog-tables';
import { CreateCreditAndSanctionTables1764374520000 } from './infrastructure/migrations/1764374520000-create-credit-and-sanction-tables';
import { CreateRegistrationTables1764374530000 } from './infrastructure/migrations/1764374530000-create-registration-tables';

/**
 * Upgrading a registry that already has agencies: the qualifications granted before expiry was scheduled get
 * their deadline, and each firm offers what it was granted.
 */
describe('registry migration to self-registration (embedded Postgres)', () => {
  const before = [...PLATFORM_MIGRATIONS, CreateAgencyTables1764374500000, CreateCatalogTables1764374510000, CreateCreditAndSanctionTables1764374520000];
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-migration-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('schedules the expiry of every earlier qualification at the end of its last day in Beijing, and lists the items each firm offers', async () => {
    const old = await ServiceDatabase.open({ service: 'registry', config: { kind: 'pglite', dataDir: dir }, entities: [], migrations: before });
    const agency = '0b6f1b1e-8d2a-4a52-9d0e-2f1c3b4a5d6e';
    await old.dataSource.query(`INSERT INTO agency (id, name, credit_code, region, status, status_sequence, version) VALUES ($1, '老机构', '91350100M000100Y43', '350100', 'ACTIVE', 1, 3)`, [agency]);
    await old.dataSource.query(
      `INSERT INTO qualification (id, agency_id, service_item_code, level, valid_from, valid_until) VALUES
         ('OLD-1', $1, 'EIA-REPORT', 2, '2025-01-01', '2028-12-31'),
         ('OLD-2', $1, 'SURVEY-MAPPING', 3, '2025-01-01', '2026-02-28'),
         ('OLD-3', $1, 'EIA-REPORT', 1, '2025-06-01', '2027-06-30')`,
      [agency],
    );
    await old.close();

    const upgraded = await ServiceDatabase.open({ service: 'registry', config: { kind: 'pglite', dataDir: dir }, entities: [], migrations: [...before, CreateRegistrationTables1764374530000] });
    try {
      const tasks = await upgraded.dataSource.query(`SELECT kind, key, due_at, payload, done_at FROM scheduled_task ORDER BY key`);
      expect(tasks.map((t: { kind: string; key: string; due_at: Date; payload: string; done_at: Date | null }) => [t.kind, t.key, new Date(t.due_at).toISOString(), JSON.parse(t.payload), t.done_at])).toEqual([
        ['registry.qualification-expires', 'OLD-1', '2028-12-31T16:00:00.000Z', { agencyId: agency }, null],
        ['registry.qualification-expires', 'OLD-2', '2026-02-28T16:00:00.000Z', { agencyId: agency }, null],
        ['registry.qualification-expires', 'OLD-3', '2027-06-30T16:00:00.000Z', { agencyId: agency }, null],
      ]);
      const [row] = await upgraded.dataSource.query(`SELECT service_items, service_items_sequence, contacts FROM agency WHERE id = $1`, [agency]);
      expect(row).toEqual({ service_items: ['EIA-REPORT', 'SURVEY-MAPPING'], service_items_sequence: 0, contacts: [] });
    } finally {
      await upgraded.close();
    }
  });
});
