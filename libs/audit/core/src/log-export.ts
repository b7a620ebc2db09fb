import { bytesEqual, hexOf } from './bytes';
import { CheckpointFailure, describeCheckpointFailure, verifyCheckpoint } from './checkpoint';
import { HASH_SIZE, leafHashOf } from './merkle-hash';
import { MerkleLog } from './merkle-log';
import { NoteVerifier } from './signed-note';

export const LOG_EXPORT_FORMAT = 'mkt-audit-log/v1';

/**
 * A whole log, or its first n entries, as a supervisor downloads it (one JSON object; see the README):
 * events in log order, optionally the leaf hashes the service stored for them (hex), and signed checkpoints
 * in non-decreasing size order.
 */
export interface LogExport {
  readonly format?: typeof LOG_EXPORT_FORMAT;
  /** The log's origin; when absent, the first checkpoint's origin binds the others. */
  readonly origin?: string;
  readonly entries: readonly unknown[];
  readonly leafHashes?: readonly string[];
  readonly checkpoints: readonly string[];
}

export type ExportFailure =
  | { readonly kind: 'malformed-export'; readonly detail: string }
  | { readonly kind: 'entry-not-canonical-json'; readonly index: number; readonly detail: string }
  | { readonly kind: 'entry-mismatch'; readonly index: number }
  | { readonly kind: 'leaf-hash-count-mismatch'; readonly entries: number; readonly leafHashes: number }
  | { readonly kind: 'no-checkpoint' }
  | { readonly kind: 'checkpoint-invalid'; readonly checkpointIndex: number; readonly failure: CheckpointFailure }
  | { readonly kind: 'checkpoint-origin-mismatch'; readonly checkpointIndex: number; readonly expected: string; readonly actual: string }
  | { readonly kind: 'checkpoint-out-of-order'; readonly checkpointIndex: number; readonly size: number; readonly previousSize: number }
  | { readonly kind: 'checkpoint-beyond-log'; readonly checkpointIndex: number; readonly size: number; readonly entries: number }
  /** Entries [changedFrom, size) hold the change: the previous checkpoint, at changedFrom, still matched. */
  | { readonly kind: 'checkpoint-root-mismatch'; readonly checkpointIndex: number; readonly size: number; readonly changedFrom: number };

export type ExportVerification =
  | {
      readonly ok: true;
      readonly origin: string;
      /** Entries in the export, and the recomputed root over all of them. */
      readonly size: number;
      readonly rootHash: Uint8Array;
      /** The largest size a verified checkpoint signs; entries past it are not yet covered by any signature. */
      readonly signedSize: number;
      readonly checkpointsVerified: number;
    }
  | { readonly ok: false; readonly failure: ExportFailure };

/** Builds the export the service hands out; leaf hashes are recomputed from the entries unless given. */
export function createLogExport(input: { origin: string; entries: readonly unknown[]; checkpoints: readonly string[]; leafHashes?: readonly Uint8Array[] }): LogExport {
  const leafHashes = input.leafHashes ?? input.entries.map(leafHashOf);
  return { format: LOG_EXPORT_FORMAT, origin: input.origin, entries: input.entries, leafHashes: leafHashes.map(hexOf), checkpoints: input.checkpoints };
}

/**
 * Offline check of a whole export against the log's key: recomputes every leaf and the tree, checks each
 * checkpoint's signature, origin and root at its size, and stops at the first item that fails — entries in log
 * order first (against the listed leaf hashes, when present), then checkpoints in order.
 */
export function verifyLogExport(exported: LogExport, logKey: NoteVerifier): ExportVerification {
  const shape = exportShapeProblem(exported);
  if (shape) return { ok: false, failure: { kind: 'malformed-export', detail: shape } };
  const hashed = hashExportEntries(exported.entries, exported.leafHashes, 0);
  if (!hashed.ok) return hashed;
  return verifyExportCheckpoints(exported, hashed.tree, logKey);
}

/** The first phase of `verifyLogExport` for a run of entries, and what it can find wrong. */
export type EntriesHashed = { readonly ok: true; readonly tree: MerkleLog } | { readonly ok: false; readonly failure: Extract<ExportFailure, { index: number }> };

/**
 * Leaf hashes of the entries starting at log index `firstIndex`, each checked against its listed hash (`listed[i]`
 * for `entries[i]`, where listed), as the tree of that run; or the first entry that fails. A host may split an
 * export into runs whose trees join (`MerkleLog.appendLog`) and hash them in parallel, with a faster
 * `leafHashOfEntry` that must equal `leafHashOf` (and throw where it throws). Listed hashes must already be
 * well-formed (`exportShapeProblem`).
 */
export function hashExportEntries(entries: readonly unknown[], listed: readonly string[] | undefined, firstIndex: number, leafHashOfEntry: (entry: unknown) => Uint8Array = leafHashOf): EntriesHashed {
  const tree = new MerkleLog();
  for (let i = 0; i < entries.length; i++) {
    let hash: Uint8Array;
    try {
      hash = leafHashOfEntry(entries[i]);
    } catch (e) {
      return { ok: false, failure: { kind: 'entry-not-canonical-json', index: firstIndex + i, detail: (e as Error).message } };
    }
    if (listed && i < listed.length && !hashEqualsHex(hash, listed[i])) return { ok: false, failure: { kind: 'entry-mismatch', index: firstIndex + i } };
    tree.append(hash);
  }
  return { ok: true, tree };
}

/**
 * The second phase: with the tree over every entry (in order, none failing), the count of listed leaf hashes and
 * every checkpoint — signature, origin, order, size and root.
 */
export function verifyExportCheckpoints(
  exported: { readonly origin?: string; readonly checkpoints: readonly string[]; readonly leafHashes?: { readonly length: number } },
  tree: MerkleLog,
  logKey: NoteVerifier,
): ExportVerification {
  const fail = (failure: ExportFailure): ExportVerification => ({ ok: false, failure });
  const { leafHashes, checkpoints } = exported;
  if (leafHashes && leafHashes.length !== tree.size) {
    return fail({ kind: 'leaf-hash-count-mismatch', entries: tree.size, leafHashes: leafHashes.length });
  }

  if (checkpoints.length === 0) return fail({ kind: 'no-checkpoint' });
  let origin = exported.origin;
  let previousSize = 0;
  for (let checkpointIndex = 0; checkpointIndex < checkpoints.length; checkpointIndex++) {
    const verified = verifyCheckpoint(checkpoints[checkpointIndex], logKey);
    if (!verified.ok) return fail({ kind: 'checkpoint-invalid', checkpointIndex, failure: verified.failure });
    const { checkpoint } = verified;
    origin ??= checkpoint.origin;
    if (checkpoint.origin !== origin) return fail({ kind: 'checkpoint-origin-mismatch', checkpointIndex, expected: origin, actual: checkpoint.origin });
    if (checkpoint.size < previousSize) return fail({ kind: 'checkpoint-out-of-order', checkpointIndex, size: checkpoint.size, previousSize });
    if (checkpoint.size > tree.size) return fail({ kind: 'checkpoint-beyond-log', checkpointIndex, size: checkpoint.size, entries: tree.size });
    if (!bytesEqual(tree.rootAt(checkpoint.size), checkpoint.rootHash)) {
      return fail({ kind: 'checkpoint-root-mismatch', checkpointIndex, size: checkpoint.size, changedFrom: previousSize });
    }
    previousSize = checkpoint.size;
  }
  return { ok: true, origin: origin as string, size: tree.size, rootHash: tree.rootAt(), signedSize: previousSize, checkpointsVerified: checkpoints.length };
}

// A hash against its listing (64 hex digits, either case), without decoding the listing into a new array.
function hashEqualsHex(hash: Uint8Array, hex: string): boolean {
  if (hex.length !== hash.length * 2) return false;
  for (let i = 0; i < hash.length; i++) {
    const byte = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
    if (byte !== hash[i]) return false;
  }
  return true;
}

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return 256; // never equal to a byte
}

export function describeExportFailure(failure: ExportFailure): string {
  switch (failure.kind) {
    case 'malformed-export':
      return `the export is malformed: ${failure.detail}`;
    case 'entry-not-canonical-json':
      return `entry ${failure.index} has no canonical JSON form: ${failure.detail}`;
    case 'entry-mismatch':
      return `entry ${failure.index} does not match its recorded leaf hash`;
    case 'leaf-hash-count-mismatch':
      return `${failure.entries} entries but ${failure.leafHashes} leaf hashes`;
    case 'no-checkpoint':
      return 'no signed checkpoint: nothing in the export is signed by the log';
    case 'checkpoint-invalid':
      return `checkpoint ${failure.checkpointIndex}: ${describeCheckpointFailure(failure.failure)}`;
    case 'checkpoint-origin-mismatch':
      return `checkpoint ${failure.checkpointIndex} is for log ${failure.actual}, not ${failure.expected}`;
    case 'checkpoint-out-of-order':
      return `checkpoint ${failure.checkpointIndex} (size ${failure.size}) comes after one of size ${failure.previousSize}`;
    case 'checkpoint-beyond-log':
      return `checkpoint ${failure.checkpointIndex} signs ${failure.size} entries but the export holds ${failure.entries}: entries are missing`;
    case 'checkpoint-root-mismatch':
      return `checkpoint ${failure.checkpointIndex} (size ${failure.size}) does not match the entries: one of entries ${failure.changedFrom}..${failure.size - 1} was changed, removed or inserted`;
  }
}

/** What makes an export unreadable as one (its types, its format tag, malformed leaf hashes), or null. */
export function exportShapeProblem(exported: LogExport): string | null {
  if (typeof exported !== 'object' || exported === null) return 'not a JSON object';
  if (exported.format !== undefined && exported.format !== LOG_EXPORT_FORMAT) return `unknown format ${JSON.stringify(exported.format)}`;
  if (exported.origin !== undefined && (typeof exported.origin !== 'string' || exported.origin.length === 0)) return 'origin is a non-empty string';
  if (!Array.isArray(exported.entries)) return 'entries is an array';
  if (!Array.isArray(exported.checkpoints) || !exported.checkpoints.every((c) => typeof c === 'string')) return 'checkpoints is an array of strings';
  if (exported.leafHashes !== undefined) {
    const hexHash = new RegExp(`^[0-9a-fA-F]{${HASH_SIZE * 2}}$`);
    if (!Array.isArray(exported.leafHashes) || !exported.leafHashes.every((h) => typeof h === 'string' && hexHash.test(h))) {
      return 'leafHashes is an array of 64-digit hex strings';
    }
  }
  return null;
}
