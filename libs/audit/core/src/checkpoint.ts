import { invalid } from '@mkt/shared/kernel';
import { fromBase64, toBase64 } from './bytes';
import { HASH_SIZE } from './merkle-hash';
import { checkNoteSignature, Note, NoteSigner, NoteVerifier, parseNote, signNote } from './signed-note';

/** A log's tree head as C2SP tlog-checkpoint carries it. */
export interface Checkpoint {
  /** Names the log; by convention also its key name. */
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** Opaque lines after the root; carried through, never interpreted (and not recommended). */
  readonly extensions?: readonly string[];
}

export type CheckpointFailure =
  | { readonly kind: 'malformed-note'; readonly detail: string }
  | { readonly kind: 'malformed-checkpoint'; readonly detail: string }
  | { readonly kind: 'not-signed-by-key'; readonly keyName: string }
  | { readonly kind: 'invalid-signature'; readonly keyName: string };

export type CheckpointResult =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly note: Note }
  | { readonly ok: false; readonly failure: CheckpointFailure };

const SIZE_PATTERN = /^(0|[1-9][0-9]*)$/;

/** tlog-checkpoint note text: `<origin>\n<size>\n<base64 root>\n`, then any extension lines. */
export function checkpointText(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  if (origin.length === 0 || origin.includes('\n')) throw invalid('AUDIT.INVALID_CHECKPOINT', 'the origin is one non-empty line', 'origin');
  if (!Number.isSafeInteger(size) || size < 0) throw invalid('AUDIT.INVALID_CHECKPOINT', `tree size ${size} is not a non-negative integer`, 'size');
  if (rootHash.length !== HASH_SIZE) throw invalid('AUDIT.INVALID_CHECKPOINT', `a root hash has ${HASH_SIZE} bytes`, 'rootHash');
  if (extensions.some((line) => line.length === 0 || line.includes('\n'))) {
    throw invalid('AUDIT.INVALID_CHECKPOINT', 'extension lines are single non-empty lines', 'extensions');
  }
  return [origin, String(size), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/** The signed checkpoint note. The log must never sign two checkpoints that no consistency proof joins. */
export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  return signNote(checkpointText(checkpoint), [signer]);
}

/** Reads a signed checkpoint's fields without checking any signature: never trust what it returns on its own. */
export function parseCheckpoint(signedNote: string): CheckpointResult {
  const parsed = parseNote(signedNote);
  if (!parsed.ok) return { ok: false, failure: { kind: 'malformed-note', detail: parsed.detail } };
  const lines = parsed.note.text.slice(0, -1).split('\n');
  const fail = (detail: string): CheckpointResult => ({ ok: false, failure: { kind: 'malformed-checkpoint', detail } });
  if (lines.length < 3 || lines.some((line) => line.length === 0)) return fail('a checkpoint has at least three lines, none empty');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!SIZE_PATTERN.test(sizeText)) return fail('the tree size is a decimal number without leading zeroes');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) return fail('tree sizes beyond 2^53 - 1 are not supported');
  const rootHash = fromBase64(rootText);
  if (rootHash === null || rootHash.length !== HASH_SIZE) return fail('the root hash is the base64 of 32 bytes');
  const checkpoint: Checkpoint = extensions.length > 0 ? { origin, size, rootHash, extensions } : { origin, size, rootHash };
  return { ok: true, checkpoint, note: parsed.note };
}

/** Parses the checkpoint and requires a valid signature from the log's key (others are ignored, per signed-note). */
export function verifyCheckpoint(signedNote: string, verifier: NoteVerifier): CheckpointResult {
  const parsed = parseCheckpoint(signedNote);
  if (!parsed.ok) return parsed;
  const check = checkNoteSignature(parsed.note, verifier);
  return check.ok ? parsed : { ok: false, failure: { kind: check.reason, keyName: verifier.name } };
}

export function describeCheckpointFailure(failure: CheckpointFailure): string {
  switch (failure.kind) {
    case 'malformed-note':
      return `not a signed note: ${failure.detail}`;
    case 'malformed-checkpoint':
      return `not a checkpoint: ${failure.detail}`;
    case 'not-signed-by-key':
      return `no signature from key ${failure.keyName}`;
    case 'invalid-signature':
      return `the signature of key ${failure.keyName} does not verify`;
  }
}
