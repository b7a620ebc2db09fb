import vectors from './test-vectors/draw-v1.vectors.json';
import type { VectorInputs } from './test-vectors/vector-inputs';

/** The published draw/v1 test vectors (docs/draw-protocol.md), for suites that run them through a CLI or a service. */
export const DRAW_V1_VECTORS = vectors as readonly { readonly inputs: VectorInputs; readonly expected: { readonly seed: string; readonly winners: readonly string[]; readonly alternates: readonly string[] } }[];
export { expandVectorInputs, VECTOR_CONSTANTS, type VectorInputs } from './test-vectors/vector-inputs';

/**
 * Round 657413 of drand quicknet as the League of Entropy's relays served it: a genuine beacon for suites that play
 * a relay on this machine (there is no internet in tests). A commitment fixes this round when made between 30 and
 * 27 s before its publication time, `drandRoundTime(657413)`.
 */
export const RECORDED_QUICKNET_BEACON = {
  round: 657413,
  randomness: 'fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587',
  signature: 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b',
} as const;
