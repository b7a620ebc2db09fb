/**
 * Entropy fixed only after the commitment is public, from a source the operator does not control.
 * Witnesses: each enters a value after the commitment; values are kept in the order they were accepted.
 * drand: the beacon of the round named in the commitment, verifiable offline against the chain's key.
 */
export type Entropy = WitnessEntropy | DrandEntropy;

export interface WitnessEntropy {
  readonly source: 'witnesses';
  readonly values: readonly { readonly witness: string; readonly value: string }[];
}

export interface DrandEntropy {
  readonly source: 'drand';
  readonly chainHash: string;
  readonly round: number;
  /** Hex BLS signature of the round (G1, 48 bytes compressed, for quicknet). */
  readonly signature: string;
  /** SHA-256 of the signature bytes, hex. */
  readonly randomness: string;
}

/**
 * A named person who witnesses one draw (a notary, a deputy the owner invited): an identity account id and the
 * label the public sees. Their slot in `witnesses` is `OBSERVER:<userId>`.
 */
export interface DrawObserver {
  readonly userId: string;
  readonly label: string;
}

/**
 * What the commitment promises about entropy, before any of it exists. Witness slots are roles (`OWNER`,
 * `SUPERVISOR`) or named observers; `observers` lists the latter and is absent from records made before
 * observers existed, which verify as they always did.
 */
export type EntropyPlan = WitnessPlan | { readonly source: 'drand'; readonly chainHash: string; readonly round: number };

export interface WitnessPlan {
  readonly source: 'witnesses';
  readonly witnesses: readonly string[];
  readonly observers?: readonly DrawObserver[];
}
