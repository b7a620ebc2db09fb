import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { parseVerifierKey, verifyLogExport, type LogExport } from '@mkt/audit/core';
import { AgencyRegisteredV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { createTestDatabases, eventMessage } from '@mkt/shared/testing';
import { AuditModule } from './audit.module';

/**
 * Distributed mode's database: a real Postgres with a pool of connections, so appends from several partitions
 * truly run at once. The head lock must still hand out dense positions that commit in order (a reader never
 * sees a gap), and every checkpoint signed meanwhile must be a prefix of the final log.
 */
const secret = 'audit-concurrency-spec-secret-0123456789ab';
const supervisor = issueTestToken(secret, { userId: 'sup-1', role: 'SUPERVISOR', organizationId: null });
const PARTITIONS = 6;
const PER_PARTITION = 25;

const agency = (id: string) => eventMessage(AgencyRegisteredV1, id, { agencyId: id, name: `机构 ${id}`, creditCode: '91350100M000100Y43', region: '350100' });

describe('audit log on Postgres under concurrent appends', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let app: INestApplication;
  let base: string;
  let audit: ServicePlatform;

  beforeAll(async () => {
    databases = await createTestDatabases(['audit']);
    app = await createHttpApp(
      {
        module: class AuditConcurrencyRoot {},
        imports: [
          MessagingModule.forRoot({ transport: { kind: 'in-process' } }),
          AuthModule.forRoot({ secret }),
          AuditModule.forRoot({ database: { kind: 'postgres', url: databases.urlOf('audit'), poolSize: 8 }, log: { origin: 'audit.test/concurrent', signingKey: null } }),
        ],
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    audit = app.get(MessagingRuntime).platform('audit') as ServicePlatform;
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await databases?.drop();
  });

  it('hands out dense positions in commit order while partitions append and supervisors sign at once', async () => {
    const partitions = Array.from({ length: PARTITIONS }, () => Array.from({ length: PER_PARTITION }, () => agency(randomUUID())));
    let appending = true;
    const gapsSeen: string[] = [];
    const reader = (async () => {
      while (appending) {
        const rows: { position: string }[] = await audit.database.dataSource.query(`SELECT position FROM audit_log_entry ORDER BY position`);
        const gap = rows.findIndex((r, i) => Number(r.position) !== i);
        if (gap >= 0) gapsSeen.push(`position ${rows[gap].position} visible at index ${gap}`);
      }
    })();
    const signingStatuses: number[] = [];
    const signer = (async () => {
      while (appending) {
        const res = await fetch(`${base}/api/audit/checkpoints`, { method: 'POST', headers: { authorization: `Bearer ${supervisor}` } });
        signingStatuses.push(res.status);
      }
    })();

    let outcomes: string[][];
    try {
      outcomes = await Promise.all(
        partitions.map(async (messages) => {
          const delivered: string[] = [];
          for (const message of messages) delivered.push(await audit.inbox.deliver(message));
          return delivered;
        }),
      );
    } finally {
      appending = false;
      await Promise.allSettled([reader, signer]);
    }
    expect(new Set(outcomes.flat())).toEqual(new Set(['handled']));
    expect(gapsSeen).toEqual([]);
    expect(new Set(signingStatuses)).toEqual(new Set([200]));

    const rows: { position: string; event_id: string }[] = await audit.database.dataSource.query(`SELECT position, event_id FROM audit_log_entry ORDER BY position`);
    const total = PARTITIONS * PER_PARTITION;
    expect(rows.map((r) => Number(r.position))).toEqual(Array.from({ length: total }, (_, i) => i));
    for (const messages of partitions) {
      const positions = messages.map((m) => rows.findIndex((r) => r.event_id === JSON.parse(m.value).id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }

    await fetch(`${base}/api/audit/checkpoints`, { method: 'POST', headers: { authorization: `Bearer ${supervisor}` } });
    const checkpoint = await (await fetch(`${base}/api/audit/checkpoint`)).json();
    const exported: LogExport = await (await fetch(`${base}/api/audit/export`, { headers: { authorization: `Bearer ${supervisor}` } })).json();
    const verified = verifyLogExport(exported, parseVerifierKey(checkpoint.verifierKey));
    expect(verified).toMatchObject({ ok: true, size: total, signedSize: total });
    expect(verified.ok && verified.checkpointsVerified).toBeGreaterThan(2);
  });
});
