import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitDraw, revealDraw, UNIFORM_DRAW_V1, type DrawRecord } from '@mkt/draw/core';
import { DRAW_V1_VECTORS as vectors, expandVectorInputs, type VectorInputs } from '@mkt/draw/core/testing';

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

  const run = (r: unknown) => {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(r));
    return spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/verify-draw/verify-draw.ts', file], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
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
});
