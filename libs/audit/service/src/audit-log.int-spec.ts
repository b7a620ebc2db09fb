import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import {
  acceptCheckpoint,
  emptyRoot,
  fromBase64,
  hexOf,
  hexToBytesOrNull,
  initialWitnessState,
  leafHashOf,
  MerkleLog,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  verifyLogExport,
  type LogExport,
  type VerifierKey,
} from '@mkt/audit/core';
import { DRAW_TOPIC, DrawRevealedV1 } from '@mkt/draw/contracts';
import { ProjectPublishedV1, SelectionRequestedV1 } from '@mkt/projects/contracts';
import { AgencyRegisteredV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient, waitFor } from '@mkt/shared/testing';
import { AuditModule } from './audit.module';

/**
 * The audit service in one process: events delivered to its inbox become log entries at dense positions; the
 * database refuses to change them; checkpoints are signed on demand, on the interval and after a reveal; and
 * every proof, export and record it serves verifies with the audit core's own verifiers.
 */
const secret = 'audit-log-spec-secret-0123456789abcdefghij';
const ORIGIN = 'audit.test/log';
const INTERVAL_MS = 60_000;
const clock = new FixedClock(new Date('2026-03-02T08:00:00.000Z'));

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-user`, role, organizationId: org });
const supervisor = token('SUPERVISOR');

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
    AuthModule.forRoot({ secret }),
    AuditModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' }, log: { origin: ORIGIN, signingKey: null, checkpointIntervalMs: INTERVAL_MS } }),
  ],
})
class AuditSpecRoot {}

type Message = { topic: string; key: string; value: string };

/** An envelope of a type no contract describes, on any topic: what a newer producer might send. */
function unknownEvent(topic: string, type: string, aggregateId: string, payload: Record<string, unknown>, version = 1): Message {
  const id = randomUUID();
  const envelope = { id, type, version, occurredAt: clock.now().toISOString(), producer: topic.split('.')[0], aggregateId, correlationId: id, causationId: null, payload };
  return { topic, key: aggregateId, value: JSON.stringify(envelope) };
}

const agency = (i: number) => eventMessage(AgencyRegisteredV1, `agency-${i}`, { agencyId: `agency-${i}`, name: `机构${i}`, creditCode: '91350100M000100Y43', region: '350100' });
const published = (projectId: string) =>
  eventMessage(ProjectPublishedV1, projectId, {
    projectId, round: 1, ownerOrganizationId: 'owner-org-1', title: '环评报告编制', serviceItemCode: 'EIA-REPORT', requiredLevel: 2, region: '350100',
    budgetCapFen: 8_000_000, servicePeriodDays: 30, method: 'RANDOM_DRAW', signUpClosesAt: null,
  });
const selectionRequested = (projectId: string) =>
  eventMessage(SelectionRequestedV1, projectId, {
    projectId, round: 1, method: 'RANDOM_DRAW', ownerOrganizationId: 'owner-org-1', serviceItemCode: 'EIA-REPORT', requiredLevel: 2,
    winners: 1, alternates: 1, minimumCandidates: 2, conflictAgencyIds: [], signedUpAgencyIds: null,
    entropySource: 'witnesses', witnesses: ['OWNER'], creditThreshold: null, weightFunction: null, rulesVersion: 'rules/2026-1', eligibleOn: '2026-03-02', bidding: null,
  });
const revealed = (projectId: string, drawId: string) =>
  eventMessage(DrawRevealedV1, drawId, {
    drawId, projectId, round: 1, poolSize: 3, secret: 'a'.repeat(64), seed: 'b'.repeat(64), winners: ['agency-1'], alternates: ['agency-2'],
    entropySource: 'witnesses', witnessValues: [{ witness: 'OWNER', value: '7' }], drandRound: null, drandSignature: null, drandRandomness: null,
    purpose: 'SELECTION', tieBreak: null,
  });

const bytes = (hex: string) => hexToBytesOrNull(hex) as Uint8Array;

describe('audit service: append-only log, signed checkpoints, proofs and exports', () => {
  let app: INestApplication;
  let base: string;
  let audit: ServicePlatform;
  let logKey: VerifierKey;

  const call = jsonClient(() => base);

  const deliver = (message: Message) => audit.inbox.deliver(message);
  const sql = (text: string, params: unknown[] = []) => audit.database.dataSource.query(text, params);
  const allEntries = async () => (await call('GET', '/api/audit/entries?limit=1000', { token: supervisor })).body.entries as { position: number; type: string; leafHash: string; event: unknown }[];
  const latestCheckpoint = async () => (await call('GET', '/api/audit/checkpoint')).body as { size: number; rootHash: string; note: string; verifierKey: string; origin: string };
  const checkpointCount = async () => Number((await sql(`SELECT count(*) AS n FROM audit_checkpoint`))[0].n);

  beforeAll(async () => {
    app = await createHttpApp(AuditSpecRoot, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    audit = app.get(MessagingRuntime).platform('audit') as ServicePlatform;
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('signs the empty log at first start and publishes the key it signs with, generated and kept in its database', async () => {
    const checkpoint = await latestCheckpoint();
    expect(checkpoint).toMatchObject({ origin: ORIGIN, size: 0, rootHash: hexOf(emptyRoot()) });
    logKey = parseVerifierKey(checkpoint.verifierKey);
    expect(logKey.name).toBe(ORIGIN);
    const verified = verifyCheckpoint(checkpoint.note, logKey);
    expect(verified.ok && verified.checkpoint.size).toBe(0);
    expect(await sql(`SELECT name FROM audit_signing_key`)).toEqual([{ name: ORIGIN }]);
  });

  it('appends every event on the audited topics at dense positions, in delivery order, as the JCS of its envelope', async () => {
    const messages = [agency(1), published('p-1'), selectionRequested('p-1'), agency(2)];
    for (const m of messages) await expect(deliver(m)).resolves.toBe('handled');
    const entries = await allEntries();
    expect(entries.map((e) => [e.position, e.type])).toEqual([
      [0, 'registry.AgencyRegistered'],
      [1, 'projects.ProjectPublished'],
      [2, 'projects.SelectionRequested'],
      [3, 'registry.AgencyRegistered'],
    ]);
    for (const [i, e] of entries.entries()) {
      expect(e.event).toEqual(JSON.parse(messages[i].value));
      expect(e.leafHash).toBe(hexOf(leafHashOf(JSON.parse(messages[i].value))));
    }
    const [row] = await sql(`SELECT entry, recorded_at FROM audit_log_entry WHERE position = 1`);
    expect(row.entry.startsWith('{"aggregateId":"p-1","causationId":null,')).toBe(true);
    expect(new Date(row.recorded_at).toISOString()).toBe(clock.now().toISOString());
  });

  it('appends a redelivered event once', async () => {
    const message = agency(3);
    await expect(deliver(message)).resolves.toBe('handled');
    await expect(deliver(message)).resolves.toBe('duplicate');
    const entries = await allEntries();
    expect(entries.filter((e) => (e.event as { id: string }).id === JSON.parse(message.value).id)).toHaveLength(1);
    expect(entries.map((e) => e.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('records event types it does not know on an audited topic, and nothing from topics it does not audit', async () => {
    await expect(deliver(unknownEvent(DRAW_TOPIC, 'draw.BeaconArchived', 'd-9', { note: 'from a newer producer' }, 2))).resolves.toBe('handled');
    await expect(deliver(unknownEvent('telemetry.sample.v1', 'telemetry.Sampled', 's-1', { projectId: 'p-1' }))).resolves.toBe('ignored');
    const entries = await allEntries();
    expect(entries.at(-1)).toMatchObject({ position: 5, type: 'draw.BeaconArchived', event: { version: 2, payload: { note: 'from a newer producer' } } });
    expect(entries).toHaveLength(6);
  });

  it('keeps positions dense and unique when partitions are consumed concurrently', async () => {
    const partitions = [0, 1, 2, 3].map((p) => Array.from({ length: 8 }, (_, i) => (p % 2 === 0 ? agency(100 + p * 10 + i) : published(`p-c${p}-${i}`))));
    const outcomes = await Promise.all(partitions.map((batch) => audit.inbox.deliverAll(batch)));
    expect(outcomes.flat()).toEqual(Array(32).fill('handled'));
    const rows: { position: string; event_id: string }[] = await sql(`SELECT position, event_id FROM audit_log_entry ORDER BY position`);
    expect(rows.map((r) => Number(r.position))).toEqual(Array.from({ length: 38 }, (_, i) => i));
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(38);
    expect(await sql(`SELECT size::int FROM audit_log_head`)).toEqual([{ size: 38 }]);
    // Each partition's events keep their order in the log.
    for (const batch of partitions) {
      const ids = batch.map((m) => JSON.parse(m.value).id);
      const positions = ids.map((id) => Number(rows.find((r) => r.event_id === id)?.position));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused, whoever connects', async () => {
    // TypeORM prints every failed query; these failures are the point.
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(sql(`UPDATE audit_log_entry SET event_type = 'registry.Forged' WHERE position = 0`)).rejects.toThrow('audit_log_entry is append-only: UPDATE refused');
    await expect(sql(`DELETE FROM audit_log_entry WHERE position = 3`)).rejects.toThrow('audit_log_entry is append-only: DELETE refused');
    await expect(sql(`TRUNCATE audit_log_entry`)).rejects.toThrow('audit_log_entry is append-only: TRUNCATE refused');
    await expect(sql(`UPDATE audit_checkpoint SET note = 'forged'`)).rejects.toThrow('audit_checkpoint is append-only: UPDATE refused');
    await expect(sql(`DELETE FROM audit_checkpoint`)).rejects.toThrow('audit_checkpoint is append-only: DELETE refused');
    await expect(sql(`TRUNCATE audit_checkpoint`)).rejects.toThrow('audit_checkpoint is append-only: TRUNCATE refused');
    await expect(sql(`UPDATE audit_log_head SET size = 2`)).rejects.toThrow('audit_log_head only grows by one per append');
    expect(await sql(`SELECT count(*)::int AS n, min(event_type) AS first FROM audit_log_entry`)).toEqual([{ n: 38, first: 'draw.BeaconArchived' }]);
  });

  it('signs a checkpoint on demand over exactly the recorded entries, verifiable with the published key', async () => {
    const first = await call('POST', '/api/audit/checkpoints', { token: supervisor });
    expect(first).toMatchObject({ status: 200, body: { created: true, checkpoint: { origin: ORIGIN, size: 38 } } });
    const again = await call('POST', '/api/audit/checkpoints', { token: supervisor });
    expect(again).toMatchObject({ status: 200, body: { created: false, checkpoint: { size: 38, note: first.body.checkpoint.note } } });

    const latest = await latestCheckpoint();
    expect(latest.note).toBe(first.body.checkpoint.note);
    const verified = verifyCheckpoint(latest.note, logKey);
    if (!verified.ok) throw new Error(verified.failure.kind);
    const recomputed = MerkleLog.of((await allEntries()).map((e) => leafHashOf(e.event)));
    expect(hexOf(verified.checkpoint.rootHash)).toBe(hexOf(recomputed.rootAt()));
    expect(latest.rootHash).toBe(hexOf(recomputed.rootAt()));
  });

  it('serves inclusion proofs that verify against the checkpoint for every entry, and fail for an altered entry', async () => {
    const { size, rootHash } = await latestCheckpoint();
    const entries = await allEntries();
    for (let index = 0; index < size; index++) {
      const { status, body } = await call('GET', `/api/audit/proofs/inclusion?index=${index}&size=${size}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ index, treeSize: size, leafHash: entries[index].leafHash, rootHash });
      expect(verifyInclusion(leafHashOf(entries[index].event), index, size, body.proof.map(bytes), bytes(rootHash))).toBe(true);
    }
    const { body } = await call('GET', `/api/audit/proofs/inclusion?index=1&size=${size}`);
    const altered = { ...(entries[1].event as object), aggregateId: 'p-2' };
    expect(verifyInclusion(leafHashOf(altered), 1, size, body.proof.map(bytes), bytes(rootHash))).toBe(false);
    // Proofs for an older tree size verify against that size's root.
    const older = await call('GET', `/api/audit/proofs/inclusion?index=2&size=5`);
    expect(verifyInclusion(leafHashOf(entries[2].event), 2, 5, older.body.proof.map(bytes), MerkleLog.of(entries.slice(0, 5).map((e) => leafHashOf(e.event))).rootAt())).toBe(true);
  });

  it('serves consistency proofs a witness accepts from one checkpoint to the next', async () => {
    const before = await latestCheckpoint();
    await deliver(agency(4));
    await deliver(published('p-2'));
    const { body: signed } = await call('POST', '/api/audit/checkpoints', { token: supervisor });
    expect(signed).toMatchObject({ created: true, checkpoint: { size: 40 } });

    const { status, body } = await call('GET', `/api/audit/proofs/consistency?from=${before.size}&to=40`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ fromSize: 38, toSize: 40, fromRoot: before.rootHash, toRoot: signed.checkpoint.rootHash });
    expect(verifyConsistency(38, 40, bytes(before.rootHash), bytes(signed.checkpoint.rootHash), body.proof.map(bytes))).toBe(true);

    // A supervisor's client as witness: it held the earlier checkpoint and accepts the new one only with the proof.
    const held = acceptCheckpoint(initialWitnessState(ORIGIN), before.note, (await call('GET', `/api/audit/proofs/consistency?from=0&to=38`)).body.proof.map(bytes), logKey);
    if (!held.accepted) throw new Error(held.refusal.kind);
    expect(acceptCheckpoint(held.state, signed.checkpoint.note, body.proof.map(bytes), logKey)).toMatchObject({ accepted: true });
    expect(acceptCheckpoint(held.state, signed.checkpoint.note, body.proof.slice(1).map(bytes), logKey)).toMatchObject({ accepted: false, refusal: { kind: 'inconsistent' } });

    const roots = MerkleLog.of((await allEntries()).map((e) => leafHashOf(e.event)));
    for (const from of [0, 1, 7, 16, 39, 40]) {
      const proof = (await call('GET', `/api/audit/proofs/consistency?from=${from}&to=40`)).body.proof.map(bytes);
      expect(verifyConsistency(from, 40, roots.rootAt(from), roots.rootAt(40), proof)).toBe(true);
    }
  });

  it('exports the signed log for offline verification, and a tampered export names the entry that changed', async () => {
    await deliver(agency(5)); // after the latest checkpoint: not in the export until signed
    const { status, body } = await call('GET', '/api/audit/export', { token: supervisor });
    expect(status).toBe(200);
    const exported = body as LogExport;
    expect(exported).toMatchObject({ format: 'mkt-audit-log/v1', origin: ORIGIN });
    expect(exported.entries).toHaveLength(40);
    expect(exported.checkpoints).toHaveLength(3);
    expect(verifyLogExport(exported, logKey)).toMatchObject({ ok: true, origin: ORIGIN, size: 40, signedSize: 40, checkpointsVerified: 3 });

    const entries = exported.entries.map((e) => structuredClone(e)) as { payload: Record<string, unknown> }[];
    entries[3].payload['name'] = '另一家机构';
    expect(verifyLogExport({ ...exported, entries }, logKey)).toEqual({ ok: false, failure: { kind: 'entry-mismatch', index: 3 } });
    // Without the stored leaf hashes the checkpoints still catch it, to the range between two of them.
    expect(verifyLogExport({ ...exported, entries, leafHashes: undefined }, logKey)).toMatchObject({ ok: false, failure: { kind: 'checkpoint-root-mismatch', size: 38, changedFrom: 0 } });
    expect(verifyLogExport({ ...exported, entries: exported.entries.slice(0, 39), leafHashes: exported.leafHashes?.slice(0, 39) }, logKey)).toMatchObject({
      ok: false,
      failure: { kind: 'checkpoint-beyond-log', size: 40 },
    });

    const older = (await call('GET', '/api/audit/export?size=39', { token: supervisor })).body as LogExport;
    expect(older.entries).toHaveLength(38);
    expect(verifyLogExport(older, logKey)).toMatchObject({ ok: true, signedSize: 38, checkpointsVerified: 2 });
  });

  it('signs a checkpoint covering a draw reveal as soon as the reveal is appended', async () => {
    const drawId = randomUUID();
    const before = await checkpointCount();
    await expect(deliver(revealed('p-1', drawId))).resolves.toBe('handled');
    const [{ position }] = await sql(`SELECT position::int FROM audit_log_entry WHERE aggregate_id = $1`, [drawId]);
    const checkpoint = await waitFor(latestCheckpoint, (c) => c.size === position + 1, { what: 'a checkpoint covering the reveal' });
    expect(await checkpointCount()).toBe(before + 1);
    expect(verifyCheckpoint(checkpoint.note, logKey).ok).toBe(true);
    const proof = (await call('GET', `/api/audit/proofs/inclusion?index=${position}&size=${checkpoint.size}`)).body.proof.map(bytes);
    const entry = (await allEntries())[position];
    expect(verifyInclusion(leafHashOf(entry.event), position, checkpoint.size, proof, bytes(checkpoint.rootHash))).toBe(true);
  });

  it('signs on the interval when the log has grown, and not when it has not', async () => {
    await deliver(agency(6));
    const size = (await allEntries()).length;
    const signedBefore = (await latestCheckpoint()).size;
    expect(signedBefore).toBe(size - 1);

    clock.advance(INTERVAL_MS - 1);
    await audit.scheduler.runDue();
    expect((await latestCheckpoint()).size).toBe(signedBefore);
    clock.advance(1);
    await audit.scheduler.runDue();
    expect((await latestCheckpoint()).size).toBe(size);

    const count = await checkpointCount();
    clock.advance(INTERVAL_MS);
    await audit.scheduler.runDue();
    expect(await checkpointCount()).toBe(count);
    // The task re-armed itself for the next interval.
    const [task] = await sql(`SELECT due_at FROM scheduled_task WHERE kind = 'audit.interval-checkpoint' AND done_at IS NULL`);
    expect(new Date(task.due_at).toISOString()).toBe(new Date(clock.now().getTime() + INTERVAL_MS).toISOString());
  });

  it("gives supervisors a project's whole record in log order, with inclusion proofs against the latest checkpoint", async () => {
    await deliver(selectionRequested('p-1')); // a repeated request, appended after the latest checkpoint
    const { status, body } = await call('GET', '/api/audit/projects/p-1/record', { token: supervisor });
    expect(status).toBe(200);
    const checkpoint = await latestCheckpoint();
    expect(body.checkpoint).toMatchObject({ size: checkpoint.size, rootHash: checkpoint.rootHash, note: checkpoint.note });
    expect(body.entries.map((e: { type: string }) => e.type)).toEqual(['projects.ProjectPublished', 'projects.SelectionRequested', 'draw.DrawRevealed', 'projects.SelectionRequested']);
    const positions = body.entries.map((e: { position: number }) => e.position);
    expect(positions).toEqual([...positions].sort((a: number, b: number) => a - b));
    const [signedOnes, unsigned] = [body.entries.slice(0, 3), body.entries[3]];
    for (const e of signedOnes) {
      expect(verifyInclusion(leafHashOf(e.event), e.position, checkpoint.size, e.inclusionProof.map(bytes), bytes(checkpoint.rootHash))).toBe(true);
    }
    expect(unsigned).toMatchObject({ position: checkpoint.size, inclusionProof: null });
    expect((await call('GET', '/api/audit/projects/nobody/record', { token: supervisor })).body).toMatchObject({ projectId: 'nobody', entries: [] });
  });

  describe('who may call what', () => {
    it('answers the checkpoint and proofs to anyone, without a token', async () => {
      const { size } = await latestCheckpoint();
      expect(await call('GET', '/api/audit/checkpoint')).toMatchObject({ status: 200 });
      expect(await call('GET', `/api/audit/proofs/inclusion?index=0&size=${size}`)).toMatchObject({ status: 200 });
      expect(await call('GET', `/api/audit/proofs/consistency?from=1&to=${size}`)).toMatchObject({ status: 200 });
    });

    it('refuses proofs for bad or unsigned sizes with a 400 naming the field', async () => {
      const { size } = await latestCheckpoint();
      const bad = (path: string, field: string, code = 'VALIDATION.FAILED') => expect(call('GET', path)).resolves.toMatchObject({ status: 400, body: { code, field } });
      await bad(`/api/audit/proofs/inclusion?index=x&size=${size}`, 'index');
      await bad(`/api/audit/proofs/inclusion?index=-1&size=${size}`, 'index');
      await bad(`/api/audit/proofs/inclusion?index=0`, 'size');
      await bad(`/api/audit/proofs/inclusion?index=0&size=0`, 'size');
      await bad(`/api/audit/proofs/inclusion?index=0&size=${size + 1}`, 'size', 'AUDIT.TREE_SIZE_OUT_OF_RANGE');
      await bad(`/api/audit/proofs/inclusion?index=${size}&size=${size}`, 'index', 'AUDIT.LEAF_INDEX_OUT_OF_RANGE');
      await bad(`/api/audit/proofs/inclusion?index=0&size=${size}&extra=1`, 'extra');
      await bad(`/api/audit/proofs/consistency?from=2&to=1`, 'from', 'AUDIT.TREE_SIZE_OUT_OF_RANGE');
      await bad(`/api/audit/proofs/consistency?from=0&to=${size + 1}`, 'to', 'AUDIT.TREE_SIZE_OUT_OF_RANGE');
      await bad(`/api/audit/proofs/consistency?from=0&to=1.5`, 'to');
      await bad(`/api/audit/proofs/consistency?to=1`, 'from');
    });

    it('lets only supervisors sign on demand', async () => {
      expect(await call('POST', '/api/audit/checkpoints')).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
      for (const role of ['AGENCY', 'OWNER', 'ADMIN'] as const) {
        expect(await call('POST', '/api/audit/checkpoints', { token: token(role, 'org-1') })).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
      }
    });

    it('shows entries, exports and project records to supervisors only, and names the bad parameter', async () => {
      const paths = ['/api/audit/entries', '/api/audit/export', '/api/audit/projects/p-1/record'];
      for (const path of paths) {
        expect(await call('GET', path)).toMatchObject({ status: 401 });
        for (const role of ['AGENCY', 'OWNER', 'ADMIN'] as const) expect(await call('GET', path, { token: token(role, 'org-1') })).toMatchObject({ status: 403 });
        expect(await call('GET', path, { token: supervisor })).toMatchObject({ status: 200 });
      }
      const bad = async (path: string, field: string) => expect(await call('GET', path, { token: supervisor })).toMatchObject({ status: 400, body: { field } });
      await bad('/api/audit/entries?from=-1', 'from');
      await bad('/api/audit/entries?limit=0', 'limit');
      await bad('/api/audit/entries?limit=1001', 'limit');
      await bad('/api/audit/entries?limit=ten', 'limit');
      await bad('/api/audit/export?size=big', 'size');
      await bad('/api/audit/export?size=-3', 'size');
      await bad(`/api/audit/projects/${'p'.repeat(201)}/record`, 'projectId');
    });

    it('pages through entries', async () => {
      const { body } = await call('GET', '/api/audit/entries?from=10&limit=5', { token: supervisor });
      expect(body.entries.map((e: { position: number }) => e.position)).toEqual([10, 11, 12, 13, 14]);
      expect(body).toMatchObject({ from: 10, next: 15 });
      const last = await call('GET', `/api/audit/entries?from=${body.size - 2}&limit=5`, { token: supervisor });
      expect(last.body).toMatchObject({ next: null });
      expect(last.body.entries).toHaveLength(2);
    });
  });

  it('carries the root in the note in base64, as C2SP tlog-checkpoint has it', async () => {
    const { note, rootHash, size } = await latestCheckpoint();
    const [origin, sizeLine, rootLine] = note.split('\n');
    expect([origin, Number(sizeLine), hexOf(fromBase64(rootLine) as Uint8Array)]).toEqual([ORIGIN, size, rootHash]);
  });
});
