import type { DrawAlgorithm } from '../algorithm';
import { compareUtf8 } from '../byte-order';
import type { DrawCommitment } from '../draw-record';
import type { Entropy } from '../entropy';

/**
 * A test vector's inputs, compact enough to print: a pool is either listed or `prefix` + zero-padded
 * numbers 1…count (5 digits), sorted in byte order; weights follow a named rule over the sorted pool.
 */
export interface VectorInputs {
  readonly name: string;
  readonly algorithm: DrawAlgorithm;
  readonly pool: { readonly prefix: string; readonly count: number } | { readonly ids: readonly string[] };
  readonly weightRule?: 'index+1' | 'index%5+1' | 'first-1-rest-1000';
  readonly k: number;
  readonly m: number;
  readonly secret: string;
  readonly entropy: Entropy;
  readonly exclusions?: readonly { readonly agencyId: string; readonly reason: string }[];
  /** A drand vector commits before its round is published, so it carries its own time. */
  readonly committedAt?: string;
}

const WEIGHT_RULES = {
  'index+1': (i: number) => i + 1,
  'index%5+1': (i: number) => (i % 5) + 1,
  'first-1-rest-1000': (i: number) => (i === 0 ? 1 : 1000),
} as const;

/** Every vector shares these fixed fields, so that only the listed inputs vary. */
export const VECTOR_CONSTANTS = { drawId: 'vector-draw', projectId: 'vector-project', round: 1, rulesVersion: 'rules/2026-1', committedAt: '2026-01-01T00:00:00.000Z' } as const;

export function expandVectorInputs(v: VectorInputs): {
  commitmentInput: Omit<DrawCommitment, 'poolHash' | 'exclusionsHash' | 'commitment' | 'weightsHash'>;
  secret: string;
  entropy: Entropy;
} {
  const ids = 'ids' in v.pool ? [...v.pool.ids] : Array.from({ length: v.pool.count }, (_, i) => `${(v.pool as { prefix: string }).prefix}${String(i + 1).padStart(5, '0')}`);
  const pool = ids.sort(compareUtf8);
  const weights = v.weightRule ? pool.map((id, i) => ({ id, weight: WEIGHT_RULES[v.weightRule as keyof typeof WEIGHT_RULES](i) })) : undefined;
  const entropyPlan = v.entropy.source === 'drand'
    ? { source: 'drand' as const, chainHash: v.entropy.chainHash, round: v.entropy.round }
    : { source: 'witnesses' as const, witnesses: v.entropy.values.map((x) => x.witness) };
  return {
    commitmentInput: { ...VECTOR_CONSTANTS, committedAt: v.committedAt ?? VECTOR_CONSTANTS.committedAt, algorithm: v.algorithm, k: v.k, m: v.m, pool, weights, exclusions: v.exclusions ?? [], entropyPlan },
    secret: v.secret,
    entropy: v.entropy,
  };
}
