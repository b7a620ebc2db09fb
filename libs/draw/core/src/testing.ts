import vectors from './test-vectors/draw-v1.vectors.json';
import type { VectorInputs } from './test-vectors/vector-inputs';

/** The published draw/v1 test vectors (docs/draw-protocol.md), for suites that run them through a CLI or a service. */
export const DRAW_V1_VECTORS = vectors as readonly { readonly inputs: VectorInputs; readonly expected: { readonly seed: string; readonly winners: readonly string[]; readonly alternates: readonly string[] } }[];
export { expandVectorInputs, VECTOR_CONSTANTS, type VectorInputs } from './test-vectors/vector-inputs';
