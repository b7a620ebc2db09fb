/**
 * Algorithm identifiers carried by every draw record: each names every choice a verifier must repeat.
 * Changing any of them (hash, canonical form, generator, integer mapping, shuffle) means a new id.
 */
export const UNIFORM_DRAW_V1 = 'draw/v1;sha256;jcs;seedrandom@3.0.5/arc4;int32-rejection;fisher-yates-partial';
export const WEIGHTED_DRAW_V1 = 'draw/v1;sha256;jcs;seedrandom@3.0.5/arc4;int32-rejection;weighted-sequential-cumulative';
export const KNOWN_ALGORITHMS = [UNIFORM_DRAW_V1, WEIGHTED_DRAW_V1] as const;
export type DrawAlgorithm = (typeof KNOWN_ALGORITHMS)[number];
