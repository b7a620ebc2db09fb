import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { commitDraw, revealDraw } from '../conduct-draw';
import { verifyDraw } from '../verify-draw';
import vectors from './draw-v1.vectors.json';
import { expandVectorInputs, type VectorInputs } from './vector-inputs';

/** The published vectors of docs/draw-protocol.md: any implementation must reproduce them exactly. */
describe('draw/v1 test vectors', () => {
  it('cover pools of 1, 2, 10 and 10,000, weighted and unweighted, witnesses and drand', () => {
    const inputs = vectors.map((v) => v.inputs as VectorInputs);
    const sizes = inputs.map((i) => ('count' in i.pool ? i.pool.count : i.pool.ids.length));
    expect(vectors.length).toBeGreaterThanOrEqual(8);
    expect(sizes).toEqual(expect.arrayContaining([1, 2, 10, 10000]));
    expect(inputs.some((i) => i.weightRule)).toBe(true);
    expect(inputs.some((i) => i.entropy.source === 'drand')).toBe(true);
  });

  it.each(vectors.map((v) => [v.inputs.name, v] as const))('%s reproduces its hashes, seed, winners and alternates', (_, vector) => {
    const { commitmentInput, secret, entropy } = expandVectorInputs(vector.inputs as VectorInputs);
    const record = revealDraw(commitDraw({ ...commitmentInput, secret }), secret, entropy);
    expect({
      poolHash: record.poolHash,
      exclusionsHash: record.exclusionsHash,
      weightsHash: record.weightsHash ?? null,
      commitment: record.commitment,
      seed: record.seed,
      winners: record.winners,
      alternates: record.alternates,
    }).toEqual(vector.expected);
    expect(verifyDraw(record).ok).toBe(true);
  });

  it.each(vectors.map((v) => [v.inputs.name, v] as const))('%s: the seed re-derives with Node’s own SHA-256 over the JCS object', (_, vector) => {
    const { commitmentInput, secret, entropy } = expandVectorInputs(vector.inputs as VectorInputs);
    const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
    const seedObject: Record<string, unknown> = {
      v: 'draw/v1',
      drawId: commitmentInput.drawId,
      projectId: commitmentInput.projectId,
      round: commitmentInput.round,
      poolHash: sha(canonicalize(commitmentInput.pool) as string),
      exclusionsHash: sha(canonicalize(commitmentInput.exclusions) as string),
      k: commitmentInput.k,
      m: commitmentInput.m,
      rulesVersion: commitmentInput.rulesVersion,
      commitment: sha(Buffer.from(secret, 'hex')),
      secret,
      entropy,
    };
    if (commitmentInput.weights) seedObject['weightsHash'] = sha(canonicalize(commitmentInput.weights) as string);
    expect(sha(canonicalize(seedObject) as string)).toBe(vector.expected.seed);
  });
});
