/**
 * Writes the draw/v1 test vectors (libs/draw/core/src/test-vectors/draw-v1.vectors.json) from their inputs,
 * with the reference implementation. Rerun only when adding a vector: existing expected values must not move.
 *
 *   node -r @swc-node/register tools/draw-vectors/generate-vectors.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitDraw, revealDraw, UNIFORM_DRAW_V1, WEIGHTED_DRAW_V1, QUICKNET, type Entropy } from '@mkt/draw/core';
import { expandVectorInputs, type VectorInputs } from '@mkt/draw/core/testing';

const witnesses = (...values: string[]): Entropy => ({ source: 'witnesses', values: values.map((value, i) => ({ witness: i === 0 ? 'OWNER' : 'SUPERVISOR', value })) });
const drandBeacon: Entropy = {
  source: 'drand',
  chainHash: QUICKNET.chainHash,
  round: 657413,
  signature: 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b',
  randomness: 'fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587',
};

const INPUTS: VectorInputs[] = [
  { name: 'pool-1', algorithm: UNIFORM_DRAW_V1, pool: { prefix: 'agency-', count: 1 }, k: 1, m: 0, secret: '00'.repeat(32), entropy: witnesses('1') },
  { name: 'pool-2', algorithm: UNIFORM_DRAW_V1, pool: { prefix: 'agency-', count: 2 }, k: 1, m: 1, secret: '01'.repeat(32), entropy: witnesses('2026-03-01', 'blue kite') },
  { name: 'pool-10', algorithm: UNIFORM_DRAW_V1, pool: { prefix: 'agency-', count: 10 }, k: 1, m: 2, secret: 'ab'.repeat(32), entropy: witnesses('7', '42'), exclusions: [{ agencyId: 'agency-99', reason: 'CONFLICT_DECLARED' }] },
  { name: 'pool-10-drand', algorithm: UNIFORM_DRAW_V1, pool: { prefix: 'agency-', count: 10 }, k: 3, m: 3, secret: 'cd'.repeat(32), entropy: drandBeacon, committedAt: '2023-09-15T10:59:33.000Z' },
  { name: 'pool-10000', algorithm: UNIFORM_DRAW_V1, pool: { prefix: 'agency-', count: 10000 }, k: 1, m: 3, secret: 'ef'.repeat(32), entropy: witnesses('10000') },
  { name: 'pool-2-alternates-run-out', algorithm: UNIFORM_DRAW_V1, pool: { prefix: 'agency-', count: 2 }, k: 1, m: 5, secret: '12'.repeat(32), entropy: witnesses('x') },
  { name: 'pool-unicode-byte-order', algorithm: UNIFORM_DRAW_V1, pool: { ids: ['Zeta测绘', 'alpha', '中建咨询', '\u{1F600}-agency', '\uFF21-agency'] }, k: 2, m: 1, secret: '34'.repeat(32), entropy: witnesses('甲', '乙') },
  { name: 'weighted-pool-10', algorithm: WEIGHTED_DRAW_V1, pool: { prefix: 'agency-', count: 10 }, weightRule: 'index+1', k: 1, m: 2, secret: '56'.repeat(32), entropy: witnesses('3') },
  { name: 'weighted-pool-2-skewed', algorithm: WEIGHTED_DRAW_V1, pool: { prefix: 'agency-', count: 2 }, weightRule: 'first-1-rest-1000', k: 1, m: 1, secret: '78'.repeat(32), entropy: witnesses('9') },
  { name: 'weighted-pool-10000', algorithm: WEIGHTED_DRAW_V1, pool: { prefix: 'agency-', count: 10000 }, weightRule: 'index%5+1', k: 2, m: 2, secret: '9a'.repeat(32), entropy: witnesses('5', '6') },
];

const vectors = INPUTS.map((inputs) => {
  const { commitmentInput, secret, entropy } = expandVectorInputs(inputs);
  const record = revealDraw(commitDraw({ ...commitmentInput, secret }), secret, entropy);
  return { inputs, expected: { poolHash: record.poolHash, exclusionsHash: record.exclusionsHash, weightsHash: record.weightsHash ?? null, commitment: record.commitment, seed: record.seed, winners: record.winners, alternates: record.alternates } };
});

writeFileSync(join(__dirname, '../../libs/draw/core/src/test-vectors/draw-v1.vectors.json'), JSON.stringify(vectors, null, 2) + '\n');
console.log(`${vectors.length} vectors written`);
