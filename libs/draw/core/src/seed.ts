import { canonicalJson, sha256Hex } from './digest';
import type { Entropy } from './entropy';

export interface SeedInput {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly poolHash: string;
  readonly k: number;
  readonly m: number;
  readonly rulesVersion: string;
  readonly commitment: string;
  readonly secret: string;
  readonly entropy: Entropy;
  /** SHA-256 of the JCS exclusions array: who was left out, and why, is bound into the seed too. */
  readonly exclusionsHash: string;
  /** Weighted draws only: SHA-256 of the JCS weights array, so the weights are bound into the seed. */
  readonly weightsHash?: string;
}

/**
 * seed = SHA-256(JCS({ v: "draw/v1", drawId, projectId, round, poolHash, exclusionsHash, k, m, rulesVersion,
 * commitment, secret, entropy })); a weighted draw adds `weightsHash`. DESIGN.md's seed object, plus the two
 * hashes that bind the exclusions and the weights (docs/decisions/0005).
 */
export function deriveSeed(input: SeedInput): string {
  const { drawId, projectId, round, poolHash, exclusionsHash, k, m, rulesVersion, commitment, secret, entropy, weightsHash } = input;
  const fields = { v: 'draw/v1', drawId, projectId, round, poolHash, exclusionsHash, k, m, rulesVersion, commitment, secret, entropy };
  return sha256Hex(canonicalJson(weightsHash === undefined ? fields : { ...fields, weightsHash }));
}
