import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import {
  generateSigner,
  hexToBytesOrNull,
  parseVerifierKey,
  signerKeyString,
  verifierKeyString,
  verifierOf,
  verifyCheckpoint,
  verifyConsistency,
  verifyLogExport,
  type LogExport,
} from '@mkt/audit/core';
import { AgencyRegisteredV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import type { DatabaseConfig } from '@mkt/shared/persistence';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock } from '@mkt/shared/testing';
import { AuditModule } from './audit.module';
import type { AuditLogSettings } from './audit-settings';

/**
 * The log outlives the process: its entries, checkpoints and generated key are in its database, the tree is
 * rebuilt from the stored leaf hashes, and new entries continue at the next position. A start with another key
 * is refused rather than allowed to sign a log its published key cannot verify.
 */
const secret = 'audit-restart-spec-secret-0123456789abcdef';
const ORIGIN = 'audit.test/restart';
const supervisor = issueTestToken(secret, { userId: 'sup-1', role: 'SUPERVISOR', organizationId: null });
const clock = new FixedClock(new Date('2026-03-02T08:00:00.000Z'));

const agency = (i: number) => eventMessage(AgencyRegisteredV1, `agency-${i}`, { agencyId: `agency-${i}`, name: `机构${i}`, creditCode: '91350100M000100Y43', region: '350100' });
const bytes = (hex: string) => hexToBytesOrNull(hex) as Uint8Array;

interface Running {
  readonly app: INestApplication;
  readonly audit: ServicePlatform;
  call(method: string, path: string, auth?: boolean): Promise<{ status: number; body: any }>;
}

function rootModule(database: DatabaseConfig, log: Partial<AuditLogSettings>) {
  class AuditRestartRoot {}
  return {
    module: AuditRestartRoot,
    imports: [MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }), AuthModule.forRoot({ secret }), AuditModule.forRoot({ database, log })],
  };
}

async function start(database: DatabaseConfig, log: Partial<AuditLogSettings> = { origin: ORIGIN, signingKey: null }): Promise<Running> {
  const app = await createHttpApp(rootModule(database, log), { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  return {
    app,
    audit: app.get(MessagingRuntime).platform('audit') as ServicePlatform,
    async call(method, path, auth = false) {
      const res = await fetch(`${base}${path}`, { method, headers: auth ? { authorization: `Bearer ${supervisor}` } : {} });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
  };
}

/** Starts the app and expects start-up itself to fail; the databases it opened are closed again. */
async function startRefused(database: DatabaseConfig, log: Partial<AuditLogSettings>): Promise<Error> {
  const app = await createHttpApp(rootModule(database, log), { logger: false });
  const error = await app.init().then(
    () => null,
    (e: Error) => e,
  );
  await app.close();
  if (!error) throw new Error('the audit service started');
  return error;
}

describe('audit service across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-restart-'));
  const database: DatabaseConfig = { kind: 'pglite', dataDir };
  let running: Running | null = null;

  afterEach(async () => {
    await running?.app.close();
    running = null;
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  let pinnedKey = '';
  let firstNote = '';

  it('first start: generates a key, records entries, signs them', async () => {
    running = await start(database);
    for (const i of [1, 2]) await expect(running.audit.inbox.deliver(agency(i))).resolves.toBe('handled');
    const signed = await running.call('POST', '/api/audit/checkpoints', true);
    expect(signed).toMatchObject({ status: 200, body: { created: true, checkpoint: { size: 2 } } });
    pinnedKey = signed.body.checkpoint.verifierKey;
    firstNote = signed.body.checkpoint.note;
  });

  it('after a restart the key and the log are the same, and new entries continue at the next position', async () => {
    running = await start(database);
    const latest = await running.call('GET', '/api/audit/checkpoint');
    expect(latest.body).toMatchObject({ size: 2, note: firstNote, verifierKey: pinnedKey });

    await expect(running.audit.inbox.deliver(agency(3))).resolves.toBe('handled');
    const { body: page } = await running.call('GET', '/api/audit/entries', true);
    expect(page.entries.map((e: { position: number; aggregateId: string }) => [e.position, e.aggregateId])).toEqual([
      [0, 'agency-1'],
      [1, 'agency-2'],
      [2, 'agency-3'],
    ]);

    const { body: signed } = await running.call('POST', '/api/audit/checkpoints', true);
    const key = parseVerifierKey(pinnedKey);
    expect(verifyCheckpoint(signed.checkpoint.note, key).ok).toBe(true);
    const { body: proof } = await running.call('GET', '/api/audit/proofs/consistency?from=2&to=3');
    expect(verifyConsistency(2, 3, bytes(latest.body.rootHash), bytes(signed.checkpoint.rootHash), proof.proof.map(bytes))).toBe(true);

    const exported = (await running.call('GET', '/api/audit/export', true)).body as LogExport;
    expect(verifyLogExport(exported, key)).toMatchObject({ ok: true, size: 3, checkpointsVerified: 3 });
    expect(await running.audit.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_signing_key`)).toEqual([{ n: 1 }]);
  });

  it('refuses to start with another key: its checkpoints would not verify with the published one', async () => {
    const other = signerKeyString(generateSigner(ORIGIN));
    const error = await startRefused(database, { origin: ORIGIN, signingKey: other });
    expect(error.message).toMatch(/latest checkpoint \(size 3\) is not signed by the configured key .*not-signed-by-key/);
  });

  it('refuses to start when a stored entry no longer matches the signed checkpoints', async () => {
    running = await start(database);
    // Someone with the database owner's rights can switch the trigger off; the signed checkpoints still notice.
    await running.audit.database.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_log_entry DISABLE TRIGGER audit_log_entry_append_only`);
      await m.query(`UPDATE audit_log_entry SET leaf_hash = repeat('0', 64) WHERE position = 1`);
      await m.query(`ALTER TABLE audit_log_entry ENABLE TRIGGER audit_log_entry_append_only`);
    });
    await running.app.close();
    running = null;
    const error = await startRefused(database, { origin: ORIGIN, signingKey: null });
    expect(error.message).toMatch(/latest checkpoint \(size 3\) does not match the stored leaf hashes/);
  });

  it('refuses a configured key whose name is not the log origin', async () => {
    const error = await startRefused({ kind: 'pglite', dataDir: 'memory://' }, { origin: ORIGIN, signingKey: signerKeyString(generateSigner('someone.else/log')) });
    expect(error.message).toMatch(/named someone\.else\/log, but the log's origin is audit\.test\/restart/);
  });

  it('signs with a configured key and stores none', async () => {
    const signer = generateSigner('audit.prod.example/log');
    running = await start({ kind: 'pglite', dataDir: 'memory://' }, { signingKey: signerKeyString(signer) });
    const { body } = await running.call('GET', '/api/audit/checkpoint');
    expect(body).toMatchObject({ origin: 'audit.prod.example/log', size: 0, verifierKey: verifierKeyString(verifierOf(signer)) });
    expect(verifyCheckpoint(body.note, verifierOf(signer)).ok).toBe(true);
    expect(await running.audit.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_signing_key`)).toEqual([{ n: 0 }]);
  });
});
