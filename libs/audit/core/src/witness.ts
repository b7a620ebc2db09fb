import { bytesEqual } from './bytes';
import { Checkpoint, CheckpointFailure, verifyCheckpoint } from './checkpoint';
import { emptyRoot } from './merkle-hash';
import { verifyConsistency } from './merkle-proof';
import { NoteVerifier } from './signed-note';

/** What a supervisor's client remembers of one log: the last checkpoint it accepted. */
export interface WitnessState {
  readonly origin: string;
  readonly checkpoint: Checkpoint;
  /** The accepted signed note as received (null before the first one): evidence to show if the log later forks. */
  readonly signedNote: string | null;
}

export type WitnessRefusal =
  | { readonly kind: 'invalid-checkpoint'; readonly failure: CheckpointFailure }
  | { readonly kind: 'wrong-origin'; readonly expected: string; readonly actual: string }
  | { readonly kind: 'smaller-size'; readonly witnessedSize: number; readonly offeredSize: number }
  | { readonly kind: 'fork'; readonly size: number }
  | { readonly kind: 'inconsistent'; readonly witnessedSize: number; readonly offeredSize: number };

export type WitnessDecision =
  | { readonly accepted: true; readonly state: WitnessState }
  | { readonly accepted: false; readonly refusal: WitnessRefusal };

/** A witness that has seen nothing yet holds the empty tree, which every tree extends (with an empty proof). */
export function initialWitnessState(origin: string): WitnessState {
  return { origin, checkpoint: { origin, size: 0, rootHash: emptyRoot() }, signedNote: null };
}

/**
 * Rule: a witness accepts a checkpoint only if the log signed it, for the same origin, at a size no smaller than
 * the one it holds, and the consistency proof joins the held root to the new one (RFC 9162 §2.1.4.2) — at an equal
 * size that means an equal root. Anything else is a rollback or a fork: keep the old state and raise the alarm.
 */
export function acceptCheckpoint(
  state: WitnessState,
  signedCheckpoint: string,
  consistencyProof: readonly Uint8Array[],
  logKey: NoteVerifier,
): WitnessDecision {
  const refuse = (refusal: WitnessRefusal): WitnessDecision => ({ accepted: false, refusal });
  const verified = verifyCheckpoint(signedCheckpoint, logKey);
  if (!verified.ok) return refuse({ kind: 'invalid-checkpoint', failure: verified.failure });
  const held = state.checkpoint;
  const offered = verified.checkpoint;
  if (offered.origin !== state.origin) return refuse({ kind: 'wrong-origin', expected: state.origin, actual: offered.origin });
  if (offered.size < held.size) return refuse({ kind: 'smaller-size', witnessedSize: held.size, offeredSize: offered.size });
  if (offered.size === held.size && !bytesEqual(offered.rootHash, held.rootHash)) return refuse({ kind: 'fork', size: held.size });
  if (!verifyConsistency(held.size, offered.size, held.rootHash, offered.rootHash, consistencyProof)) {
    return refuse({ kind: 'inconsistent', witnessedSize: held.size, offeredSize: offered.size });
  }
  return { accepted: true, state: { origin: state.origin, checkpoint: offered, signedNote: signedCheckpoint } };
}

export function describeWitnessRefusal(refusal: WitnessRefusal): string {
  switch (refusal.kind) {
    case 'invalid-checkpoint':
      return `the checkpoint is not validly signed (${refusal.failure.kind})`;
    case 'wrong-origin':
      return `the checkpoint is for log ${refusal.actual}, not ${refusal.expected}`;
    case 'smaller-size':
      return `the log went back from size ${refusal.witnessedSize} to ${refusal.offeredSize}`;
    case 'fork':
      return `the log shows a different root at size ${refusal.size}: a fork`;
    case 'inconsistent':
      return `no valid consistency proof from size ${refusal.witnessedSize} to ${refusal.offeredSize}`;
  }
}
