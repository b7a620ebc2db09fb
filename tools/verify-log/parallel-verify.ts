import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  exportShapeProblem,
  MerkleLog,
  verifyExportCheckpoints,
  verifyLogExport,
  type ExportVerification,
  type LogExport,
  type NoteVerifier,
} from '@mkt/audit/core';
import { exportFileLayout, type ArrayLayout } from './export-file-layout';
import { hashRun, type HashRunReply, type HashRunTask } from './hash-run';
import { useNativeSha256 } from './native-sha256';

/** Entries per run a thread hashes at a time: a power of two, so each run's tree joins the whole (`appendLog`). */
export const RUN_SIZE = 2 ** 14;

export interface ParallelOptions {
  /** Threads hashing entries: a count (default: the cores Node reports), started and stopped for this file, or running ones. */
  readonly threads?: number | HashingThreads;
  readonly runSize?: number;
}

/**
 * Verifies an export file with the audit core, hashing its entries on several threads: the same verdict as
 * `verifyLogExport` over the parsed file — the first failing entry by its log index, then the leaf-hash count and
 * every checkpoint — only faster. The file is read once into shared memory; threads parse and hash runs of entries
 * straight from it and return each run's Merkle levels, which join into the tree of the whole. Throws (like
 * JSON.parse) when the file is not JSON.
 */
export async function verifyExportFile(path: string, logKey: NoteVerifier, options: ParallelOptions = {}): Promise<ExportVerification> {
  // Threads start first: they load the core while this thread reads and scans the file.
  const threads = options.threads instanceof HashingThreads ? options.threads : new HashingThreads(options.threads ?? availableParallelism());
  try {
    return await verifyWith(threads, path, logKey, options.runSize ?? RUN_SIZE);
  } finally {
    if (threads !== options.threads) await threads.close();
  }
}

async function verifyWith(threads: HashingThreads, path: string, logKey: NoteVerifier, runSize: number): Promise<ExportVerification> {
  const { shared, length } = readShared(path);
  const bytes = Buffer.from(shared, 0, length);
  const layout = exportFileLayout(bytes, runSize);
  if (layout === null || layout.entries === null) {
    // Not an object with an entries array: nothing to share out, and the core names what is wrong with it.
    useNativeSha256();
    return verifyLogExport(JSON.parse(bytes.toString('utf8')) as LogExport, logKey);
  }
  const { members, entries, leafHashes } = layout;
  const skeleton = {
    format: members.get('format'),
    origin: members.get('origin'),
    entries: [],
    leafHashes: leafHashes ? [] : members.get('leafHashes'),
    checkpoints: members.get('checkpoints'),
  } as unknown as LogExport;
  const shape = exportShapeProblem(skeleton);
  if (shape) return { ok: false, failure: { kind: 'malformed-export', detail: shape } };

  const tasks = runTasks(entries, leafHashes, runSize);
  const replies = await threads.hash(shared, length, tasks);
  const unreadable = replies.find((r) => r.kind === 'unreadable');
  if (unreadable) throw new SyntaxError(unreadable.detail);
  // The core checks the export's shape, every listed leaf hash included, before any entry.
  const malformed = replies.find((r) => r.kind === 'malformed')?.detail ?? (leafHashes ? listedBeyondEntriesProblem(bytes, leafHashes, tasks.length) : null);
  if (malformed) return { ok: false, failure: { kind: 'malformed-export', detail: malformed } };
  const failed = replies.find((r) => r.kind === 'failed');
  if (failed) return { ok: false, failure: failed.failure };

  const tree = new MerkleLog();
  for (const reply of replies) if (reply.kind === 'hashed') tree.appendLog(MerkleLog.fromLevels(reply.levels));
  return verifyExportCheckpoints({ ...skeleton, leafHashes: leafHashes ? { length: leafHashes.count } : undefined }, tree, logKey);
}

function runTasks(entries: ArrayLayout, listed: ArrayLayout | null, runSize: number): HashRunTask[] {
  return entries.starts.map((start, run) => {
    const firstIndex = run * runSize;
    const count = Math.min(runSize, entries.count - firstIndex);
    // The listed hashes of the same indexes, as far as the list goes.
    const listedRange: [number, number] | null = listed && run < listed.starts.length ? [listed.starts[run], listed.ends[run]] : null;
    const listedCount = listed ? Math.min(runSize, Math.max(0, listed.count - firstIndex)) : 0;
    // A run of the list can hold more hashes than there are entries left; the core compares only those it has.
    return { run, firstIndex, count, entries: [start, entries.ends[run]], listed: listedCount > 0 ? listedRange : null };
  });
}

/**
 * Threads that hash runs of entries: `count` of them, this one included — it hashes runs too between handing them
 * out, so two threads cost one start-up. One verification at a time; each thread takes the next run as it finishes
 * one (the others always hold one more queued), so a core busy with other work holds up nothing. Start once and
 * reuse (as the tests do): a thread's start costs more than hashing thousands of entries.
 */
export class HashingThreads {
  private readonly workers: Worker[];

  constructor(count: number = availableParallelism()) {
    const workerFile = join(__dirname, `hash-runs.worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
    // Run from TypeScript (the CLI, Jest), a thread needs the on-the-fly compiler; a thread inherits the parent's
    // flags when given none (explicit ones may not include heap sizes), so only a parent without it gets it added.
    const needsCompiler = __filename.endsWith('.ts') && !process.execArgv.includes('@swc-node/register');
    this.workers = Array.from({ length: Math.max(0, count - 1) }, () => new Worker(workerFile, needsCompiler ? { execArgv: ['-r', '@swc-node/register'] } : {}));
  }

  /** Replies in run order. */
  async hash(shared: SharedArrayBuffer, length: number, tasks: readonly HashRunTask[]): Promise<HashRunReply[]> {
    useNativeSha256();
    const replies: HashRunReply[] = new Array(tasks.length);
    let next = 0;
    let failure: Error | null = null;
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const inFlight = new Map<Worker, number>(this.workers.map((w) => [w, 0]));
    const check = () => {
      if (failure !== null || (next >= tasks.length && [...inFlight.values()].every((n) => n === 0))) settle();
    };
    const give = (worker: Worker) => {
      while (next < tasks.length && (inFlight.get(worker) as number) < 2) {
        worker.postMessage({ shared, length, task: tasks[next++] });
        inFlight.set(worker, (inFlight.get(worker) as number) + 1);
      }
    };
    const listeners = this.workers.map((worker) => {
      const onMessage = (reply: HashRunReply) => {
        replies[reply.run] = reply;
        inFlight.set(worker, (inFlight.get(worker) as number) - 1);
        give(worker);
        check();
      };
      const onError = (error: Error) => {
        failure ??= error;
        check();
      };
      const onExit = (code: number) => onError(new Error(`a verifier thread stopped (exit ${code})`));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      give(worker);
      return () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    });
    try {
      const bytes = Buffer.from(shared, 0, length);
      // This thread takes a run whenever one is left, letting the others' replies (and their next runs) in between.
      while (failure === null && next < tasks.length) {
        const task = tasks[next++];
        replies[task.run] = hashRun(bytes, task);
        await new Promise((resolve) => setImmediate(resolve));
      }
      check();
      await settled;
      if (failure) throw failure;
      return replies;
    } finally {
      for (const off of listeners) off();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Leaf hashes listed past the runs of entries (an export with more hashes than entries) are checked here. */
function listedBeyondEntriesProblem(bytes: Buffer, listed: ArrayLayout, fromRun: number): string | null {
  if (fromRun >= listed.starts.length) return null;
  const extra = JSON.parse(`[${bytes.toString('utf8', listed.starts[fromRun], listed.ends[listed.ends.length - 1])}]`) as string[];
  return exportShapeProblem({ entries: [], checkpoints: [], leafHashes: extra });
}

/** The whole file in memory every thread can read, without a copy per thread. */
function readShared(path: string): { shared: SharedArrayBuffer; length: number } {
  const fd = openSync(path, 'r');
  try {
    const length = fstatSync(fd).size;
    const shared = new SharedArrayBuffer(length);
    const view = new Uint8Array(shared);
    for (let offset = 0; offset < length; ) {
      const read = readSync(fd, view, offset, length - offset, offset);
      if (read === 0) throw new Error(`${path} ended after ${offset} of ${length} bytes`);
      offset += read;
    }
    return { shared, length };
  } finally {
    closeSync(fd);
  }
}
