import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitDraw, revealDraw, UNIFORM_DRAW_V1, type DrawRecord } from '@mkt/draw/core';
import { DrawCommittedV1, DrawRevealedV1, EntropyContributedV1 } from '@mkt/draw/contracts';
import { DRAW_V1_VECTORS as vectors, expandVectorInputs, type VectorInputs } from '@mkt/draw/core/testing';
import type { EventContract } from '@mkt/shared/contracts';

const root = join(__dirname, '../..');
const secret = '5a'.repeat(32);

function record(): DrawRecord {
  const commitment = commitDraw({
    drawId: 'd-1', projectId: 'p-1', round: 1, algorithm: UNIFORM_DRAW_V1, rulesVersion: 'r1', k: 1, m: 1,
    pool: ['a', 'b', 'c'], exclusions: [], entropyPlan: { source: 'witnesses', witnesses: ['owner'] }, committedAt: '2026-01-01T00:00:00.000Z', secret,
  });
  return revealDraw(commitment, secret, { source: 'witnesses', values: [{ witness: 'owner', value: '17' }] });
}

describe('tools/verify-draw', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'verify-draw-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (r: unknown, ...args: string[]) => {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(r));
    return spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/verify-draw/verify-draw.ts', ...args, file], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
  };

  it('exits 0 and says so for an untouched record', () => {
    const out = run(record());
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('draw d-1 (project p-1, round 1) verifies');
  });

  it.each(vectors.map((v) => [v.inputs.name, v] as const))('verifies published test vector %s', (_, vector) => {
    const { commitmentInput, secret, entropy } = expandVectorInputs(vector.inputs as VectorInputs);
    const out = run(revealDraw(commitDraw({ ...commitmentInput, secret }), secret, entropy));
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`ok   seed       ${vector.expected.seed}`);
  });

  it('exits 1 and names the failing check for a tampered record', () => {
    const r = record();
    const out = run({ ...r, winners: r.alternates, alternates: r.winners });
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('does NOT verify: result fails');
  });

  it('takes another chain to trust only with its round timing, and refuses a --trust without it', () => {
    const chain = `${'ee'.repeat(32)}=${'ab'.repeat(48)}`;
    const bare = run(record(), '--trust', chain);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('--trust takes <chainHash>=<publicKeyHex>@<genesisUnix>/<periodSeconds>');
    expect(run(record(), '--trust', `${chain}@1692803367/3`).status).toBe(0);
  });

  describe('--audit: every draw rebuilt from the audit log’s entries alone', () => {
    const vector = (name: string) => {
      const v = vectors.find((x) => x.inputs.name === name);
      if (!v) throw new Error(`no vector ${name}`);
      const { commitmentInput, secret, entropy } = expandVectorInputs(v.inputs as VectorInputs);
      // Each draw its own id (the vectors share one), so one log can hold several.
      return revealDraw(commitDraw({ ...commitmentInput, drawId: name, secret }), secret, entropy);
    };
    const weighted = () => {
      const v = vectors.find((x) => x.inputs.name === 'weighted-pool-10') as (typeof vectors)[number];
      const { commitmentInput, secret, entropy } = expandVectorInputs(v.inputs as VectorInputs);
      // The vector's weights (1–10) shifted to ones credit-linear/v1 gives firms scoring 60–69, so the rule holds.
      const weights = (commitmentInput.weights ?? []).map((w) => ({ ...w, weight: w.weight + 60 }));
      return revealDraw(commitDraw({ ...commitmentInput, drawId: 'weighted-pool-10', weights, weightFunction: 'credit-linear/v1', creditThreshold: 60, secret }), secret, entropy);
    };

    it('verifies a uniform, a credit-weighted and a drand draw from a log export, and says where each came from', () => {
      const out = run(logExport([...logEntries(vector('pool-10')), ...logEntries(weighted()), ...logEntries(vector('pool-10-drand'))]), '--audit');
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      expect(out.stdout).toContain('draw pool-10 (project vector-project, round 1), log positions: commitment 0, entropy [1, 2], reveal 3');
      expect(out.stdout).toContain('draw weighted-pool-10 (project vector-project, round 1), log positions: commitment 4, entropy [5], reveal 6');
      expect(out.stdout).toContain('draw pool-10-drand (project vector-project, round 1), log positions: commitment 7, entropy [], reveal 8');
      expect(out.stdout.match(/verifies from the audit log$/gm)).toHaveLength(3);
      expect(out.stdout).toContain('3 draw(s) verify from the audit log alone');
    });

    it('reads a project record as the audit service answers it, and picks one draw with --draw', () => {
      const record = { projectId: 'vector-project', entries: logEntries(vector('pool-2')).map((event, position) => ({ position: position + 40, type: event.type, event })) };
      const out = run(record, '--audit', '--draw', 'pool-2');
      expect(out.status).toBe(0);
      expect(out.stdout).toContain('commitment 40, entropy [41, 42], reveal 43');
      expect(run(record, '--audit', '--draw', 'another-draw').status).toBe(2);
    });

    it('names the check a weight changed in the logged commitment breaks', () => {
      const entries = logEntries(weighted());
      const payload = entries[0].payload as { weights: { id: string; weight: number }[] };
      payload.weights[0] = { ...payload.weights[0], weight: payload.weights[0].weight + 1 };
      const out = run(logExport(entries), '--audit');
      expect(out.status).toBe(1);
      expect(out.stdout).toMatch(/FAIL pool-hash +weights hash to/);
      expect(out.stdout).toContain('does NOT verify: pool-hash fails');
    });

    it('fails a draw whose entropy the log holds before its commitment, even when every hash holds', () => {
      const [commitment, first, ...rest] = logEntries(vector('pool-10'));
      const out = run(logExport([first, commitment, ...rest]), '--audit');
      expect(out.status).toBe(1);
      expect(out.stdout).toContain('FAIL log        entropy was logged before the commitment (positions 0, commitment at 1)');
      expect(out.stdout).toContain('ok   result');
      expect(out.stdout).toContain('does NOT verify: the log fails');
    });

    it('refuses a document that is no audit export, and one with no revealed draw', () => {
      expect(run({ drawId: 'x' }, '--audit').status).toBe(2);
      expect(run(logExport(logEntries(vector('pool-10')).slice(0, 2)), '--audit')).toMatchObject({ status: 2, stdout: expect.stringContaining('not revealed yet') });
    });
  });
});

/** The events the draw service publishes for a record (docs/draw-protocol.md), each checked against its contract. */
function logEntries(r: DrawRecord): { id: string; type: string; occurredAt: string; aggregateId: string; payload: Record<string, unknown> }[] {
  const plan = r.entropyPlan;
  const purpose = { purpose: 'SELECTION', tieBreak: null };
  const committed = {
    drawId: r.drawId, projectId: r.projectId, round: r.round, algorithm: r.algorithm, rulesVersion: r.rulesVersion, k: r.k, m: r.m, pool: r.pool, poolHash: r.poolHash,
    ...(r.weights ? { weights: r.weights, weightsHash: r.weightsHash, weightFunction: r.weightFunction ?? null, creditThreshold: r.creditThreshold ?? null } : {}),
    exclusions: r.exclusions, exclusionsHash: r.exclusionsHash, commitment: r.commitment, entropySource: plan.source,
    witnesses: plan.source === 'witnesses' ? plan.witnesses : [], drandChainHash: plan.source === 'drand' ? plan.chainHash : null, drandRound: plan.source === 'drand' ? plan.round : null,
    committedAt: r.committedAt, revealDeadline: '2026-01-08T00:00:00.000Z', ...purpose,
  };
  const values = r.entropy.source === 'witnesses' ? r.entropy.values : [];
  const drand = r.entropy.source === 'drand' ? r.entropy : null;
  const revealed = {
    drawId: r.drawId, projectId: r.projectId, round: r.round, poolSize: r.pool.length, secret: r.secret, seed: r.seed, winners: r.winners, alternates: r.alternates,
    entropySource: r.entropy.source, witnessValues: values, drandRound: drand?.round ?? null, drandSignature: drand?.signature ?? null, drandRandomness: drand?.randomness ?? null, ...purpose,
  };
  const event = (contract: EventContract<any>, payload: Record<string, unknown>, n: number) => {
    const checked = contract.validate(payload);
    if (!checked.ok) throw new Error(`${contract.type}: ${JSON.stringify(checked.issues)}`);
    return { id: `${r.drawId}-${contract.type}-${n}`, type: contract.type, occurredAt: r.committedAt, aggregateId: r.drawId, payload };
  };
  return [
    event(DrawCommittedV1, committed, 0),
    ...values.map((v, i) => event(EntropyContributedV1, { drawId: r.drawId, projectId: r.projectId, round: r.round, ...v }, i + 1)),
    event(DrawRevealedV1, revealed, values.length + 1),
  ];
}

function logExport(entries: readonly unknown[]) {
  return { format: 'mkt-audit-log/v1', origin: 'test', entries, checkpoints: [] };
}
