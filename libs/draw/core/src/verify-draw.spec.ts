import { createHash } from 'node:crypto';
import { UNIFORM_DRAW_V1, WEIGHTED_DRAW_V1 } from './algorithm';
import { selectionFor } from './conduct-draw';
import { exclusionsHashOf, weightsHashOf } from './pool';
import { commitmentOf } from './commitment';
import { commitDraw, revealDraw } from './conduct-draw';
import { QUICKNET, drandRoundAt } from './drand';
import type { DrawRecord } from './draw-record';
import type { WitnessEntropy } from './entropy';
import { poolHashOf } from './pool';
import { verifyDraw } from './verify-draw';
import { planWitnesses } from './witness-plan';

const secret = '9f'.repeat(32);
// A real quicknet beacon, as published by the League of Entropy.
const realBeacon = {
  round: 657413,
  signature: 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b',
  randomness: 'fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587',
};

const base = {
  drawId: 'draw-1',
  projectId: 'project-1',
  round: 1,
  algorithm: UNIFORM_DRAW_V1,
  rulesVersion: 'rules/2026-01',
  k: 1,
  m: 2,
  pool: ['agency-a', 'agency-b', 'agency-c', 'agency-d', 'agency-e'],
  exclusions: [{ agencyId: 'agency-x', reason: 'NOT_ACTIVE' }],
  committedAt: '2026-03-01T02:00:00.000Z',
} as const;

function witnessDraw(): DrawRecord {
  const commitment = commitDraw({ ...base, entropyPlan: { source: 'witnesses', witnesses: ['owner', 'supervisor'] }, secret });
  return revealDraw(commitment, secret, { source: 'witnesses', values: [{ witness: 'owner', value: '4711' }, { witness: 'supervisor', value: 'blue kite' }] });
}

// Committed 30 s before round 657413 was published (2023-09-15T11:00:03Z), as a draw planning that round would be.
const BEFORE_THE_ROUND = '2023-09-15T10:59:33.000Z';

function drandDraw(committedAt = BEFORE_THE_ROUND): DrawRecord {
  const commitment = commitDraw({ ...base, committedAt, entropyPlan: { source: 'drand', chainHash: QUICKNET.chainHash, round: realBeacon.round }, secret });
  return revealDraw(commitment, secret, { source: 'drand', chainHash: QUICKNET.chainHash, ...realBeacon });
}

const failureOf = (record: DrawRecord) => verifyDraw(record).firstFailure?.name ?? null;

describe('commitment and pool hash', () => {
  it('commit to SHA-256 of the secret bytes and of the JCS pool array', () => {
    expect(commitmentOf('00'.repeat(32))).toBe('66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925');
    // JCS of ["a","b"] is the 9 bytes ["a","b"]; hashed here by Node's own SHA-256 as an independent check.
    expect(poolHashOf(['a', 'b'])).toBe(createHash('sha256').update('["a","b"]').digest('hex'));
    expect(() => poolHashOf(['b', 'a'])).toThrow('byte order');
    expect(() => poolHashOf(['a', 'a'])).toThrow('byte order');
  });

  it('refuses to reveal with a secret other than the committed one', () => {
    const commitment = commitDraw({ ...base, entropyPlan: { source: 'witnesses', witnesses: ['owner'] }, secret });
    expect(() => revealDraw(commitment, 'aa'.repeat(32), { source: 'witnesses', values: [{ witness: 'owner', value: '1' }] })).toThrow('does not match');
  });
});

describe('verifyDraw', () => {
  it('confirms a witnessed draw from its record alone', () => {
    const record = witnessDraw();
    const result = verifyDraw(record);
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.name)).toEqual(['algorithm', 'pool-order', 'pool-hash', 'exclusions', 'commitment', 'entropy', 'seed', 'result']);
    expect(record.winners).toHaveLength(1);
    expect(record.alternates).toHaveLength(2);
  });

  it('confirms a draw seeded by a real drand quicknet beacon, checked against the pinned chain key', () => {
    expect(verifyDraw(drandDraw())).toMatchObject({ ok: true, firstFailure: null });
  });

  it.each<[string, (r: DrawRecord) => DrawRecord, string]>([
    ['an unknown algorithm', (r) => ({ ...r, algorithm: 'draw/v0' as never }), 'algorithm'],
    ['a pool out of byte order', (r) => ({ ...r, pool: [...r.pool].reverse() }), 'pool-order'],
    ['an agency slipped into the pool', (r) => ({ ...r, pool: [...r.pool, 'agency-z'] }), 'pool-hash'],
    ['an exclusion changed after the commitment', (r) => ({ ...r, exclusions: [{ agencyId: 'agency-x', reason: 'CONFLICT_DECLARED' }] }), 'exclusions'],
    ['an excluded agency quietly dropped from the record', (r) => ({ ...r, exclusions: [] }), 'exclusions'],
    ['exclusions and their hash rewritten together', (r) => ({ ...r, exclusions: [], exclusionsHash: exclusionsHashOf([]) }), 'seed'],
    ['a secret other than the committed one', (r) => ({ ...r, secret: 'ab'.repeat(32) }), 'commitment'],
    ['a witness value changed after the fact', (r) => ({ ...r, entropy: { source: 'witnesses', values: [{ witness: 'owner', value: '4712' }, { witness: 'supervisor', value: 'blue kite' }] } }), 'seed'],
    ['a witness who was not named in the commitment', (r) => ({ ...r, entropy: { source: 'witnesses', values: [{ witness: 'operator', value: '1' }] } }), 'entropy'],
    ['a different seed', (r) => ({ ...r, seed: 'cd'.repeat(32) }), 'seed'],
    ['a winner swapped with an alternate', (r) => ({ ...r, winners: [r.alternates[0]], alternates: [r.winners[0], r.alternates[1]] }), 'result'],
    ['k changed after the commitment', (r) => ({ ...r, k: 2 }), 'seed'],
  ])('names the first failing check for %s', (_, tamper, failing) => {
    expect(failureOf(tamper(witnessDraw()))).toBe(failing);
  });

  it.each<[string, (r: DrawRecord) => DrawRecord]>([
    ['a tampered beacon signature', (r) => ({ ...r, entropy: { ...(r.entropy as any), signature: r.entropy.source === 'drand' ? r.entropy.signature.replace(/^b7/, 'b6') : '' } })],
    ['a beacon of another round than committed', (r) => ({ ...r, entropy: { ...(r.entropy as any), round: realBeacon.round + 1 } })],
    ['randomness that is not the hash of the signature', (r) => ({ ...r, entropy: { ...(r.entropy as any), randomness: '00'.repeat(32) } })],
    ['a chain the verifier does not trust', (r) => ({ ...r, entropyPlan: { source: 'drand', chainHash: 'ff'.repeat(32), round: realBeacon.round }, entropy: { ...(r.entropy as any), chainHash: 'ff'.repeat(32) } })],
  ])('refuses drand entropy with %s', (_, tamper) => {
    expect(failureOf(tamper(drandDraw()))).toBe('entropy');
  });

  it('refuses a drand round published before the commitment: whoever chose the secret could have known the entropy', () => {
    expect(verifyDraw(drandDraw('2023-09-15T11:00:02.999Z')).ok).toBe(true);
    for (const committedAt of ['2023-09-15T11:00:03.000Z', '2026-03-01T02:00:00.000Z']) {
      expect(verifyDraw(drandDraw(committedAt)).firstFailure).toEqual({
        name: 'entropy', ok: false,
        detail: `round 657413 was published at 2023-09-15T11:00:03.000Z, not after the commitment at ${committedAt}: its randomness could be known when the secret was chosen`,
      });
    }
  });

  it('needs the publication times of any other trusted chain to check its round against the commitment', () => {
    const chainHash = 'ee'.repeat(32);
    const record = { ...drandDraw(), entropyPlan: { source: 'drand' as const, chainHash, round: realBeacon.round }, entropy: { source: 'drand' as const, chainHash, ...realBeacon } };
    const chains = { [chainHash]: QUICKNET.publicKey };

    expect(verifyDraw(record, { chains }).firstFailure?.detail).toBe(`the publication times of drand chain ${chainHash} are unknown to this verifier: give its genesis and period`);
    // (The seed check then fails: the record's chain was swapped after the draw. The entropy check is what is shown.)
    expect(verifyDraw(record, { chains, timings: { [chainHash]: QUICKNET } }).checks.find((c) => c.name === 'entropy')).toMatchObject({ ok: true });
  });

  it('verifies a credit-weighted draw and refuses changed weights', () => {
    const weights = base.pool.map((id, i) => ({ id, weight: i + 1 }));
    const commitment = commitDraw({ ...base, algorithm: WEIGHTED_DRAW_V1, weights, entropyPlan: { source: 'witnesses', witnesses: ['owner'] }, secret });
    const record = revealDraw(commitment, secret, { source: 'witnesses', values: [{ witness: 'owner', value: '42' }] });
    expect(verifyDraw(record).ok).toBe(true);
    const heavier = { ...record, weights: weights.map((w) => (w.id === 'agency-a' ? { ...w, weight: 100 } : w)) };
    expect(failureOf(heavier)).toBe('pool-hash');
    // Rewriting weights, their hash and the result together still fails: the weights hash is in the seed.
    const rewritten = { ...heavier, weightsHash: weightsHashOf(heavier.weights) };
    const consistent = { ...rewritten, ...selectionFor(rewritten, record.seed) };
    expect(failureOf(consistent)).toBe('seed');
  });
});

describe('verifyDraw of a credit-weighted draw against its announced rule', () => {
  const weightedDraw = (weightOf: (i: number) => number, weightFunction = 'credit-linear/v1') => {
    const weights = base.pool.map((id, i) => ({ id, weight: weightOf(i) }));
    const commitment = commitDraw({ ...base, algorithm: WEIGHTED_DRAW_V1, weights, weightFunction, creditThreshold: 70, entropyPlan: { source: 'witnesses', witnesses: ['owner'] }, secret });
    return revealDraw(commitment, secret, { source: 'witnesses', values: [{ witness: 'owner', value: '7' }] });
  };

  it('accepts weights credit-linear/v1 gives firms at or above the threshold (71 to 101)', () => {
    expect(verifyDraw(weightedDraw((i) => (i === 0 ? 71 : 101 - i))).ok).toBe(true);
  });

  it('refuses, naming the firm, a weight the rule cannot give, though it was committed and hashed that way', () => {
    const result = verifyDraw(weightedDraw((i) => (i === 1 ? 60 : 90)));
    expect(result.firstFailure).toMatchObject({ name: 'pool-hash', detail: expect.stringContaining(`${base.pool[1]}'s weight 60 is not one credit-linear/v1 gives`) });
    expect(verifyDraw(weightedDraw(() => 150)).firstFailure?.name).toBe('pool-hash');
  });

  it('refuses a weight function nobody published', () => {
    expect(verifyDraw(weightedDraw(() => 90, 'credit-square/v9')).firstFailure).toMatchObject({ name: 'pool-hash', detail: 'the weight function "credit-square/v9" is not a published one' });
  });
});

describe('verifyDraw with named observers', () => {
  const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };
  const slot = `OBSERVER:${notary.userId}`;

  function observedDraw(): DrawRecord {
    const commitment = commitDraw({ ...base, entropyPlan: planWitnesses(['OWNER', 'SUPERVISOR'], [notary]), secret });
    return revealDraw(commitment, secret, {
      source: 'witnesses',
      values: [{ witness: 'OWNER', value: '1' }, { witness: 'SUPERVISOR', value: '2' }, { witness: slot, value: 'last word' }],
    });
  }

  it('confirms a draw whose last value came from the named observer', () => {
    expect(verifyDraw(observedDraw())).toMatchObject({ ok: true, firstFailure: null });
  });

  it.each<[string, (r: DrawRecord) => DrawRecord]>([
    ["the observer's value credited to someone never named", (r) => ({ ...r, entropy: { source: 'witnesses', values: (r.entropy as WitnessEntropy).values.map((v) => (v.witness === slot ? { ...v, witness: 'OBSERVER:stand-in' } : v)) } })],
    ['the observer dropped from the plan and the values', (r) => ({ ...r, entropyPlan: { source: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR', slot] } })],
    ['an observer slot added to the plan without naming who holds it', (r) => ({ ...r, entropyPlan: { ...(r.entropyPlan as object), witnesses: ['OWNER', 'SUPERVISOR', slot, 'OBSERVER:ghost'] } as never })],
  ])('refuses %s', (_, tamper) => {
    expect(verifyDraw(tamper(observedDraw())).firstFailure?.name).toBe('entropy');
  });

  it("binds the observer's account into the seed: moving the value to another slot changes the seed", () => {
    const record = observedDraw();
    const other = { userId: 'b2d4e6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b', label: notary.label };
    const moved = {
      ...record,
      entropyPlan: planWitnesses(['OWNER', 'SUPERVISOR'], [other]),
      entropy: { source: 'witnesses' as const, values: [{ witness: 'OWNER', value: '1' }, { witness: 'SUPERVISOR', value: '2' }, { witness: `OBSERVER:${other.userId}`, value: 'last word' }] },
    };
    expect(verifyDraw(moved).firstFailure?.name).toBe('seed');
  });
});

describe('drandRoundAt', () => {
  it('fixes the first round at or after a time', () => {
    expect(drandRoundAt(QUICKNET.genesisTime)).toBe(1);
    expect(drandRoundAt(QUICKNET.genesisTime + 2.9)).toBe(1);
    expect(drandRoundAt(QUICKNET.genesisTime + 3)).toBe(2);
    expect(drandRoundAt(QUICKNET.genesisTime + 3 * (realBeacon.round - 1))).toBe(realBeacon.round);
  });
});
