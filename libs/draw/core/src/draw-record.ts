import type { DrawAlgorithm } from './algorithm';
import type { ExclusionReason } from './eligibility.rule';
import type { Entropy, EntropyPlan } from './entropy';
import type { WeightedCandidate } from './select';

/** Published at step 2, before any entropy exists: everything that fixes the outcome except the entropy. */
export interface DrawCommitment {
  readonly drawId: string;
  readonly projectId: string;
  /** 1 for a project's first draw; a redraw is a new, visible round. */
  readonly round: number;
  readonly algorithm: DrawAlgorithm;
  readonly rulesVersion: string;
  /** Winners. */
  readonly k: number;
  /** Ordered alternates (候补). */
  readonly m: number;
  /** Frozen pool, UTF-8 byte order. */
  readonly pool: readonly string[];
  /** Weighted draws only: each pool member's weight from the published weight function, in pool order. */
  readonly weights?: readonly WeightedCandidate[];
  readonly weightsHash?: string;
  /**
   * Weighted draws only: the announced weight function (`CREDIT_WEIGHT_FUNCTIONS`) and credit threshold the weights
   * and the CREDIT_BELOW_THRESHOLD exclusions follow. On the record for reading; the seed binds the weights themselves.
   */
  readonly weightFunction?: string;
  readonly creditThreshold?: number;
  readonly poolHash: string;
  readonly exclusions: readonly { readonly agencyId: string; readonly reason: ExclusionReason | string }[];
  readonly exclusionsHash: string;
  /** SHA-256 of the 32-byte secret, hex. */
  readonly commitment: string;
  readonly entropyPlan: EntropyPlan;
  readonly committedAt: string;
}

/** The full record after the reveal: anyone can re-derive seed and result from it alone. */
export interface DrawRecord extends DrawCommitment {
  readonly secret: string;
  readonly entropy: Entropy;
  readonly seed: string;
  readonly winners: readonly string[];
  readonly alternates: readonly string[];
}
