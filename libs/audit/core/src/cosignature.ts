import { ed25519 } from '@noble/curves/ed25519';
import { invalid } from '@mkt/shared/kernel';
import { bytesEqual, concatBytes, utf8ToBytes } from './bytes';
import { CheckpointFailure, parseCheckpoint } from './checkpoint';
import { ed25519Verifies, keyIdOf, NoteSigner, NoteVerifier, parseNote, signatureLine, SignatureType } from './signed-note';

export type CosignatureResult =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly failure: CheckpointFailure };

/** C2SP tlog-cosignature, Ed25519 signed message: `cosignature/v1\ntime <seconds>\n` then the whole checkpoint text. */
export function cosignatureMessage(checkpointText: string, timestamp: number): string {
  return `cosignature/v1\ntime ${timestamp}\n${checkpointText}`;
}

/**
 * A witness countersigns a checkpoint it accepted (see `acceptCheckpoint`): adds a `cosignature/v1` line with its
 * key (type 0x04) stating that, at `timestamp` (POSIX seconds), this is the largest consistent tree it has seen.
 */
export function cosignCheckpoint(signedCheckpoint: string, cosigner: NoteSigner, timestamp: number): string {
  const parsed = parseCheckpoint(signedCheckpoint);
  if (!parsed.ok) throw invalid('AUDIT.INVALID_CHECKPOINT', 'only a well-formed checkpoint can be cosigned', 'checkpoint');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw invalid('AUDIT.INVALID_TIMESTAMP', 'a cosignature time is whole POSIX seconds', 'timestamp');
  const keyId = keyIdOf(cosigner.name, SignatureType.cosignatureV1, ed25519.getPublicKey(cosigner.privateKey));
  const signature = ed25519.sign(utf8ToBytes(cosignatureMessage(parsed.note.text, timestamp)), cosigner.privateKey);
  // tlog-cosignature: timestamped_signature = u64 timestamp (big-endian) || 64-byte signature.
  return signedCheckpoint + signatureLine(cosigner.name, concatBytes(keyId, u64(timestamp), signature));
}

/** Checks the cosignature of one witness on a checkpoint, returning the time it attests. */
export function verifyCosignature(signedCheckpoint: string, cosigner: NoteVerifier): CosignatureResult {
  const parsed = parseNote(signedCheckpoint);
  if (!parsed.ok) return { ok: false, failure: { kind: 'malformed-note', detail: parsed.detail } };
  const keyId = keyIdOf(cosigner.name, SignatureType.cosignatureV1, cosigner.publicKey);
  const own = parsed.note.signatures.filter((s) => s.name === cosigner.name && bytesEqual(s.keyId, keyId));
  if (own.length === 0) return { ok: false, failure: { kind: 'not-signed-by-key', keyName: cosigner.name } };
  let timestamp = -1;
  for (const { signature } of own) {
    const time = signature.length === 8 + 64 ? readU64(signature.subarray(0, 8)) : null;
    const message = time === null ? null : utf8ToBytes(cosignatureMessage(parsed.note.text, time));
    if (time === null || message === null || !ed25519Verifies(signature.subarray(8), message, cosigner.publicKey)) {
      return { ok: false, failure: { kind: 'invalid-signature', keyName: cosigner.name } };
    }
    timestamp = Math.max(timestamp, time);
  }
  return { ok: true, timestamp };
}

function u64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n));
  return out;
}

// Timestamps past 2^53 - 1 seconds are refused rather than rounded.
function readU64(bytes: Uint8Array): number | null {
  const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null;
}
