import { exportShapeProblem, hashExportEntries, type EntriesHashed } from '@mkt/audit/core';
import { canonicalValueEnd } from './canonical-bytes';
import { jsonValueEnd } from './export-file-layout';
import { nativeLeafHashOf, nativeLeafHashOfBytes } from './native-sha256';

/** A run of an export's entries: where they lie in the file, and their listed leaf hashes, if any. */
export interface HashRunTask {
  readonly run: number;
  readonly firstIndex: number;
  readonly count: number;
  /** Byte ranges in the file: the run's entries and, when listed, their leaf hashes. */
  readonly entries: readonly [number, number];
  readonly listed: readonly [number, number] | null;
}

export type HashRunReply =
  | { readonly run: number; readonly kind: 'hashed'; readonly levels: Uint8Array[] }
  | { readonly run: number; readonly kind: 'failed'; readonly failure: Extract<EntriesHashed, { ok: false }>['failure'] }
  | { readonly run: number; readonly kind: 'malformed'; readonly detail: string }
  | { readonly run: number; readonly kind: 'unreadable'; readonly detail: string };

/** An entry whose bytes in the file are already its JCS text: hashed as they are, never parsed. */
class CanonicalBytes {
  constructor(
    readonly bytes: Buffer,
    readonly start: number,
    readonly end: number,
  ) {}
}

const leafHashOfEntry = (entry: unknown) => (entry instanceof CanonicalBytes ? nativeLeafHashOfBytes(entry.bytes, entry.start, entry.end) : nativeLeafHashOf(entry));

function skipSpace(bytes: Buffer, i: number): number {
  while (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09) i++;
  return i;
}

/** The run's entries: canonical ones as their bytes, the others parsed (a syntax error throws: the file is not JSON). */
function entriesOf(bytes: Buffer, [from, to]: readonly [number, number]): unknown[] {
  const entries: unknown[] = [];
  let i = from;
  for (;;) {
    let end = canonicalValueEnd(bytes, i);
    if (end >= 0) entries.push(new CanonicalBytes(bytes, i, end));
    else {
      end = jsonValueEnd(bytes, i);
      entries.push(JSON.parse(bytes.toString('utf8', i, end)));
    }
    if (end >= to) return entries;
    i = skipSpace(bytes, end);
    if (bytes[i] !== 0x2c) throw new SyntaxError(`expected "," at byte ${i}`);
    i = skipSpace(bytes, i + 1);
  }
}

/**
 * Hashes one run with the audit core (`hashExportEntries`, the native SHA-256 behind it): the run's tree as its
 * levels, or its first failing entry. The caller must have called `useNativeSha256()` in this thread.
 */
export function hashRun(bytes: Buffer, task: HashRunTask): HashRunReply {
  try {
    const entries = entriesOf(bytes, task.entries);
    const listed = task.listed ? (JSON.parse(`[${bytes.toString('utf8', task.listed[0], task.listed[1])}]`) as string[]) : undefined;
    if (entries.length !== task.count) throw new Error(`run ${task.run} holds ${entries.length} entries, not ${task.count}`);
    const malformed = listed ? exportShapeProblem({ entries: [], checkpoints: [], leafHashes: listed }) : null;
    if (malformed) return { run: task.run, kind: 'malformed', detail: malformed };
    const hashed = hashExportEntries(entries, listed, task.firstIndex, leafHashOfEntry);
    if (!hashed.ok) return { run: task.run, kind: 'failed', failure: hashed.failure };
    return { run: task.run, kind: 'hashed', levels: hashed.tree.levelHashes() };
  } catch (e) {
    return { run: task.run, kind: 'unreadable', detail: (e as Error).message };
  }
}
