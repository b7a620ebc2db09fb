import { UNIFORM_DRAW_V1, WEIGHTED_DRAW_V1 } from './algorithm';
import { commitmentOf } from './commitment';
import type { DrawCommitment, DrawRecord } from './draw-record';
import type { Entropy } from './entropy';
import { exclusionsHashOf, poolHashOf, weightsHashOf } from './pool';
import { deriveSeed } from './seed';
import { seededGenerator } from './seeded-generator';
import { selectByWeight, selectUniformly, type Selection } from './select';

/** Step 2: fixes everything but the entropy. The caller supplies a fresh CSPRNG secret and keeps it sealed. */
export function commitDraw(input: Omit<DrawCommitment, 'poolHash' | 'exclusionsHash' | 'commitment' | 'weightsHash'> & { readonly secret: string }): DrawCommitment {
  const { secret, ...rest } = input;
  const committed = { ...rest, poolHash: poolHashOf(rest.pool), exclusionsHash: exclusionsHashOf(rest.exclusions), commitment: commitmentOf(secret) };
  if (rest.algorithm !== WEIGHTED_DRAW_V1) return committed;
  const ids = (rest.weights ?? []).map((w) => w.id);
  if (ids.length !== rest.pool.length || ids.some((id, i) => id !== rest.pool[i])) {
    throw new Error('a weighted draw gives a weight for every pool member, in pool order');
  }
  return { ...committed, weightsHash: weightsHashOf(rest.weights ?? []) };
}

/** Steps 4–5: with the secret and the entropy, derive the seed and the selection. Same code the verifier runs. */
export function revealDraw(commitment: DrawCommitment, secret: string, entropy: Entropy): DrawRecord {
  if (commitmentOf(secret) !== commitment.commitment) throw new Error('the secret does not match the commitment');
  const seed = deriveSeed({ ...commitment, secret, entropy });
  return { ...commitment, secret, entropy, seed, ...selectionFor(commitment, seed) };
}

export function selectionFor(commitment: DrawCommitment, seed: string): Selection {
  const source = seededGenerator(seed);
  switch (commitment.algorithm) {
    case UNIFORM_DRAW_V1:
      return selectUniformly(commitment.pool, commitment.k, commitment.m, source);
    case WEIGHTED_DRAW_V1:
      return selectByWeight(commitment.weights ?? [], commitment.k, commitment.m, source);
  }
}
