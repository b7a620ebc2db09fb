import { Module, type INestApplication } from '@nestjs/common';
import { verifyDraw, type DrawRecord, QUICKNET, WEIGHTED_DRAW_V1 } from '@mkt/draw/core';
import { ContractRecordedV1, SelectionRequestedV1, ServiceCompletedV1 } from '@mkt/projects/contracts';
import { AgencyCreditChangedV1, AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyServiceItemsChangedV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { commitDraw, revealDraw } from '@mkt/draw/core';
import { DRAW_V1_VECTORS as vectors, expandVectorInputs, type VectorInputs } from '@mkt/draw/core/testing';
import { DrawModule } from './draw.module';

/**
 * The draw service end to end in one process: registry events fold into its read model, a selection request
 * freezes the pool and commits, witnesses (or a drand beacon) supply entropy, the draw reveals itself, and
 * the published record verifies.
 */
const secret = 'draw-flow-spec-secret-0123456789abcdefghij';
const ITEM = 'EIA-REPORT';
// A real quicknet beacon; the clock is set so that this is the round a new commitment fixes.
const beacon = { round: 657413, signature: 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b' };
// Round R is published at genesis + 3(R − 1) s; a commitment 29 s before that fixes R (30 s margin).
const clock = new FixedClock(new Date((QUICKNET.genesisTime + 3 * (beacon.round - 1) - 29) * 1000));

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-user`, role, organizationId: org });
const owner = token('OWNER', 'owner-org-1');

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
    AuthModule.forRoot({ secret }),
    DrawModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' } }),
  ],
})
class DrawSpecRoot {}

describe('draw service: commit, witness entropy, automatic reveal, verification', () => {
  let app: INestApplication;
  let base: string;
  let draw: ServicePlatform;

  const call = jsonClient(() => base);

  const deliver = <P>(contract: Parameters<typeof eventMessage<P>>[0], key: string, payload: P) => draw.inbox.deliver(eventMessage(contract, key, payload));

  function request(projectId: string, overrides: Partial<SelectionRequestedV1> = {}): SelectionRequestedV1 {
    return {
      projectId, round: 1, method: 'RANDOM_DRAW', ownerOrganizationId: 'owner-org-1', serviceItemCode: ITEM, requiredLevel: 2,
      winners: 1, alternates: 2, minimumCandidates: 3, conflictAgencyIds: ['agency-2'], signedUpAgencyIds: null,
      entropySource: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'], creditThreshold: null, weightFunction: null, rulesVersion: 'rules/2026-1', eligibleOn: '2026-06-01', bidding: null,
      ...overrides,
    };
  }

  const outboxTypes = async () => (await draw.database.dataSource.query(`SELECT event_type FROM outbox ORDER BY seq`)).map((r: { event_type: string }) => r.event_type);

  beforeAll(async () => {
    app = await createHttpApp(DrawSpecRoot, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    draw = app.get(MessagingRuntime).platform('draw') as ServicePlatform;
    for (let i = 1; i <= 6; i++) {
      const agencyId = `agency-${i}`;
      await deliver(AgencyRegisteredV1, agencyId, { agencyId, name: `机构${i}`, creditCode: '91350100M000100Y43', region: '350100' });
      await deliver(AgencyStatusChangedV1, agencyId, { agencyId, from: 'PENDING', to: i === 6 ? 'WITHDRAWN' : 'ACTIVE', reason: '', sequence: 1 });
      await deliver(AgencyQualificationGrantedV1, agencyId, { agencyId, qualificationId: `q-${i}`, serviceItemCode: ITEM, level: 2, validFrom: '2026-01-01', validUntil: '2027-12-31' });
    }
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('commits before any entropy exists, with the pool frozen and every exclusion recorded', async () => {
    await expect(deliver(SelectionRequestedV1, 'p-1', request('p-1'))).resolves.toBe('handled');
    const { status, body } = await call('GET', '/api/draw/projects/p-1/draws');
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    const [d] = body;
    expect(d.status).toBe('COMMITTED');
    expect(d.record).toBeNull();
    expect(d.commitment.pool).toEqual(['agency-1', 'agency-3', 'agency-4', 'agency-5']);
    expect(d.commitment.exclusions).toEqual([
      { agencyId: 'agency-2', reason: 'CONFLICT_DECLARED' },
      { agencyId: 'agency-6', reason: 'NOT_ACTIVE' },
    ]);
    expect(d.commitment.entropyPlan).toEqual({ source: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'] });
    expect(JSON.stringify(body)).not.toMatch(/"secret"/);
    expect(await outboxTypes()).toEqual(['draw.DrawCommitted']);
  });

  it('runs one draw per project round, however often the request arrives', async () => {
    await deliver(SelectionRequestedV1, 'p-1', request('p-1'));
    expect((await call('GET', '/api/draw/projects/p-1/draws')).body).toHaveLength(1);
  });

  it('lets only the project owner and supervisors witness, each once, and reveals with the last value', async () => {
    const [{ drawId }] = (await call('GET', '/api/draw/projects/p-1/draws')).body;
    const path = `/api/draw/draws/${drawId}/witness-values`;
    expect(await call('POST', path, { body: { value: '7' } })).toMatchObject({ status: 401 });
    expect(await call('POST', path, { token: token('AGENCY', 'agency-1'), body: { value: '7' } })).toMatchObject({ status: 403 });
    expect(await call('POST', path, { token: token('OWNER', 'another-owner'), body: { value: '7' } })).toMatchObject({ status: 403, body: { code: 'DRAW.NOT_YOUR_DRAW' } });
    expect(await call('POST', path, { token: owner, body: { value: '' } })).toMatchObject({ status: 400, body: { field: 'value' } });

    expect(await call('POST', path, { token: owner, body: { value: '20260301' } })).toMatchObject({ status: 200, body: { revealed: false, winners: null } });
    expect(await call('POST', path, { token: owner, body: { value: 'again' } })).toMatchObject({ status: 409, body: { code: 'DRAW.WITNESS_ALREADY_ENTERED' } });
    const last = await call('POST', path, { token: token('SUPERVISOR'), body: { value: 'blue kite' } });
    expect(last).toMatchObject({ status: 200, body: { revealed: true } });
    expect(last.body.winners).toHaveLength(1);
    expect(await call('POST', path, { token: token('SUPERVISOR'), body: { value: 'late' } })).toMatchObject({ status: 409, body: { code: 'DRAW.ALREADY_REVEALED' } });

    expect(await outboxTypes()).toEqual(['draw.DrawCommitted', 'draw.EntropyContributed', 'draw.EntropyContributed', 'draw.DrawRevealed']);
  });

  it('publishes a record that anyone can verify, and names the check a tampered copy fails', async () => {
    const [{ drawId }] = (await call('GET', '/api/draw/projects/p-1/draws')).body;
    const { body } = await call('GET', `/api/draw/draws/${drawId}`);
    const record: DrawRecord = body.record;
    expect(body.status).toBe('REVEALED');
    expect(record.entropy).toEqual({ source: 'witnesses', values: [{ witness: 'OWNER', value: '20260301' }, { witness: 'SUPERVISOR', value: 'blue kite' }] });
    expect(verifyDraw(record).ok).toBe(true);
    expect(await call('POST', '/api/draw/verify', { body: record })).toMatchObject({ status: 200, body: { ok: true } });
    const tampered = { ...record, winners: [record.alternates[0]], alternates: [record.winners[0], record.alternates[1]] };
    expect(await call('POST', '/api/draw/verify', { body: tampered })).toMatchObject({ status: 200, body: { ok: false, firstFailure: { name: 'result' } } });
    expect(await call('POST', '/api/draw/verify', { body: { hello: 'world' } })).toMatchObject({ status: 400, body: { code: 'DRAW.NOT_A_DRAW_RECORD' } });
  });

  it('verifies every published test vector through the service', async () => {
    for (const vector of vectors) {
      const { commitmentInput, secret, entropy } = expandVectorInputs(vector.inputs as VectorInputs);
      const record = revealDraw(commitDraw({ ...commitmentInput, secret }), secret, entropy);
      const { status, body } = await call('POST', '/api/draw/verify', { body: record });
      expect({ name: vector.inputs.name, status, ok: body.ok, seed: body.checks.find((c: { name: string }) => c.name === 'seed').detail }).toEqual({ name: vector.inputs.name, status: 200, ok: true, seed: vector.expected.seed });
    }
  });

  it('fails a round whose pool is below the minimum (流标), with the exclusions on the record', async () => {
    await deliver(SelectionRequestedV1, 'p-2', request('p-2', { minimumCandidates: 5 }));
    expect((await call('GET', '/api/draw/projects/p-2/draws')).body).toEqual([]);
    const [row] = await draw.database.dataSource.query(`SELECT reason, pool_size, minimum FROM draw_failure WHERE project_id = 'p-2'`);
    // Four eligible, minus p-1's winner sitting out under the rotation rules.
    expect(row).toEqual({ reason: 'TOO_FEW_CANDIDATES', pool_size: 3, minimum: 5 });
    const [event] = await draw.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'draw.DrawFailed'`);
    expect(JSON.parse(event.envelope).payload).toMatchObject({ projectId: 'p-2', reason: 'TOO_FEW_CANDIDATES', poolSize: 3, minimumCandidates: 5 });
  });

  it('flags a commitment still unrevealed at its deadline, naming the missing witnesses, and leaves revealed ones alone', async () => {
    await deliver(SelectionRequestedV1, 'p-4', request('p-4'));
    const [d] = (await call('GET', '/api/draw/projects/p-4/draws')).body;
    await call('POST', `/api/draw/draws/${d.drawId}/witness-values`, { token: owner, body: { value: '1' } });
    const overdueEvents = () => draw.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'draw.RevealOverdue'`);
    // The app's own scheduler loop runs too; assert on effects, which are the same whoever runs the task.
    const saved = clock.now();
    try {
      clock.advance(24 * 3_600_000 - 1);
      await draw.scheduler.runDue();
      expect(await overdueEvents()).toEqual([]);
      clock.advance(1);
      await draw.scheduler.runDue();
    } finally {
      clock.set(saved);
    }
    const flagged = await call('GET', `/api/draw/draws/${d.drawId}`);
    expect(flagged.body.overdueAt).not.toBeNull();
    const overdue = await overdueEvents();
    expect(overdue.map((r: { envelope: string }) => JSON.parse(r.envelope).payload)).toEqual([
      { drawId: d.drawId, projectId: 'p-4', round: 1, revealDeadline: d.revealDeadline, witnessesMissing: ['SUPERVISOR'] },
    ]);
  });

  it('sits out the last winner for the same owner (rotation rules), and refuses unknown rules', async () => {
    const [first] = (await call('GET', '/api/draw/projects/p-1/draws')).body;
    const winner = first.record.winners[0];
    await deliver(SelectionRequestedV1, 'p-5', request('p-5', { minimumCandidates: 1 }));
    const [d] = (await call('GET', '/api/draw/projects/p-5/draws')).body;
    expect(d.commitment.pool).not.toContain(winner);
    expect(d.commitment.exclusions).toContainEqual({ agencyId: winner, reason: 'RECENT_WIN_FOR_SAME_OWNER' });
    // Another owner's draw is not affected by owner-org-1's history.
    await deliver(SelectionRequestedV1, 'p-6', request('p-6', { ownerOrganizationId: 'owner-org-2', minimumCandidates: 1 }));
    expect((await call('GET', '/api/draw/projects/p-6/draws')).body[0].commitment.pool).toContain(winner);
    await deliver(SelectionRequestedV1, 'p-7', request('p-7', { rulesVersion: 'rules/made-up' }));
    const [failure] = await draw.database.dataSource.query(`SELECT reason FROM draw_failure WHERE project_id = 'p-7'`);
    expect(failure.reason).toBe('UNKNOWN_RULES');
  });

  it('sits out an agency with three unfinished contracts until one is completed', async () => {
    for (const p of ['c-1', 'c-2', 'c-3']) await deliver(ContractRecordedV1, p, { projectId: p, agencyId: 'agency-3', amountFen: 100, startDate: '2026-01-01', dueDate: '2026-02-01' });
    await deliver(SelectionRequestedV1, 'p-8', request('p-8', { ownerOrganizationId: 'owner-org-3', minimumCandidates: 1 }));
    const [busy] = (await call('GET', '/api/draw/projects/p-8/draws')).body;
    expect(busy.commitment.exclusions).toContainEqual({ agencyId: 'agency-3', reason: 'TOO_MANY_UNFINISHED_CONTRACTS' });
    await deliver(ServiceCompletedV1, 'c-2', { projectId: 'c-2', agencyId: 'agency-3', completionDate: '2026-01-30', onTime: true, daysLate: 0 });
    await deliver(SelectionRequestedV1, 'p-9', request('p-9', { ownerOrganizationId: 'owner-org-3', minimumCandidates: 1 }));
    expect((await call('GET', '/api/draw/projects/p-9/draws')).body[0].commitment.pool).toContain('agency-3');
  });

  it('weighs a credit-weighted draw (信用择优) by the published function, leaving out firms below the threshold', async () => {
    await deliver(AgencyCreditChangedV1, 'agency-1', { agencyId: 'agency-1', sequence: 1, cause: 'QUALITY_EVALUATION', projectId: 'x-1', points: 4, delta: 4, score: 84, formulaVersion: 'credit/v1' });
    await deliver(AgencyCreditChangedV1, 'agency-4', { agencyId: 'agency-4', sequence: 2, cause: 'AWARD_NOT_ANSWERED', projectId: 'x-2', points: -8, delta: -8, score: 62, formulaVersion: 'credit/v1' });
    // An older entry arriving late does not overwrite the newer score.
    await deliver(AgencyCreditChangedV1, 'agency-4', { agencyId: 'agency-4', sequence: 1, cause: 'QUALITY_EVALUATION', projectId: 'x-3', points: -10, delta: -10, score: 70, formulaVersion: 'credit/v1' });
    const weighted = { method: 'CREDIT_WEIGHTED_DRAW' as const, ownerOrganizationId: 'owner-org-9', minimumCandidates: 2, creditThreshold: 65, weightFunction: 'credit-linear/v1' };
    await deliver(SelectionRequestedV1, 'p-10', request('p-10', weighted));
    const [d] = (await call('GET', '/api/draw/projects/p-10/draws')).body;
    expect(d.commitment.algorithm).toBe(WEIGHTED_DRAW_V1);
    // agency-3 and agency-5 have no credit entry yet: the formula's start value, 80.
    expect(d.commitment.pool).toEqual(['agency-1', 'agency-3', 'agency-5']);
    expect(d.commitment.weights).toEqual([
      { id: 'agency-1', weight: 85 },
      { id: 'agency-3', weight: 81 },
      { id: 'agency-5', weight: 81 },
    ]);
    expect(d.commitment.exclusions).toContainEqual({ agencyId: 'agency-4', reason: 'CREDIT_BELOW_THRESHOLD' });
    expect(d.commitment).toMatchObject({ weightFunction: 'credit-linear/v1', creditThreshold: 65 });
    // The commitment event carries the weights and their rule, so that the audit log alone re-verifies the draw.
    const committedPayloads = async () =>
      (await draw.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'draw.DrawCommitted' ORDER BY seq`)).map((r: { envelope: string }) => JSON.parse(r.envelope).payload);
    const published = (await committedPayloads()).find((p: { drawId: string }) => p.drawId === d.drawId);
    expect(published).toMatchObject({ weights: d.commitment.weights, weightsHash: d.commitment.weightsHash, weightFunction: 'credit-linear/v1', creditThreshold: 65 });
    expect(published.weightsHash).toMatch(/^[0-9a-f]{64}$/);
    // A uniform draw's commitment has none of them.
    const uniform = (await committedPayloads()).find((p: { projectId: string }) => p.projectId === 'p-1');
    expect(Object.keys(uniform).filter((key) => /weight|credit/i.test(key))).toEqual([]);
    await call('POST', `/api/draw/draws/${d.drawId}/witness-values`, { token: token('OWNER', 'owner-org-9'), body: { value: '清明' } });
    await call('POST', `/api/draw/draws/${d.drawId}/witness-values`, { token: token('SUPERVISOR'), body: { value: '42' } });
    const { body } = await call('GET', `/api/draw/draws/${d.drawId}`);
    expect(body.status).toBe('REVEALED');
    expect(verifyDraw(body.record).ok).toBe(true);

    await deliver(SelectionRequestedV1, 'p-11', request('p-11', { ...weighted, weightFunction: 'credit-cubed/v7' }));
    const [failure] = await draw.database.dataSource.query(`SELECT reason FROM draw_failure WHERE project_id = 'p-11'`);
    expect(failure.reason).toBe('UNKNOWN_WEIGHT_FUNCTION');
  });

  it('takes drand entropy from a beacon carried in by hand, checked against the chain key', async () => {
    await deliver(SelectionRequestedV1, 'p-3', request('p-3', { entropySource: 'drand', witnesses: [] }));
    const [d] = (await call('GET', '/api/draw/projects/p-3/draws')).body;
    expect(d.commitment.entropyPlan).toEqual({ source: 'drand', chainHash: QUICKNET.chainHash, round: beacon.round });
    const path = `/api/draw/draws/${d.drawId}/beacon`;
    expect(await call('POST', path, { token: token('SUPERVISOR'), body: { ...beacon, round: beacon.round + 1 } })).toMatchObject({ status: 400, body: { code: 'DRAW.WRONG_ROUND', field: 'round' } });
    const forged = beacon.signature.replace(/^b7/, 'a7');
    expect(await call('POST', path, { token: token('SUPERVISOR'), body: { ...beacon, signature: forged } })).toMatchObject({ status: 400, body: { code: 'DRAW.INVALID_BEACON', field: 'signature' } });
    expect(await call('POST', path, { token: token('AGENCY', 'agency-1'), body: beacon })).toMatchObject({ status: 403 });
    const revealed = await call('POST', path, { token: token('SUPERVISOR'), body: beacon });
    expect(revealed.status).toBe(200);
    const { body } = await call('GET', `/api/draw/draws/${d.drawId}`);
    expect(body.record.entropy.randomness).toBe('fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587');
    expect(verifyDraw(body.record).ok).toBe(true);
  });

  it('leaves out, on the record, a qualified firm that has withdrawn the item from what it offers', async () => {
    await deliver(AgencyServiceItemsChangedV1, 'agency-5', { agencyId: 'agency-5', serviceItems: ['SURVEY-MAP'], added: ['SURVEY-MAP'], removed: [ITEM], sequence: 1 });
    await deliver(SelectionRequestedV1, 'p-12', request('p-12', { ownerOrganizationId: 'owner-org-12', minimumCandidates: 1 }));
    const [d] = (await call('GET', '/api/draw/projects/p-12/draws')).body;
    expect(d.commitment.pool).not.toContain('agency-5');
    expect(d.commitment.exclusions).toContainEqual({ agencyId: 'agency-5', reason: 'ITEM_NOT_OFFERED' });
  });

  it('lets a named observer, of any role, enter the value that reveals the draw; refuses everyone else their slot', async () => {
    const notary = { userId: 'c0ffee00-0000-4000-8000-000000000001', label: '公证员 张敏' };
    const firm = { userId: 'c0ffee00-0000-4000-8000-000000000002', label: 'A candidate firm' };
    await deliver(SelectionRequestedV1, 'p-obs', request('p-obs', { ownerOrganizationId: 'owner-org-obs', minimumCandidates: 1, observers: [notary, firm] }));
    const [d] = (await call('GET', '/api/draw/projects/p-obs/draws')).body;
    expect(d.commitment.entropyPlan).toEqual({
      source: 'witnesses',
      witnesses: ['OWNER', 'SUPERVISOR', `OBSERVER:${notary.userId}`, `OBSERVER:${firm.userId}`],
      observers: [notary, firm],
    });
    const [committed] = await draw.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'draw.DrawCommitted' AND aggregate_id = $1`, [d.drawId]);
    expect(JSON.parse(committed.envelope).payload).toMatchObject({ observers: [notary, firm] });

    const path = `/api/draw/draws/${d.drawId}/witness-values`;
    const as = (userId: string, role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId, role, organizationId: org });
    // Someone not named, and the named firm user acting for a firm in the pool: refused before any value is kept.
    expect(await call('POST', path, { token: as('c0ffee00-0000-4000-8000-0000000000ff', 'ADMIN'), body: { value: 'x' } })).toMatchObject({ status: 403, body: { code: 'DRAW.NOT_YOUR_DRAW' } });
    expect(await call('POST', path, { token: as(firm.userId, 'AGENCY', d.commitment.pool[0]), body: { value: 'x' } })).toMatchObject({ status: 403, body: { code: 'DRAW.AGENCY_CANNOT_WITNESS' } });

    const notaryToken = as(notary.userId, 'ADMIN');
    const listed = await call('GET', '/api/draw/observed-draws', { token: notaryToken });
    expect(listed).toMatchObject({ status: 200, body: [{ drawId: d.drawId, projectId: 'p-obs', status: 'COMMITTED', label: notary.label, awaitingValue: true, enteredValue: null }] });
    expect((await call('GET', '/api/draw/observed-draws', { token: token('SUPERVISOR') })).body).toEqual([]);

    await call('POST', path, { token: token('OWNER', 'owner-org-obs'), body: { value: '1' } });
    await call('POST', path, { token: token('SUPERVISOR'), body: { value: '2' } });
    // The firm's slot stays empty (its user may never fill it): the draw waits, to be flagged at its deadline.
    expect(await call('POST', path, { token: notaryToken, body: { value: '  seal 0042 ' } })).toMatchObject({ status: 200, body: { revealed: false } });
    expect(await call('POST', path, { token: notaryToken, body: { value: 'again' } })).toMatchObject({ status: 409, body: { code: 'DRAW.WITNESS_ALREADY_ENTERED' } });
    expect((await call('GET', '/api/draw/observed-draws', { token: notaryToken })).body[0]).toMatchObject({ awaitingValue: false, enteredValue: 'seal 0042' });
    const { body } = await call('GET', `/api/draw/draws/${d.drawId}`);
    expect(body.witnessValues).toEqual([
      { witness: 'OWNER', value: '1' },
      { witness: 'SUPERVISOR', value: '2' },
      { witness: `OBSERVER:${notary.userId}`, value: 'seal 0042' },
    ]);
  });

  it('reveals in the transaction that accepts the last value when that value is an observer\'s', async () => {
    const deputy = { userId: 'c0ffee00-0000-4000-8000-000000000003', label: 'Deputy director' };
    await deliver(SelectionRequestedV1, 'p-obs-2', request('p-obs-2', { ownerOrganizationId: 'owner-org-obs-2', minimumCandidates: 1, observers: [deputy] }));
    const [d] = (await call('GET', '/api/draw/projects/p-obs-2/draws')).body;
    const path = `/api/draw/draws/${d.drawId}/witness-values`;
    await call('POST', path, { token: token('SUPERVISOR'), body: { value: 'north' } });
    await call('POST', path, { token: token('OWNER', 'owner-org-obs-2'), body: { value: 'south' } });
    const last = await call('POST', path, { token: issueTestToken(secret, { userId: deputy.userId, role: 'OWNER', organizationId: 'owner-org-obs-2' }), body: { value: 'west' } });
    expect(last).toMatchObject({ status: 200, body: { revealed: true } });
    const { body } = await call('GET', `/api/draw/draws/${d.drawId}`);
    expect(body.record.entropy.values.at(-1)).toEqual({ witness: `OBSERVER:${deputy.userId}`, value: 'west' });
    expect(verifyDraw(body.record)).toMatchObject({ ok: true });
  });

  it('fails a round whose observers break the limits, on the record, instead of committing', async () => {
    const twice = { userId: 'c0ffee00-0000-4000-8000-000000000004', label: 'Twice' };
    await deliver(SelectionRequestedV1, 'p-obs-3', request('p-obs-3', { minimumCandidates: 1, observers: [twice, twice] }));
    expect((await call('GET', '/api/draw/projects/p-obs-3/draws')).body).toEqual([]);
    const [failure] = await draw.database.dataSource.query(`SELECT reason FROM draw_failure WHERE project_id = 'p-obs-3'`);
    expect(failure.reason).toBe('INVALID_OBSERVERS');
  });

  it('fails a drand round that names observers: a beacon draw has no slot for them to witness in', async () => {
    const notary = { userId: 'c0ffee00-0000-4000-8000-000000000005', label: 'Notary' };
    await deliver(SelectionRequestedV1, 'p-obs-4', request('p-obs-4', { minimumCandidates: 1, entropySource: 'drand', witnesses: [], observers: [notary] }));
    expect((await call('GET', '/api/draw/projects/p-obs-4/draws')).body).toEqual([]);
    const [failure] = await draw.database.dataSource.query(`SELECT reason FROM draw_failure WHERE project_id = 'p-obs-4'`);
    expect(failure.reason).toBe('INVALID_OBSERVERS');
  });
});
