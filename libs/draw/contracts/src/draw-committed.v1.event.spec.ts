import { DrawCommittedV1, PUBLISHED_WEIGHT_FUNCTIONS } from './index';

const hash = (c: string) => c.repeat(64);
const uniform = {
  drawId: 'd-1', projectId: 'p-1', round: 1, algorithm: 'draw/v1;…;fisher-yates-partial', rulesVersion: 'rules/2026-1', k: 1, m: 1,
  pool: ['a', 'b'], poolHash: hash('1'), exclusions: [{ agencyId: 'c', reason: 'CREDIT_BELOW_THRESHOLD' }], exclusionsHash: hash('2'), commitment: hash('3'),
  entropySource: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'], drandChainHash: null, drandRound: null,
  committedAt: '2026-03-01T00:00:00.000Z', revealDeadline: '2026-03-08T00:00:00.000Z', purpose: 'SELECTION', tieBreak: null,
};
const weighted = {
  ...uniform,
  weights: [{ id: 'a', weight: 85 }, { id: 'b', weight: 81 }],
  weightsHash: hash('4'),
  weightFunction: PUBLISHED_WEIGHT_FUNCTIONS[0],
  creditThreshold: 65,
};

describe('DrawCommittedV1', () => {
  it('carries a credit-weighted draw’s weights, their hash, its weight function and threshold', () => {
    expect(DrawCommittedV1.validate(weighted)).toEqual({ ok: true, value: weighted });
  });

  it('still accepts commitments without them (uniform draws, and those logged before they were published), or with them null', () => {
    expect(DrawCommittedV1.validate(uniform).ok).toBe(true);
    expect(DrawCommittedV1.validate({ ...uniform, weights: null, weightsHash: null, weightFunction: null, creditThreshold: null }).ok).toBe(true);
  });

  it('refuses a weight that is no positive whole number, an unpublished function, a threshold off the score scale, a hash that is no SHA-256', () => {
    for (const weight of [0, -1, 2.5]) expect(DrawCommittedV1.validate({ ...weighted, weights: [{ id: 'a', weight }] }).ok).toBe(false);
    expect(DrawCommittedV1.validate({ ...weighted, weightFunction: 'credit-cubed/v7' })).toMatchObject({ ok: false, issues: [expect.objectContaining({ field: 'payload/weightFunction' })] });
    expect(DrawCommittedV1.validate({ ...weighted, creditThreshold: 101 }).ok).toBe(false);
    expect(DrawCommittedV1.validate({ ...weighted, weightsHash: 'ABC' }).ok).toBe(false);
  });
});
