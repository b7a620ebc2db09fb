/**
 * Verifying a whole audit-log export offline, as a supervisor runs `tools/verify-log`: read the file, recompute
 * every leaf (JCS + SHA-256), the tree, and every signed checkpoint's root. Builds a synthetic export of realistic
 * event envelopes and writes it to a temporary file first (not timed), then times the verification from the file
 * on `--threads` threads (default: every core). Prints figures; asserts nothing.
 *
 *   node -r @swc-node/register tools/bench/verify-log.ts [--entries 1000000] [--checkpoints 100] [--threads n]
 *       [--in-memory]   also time the single-threaded core on the parsed export (the browser's path)
 *       [--unsorted]    entries with keys out of canonical order (an export the service did not write)
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogExport, generateSigner, MerkleLog, leafHashOf, signCheckpoint, verifierOf, verifyLogExport, type LogExport } from '@mkt/audit/core';
import { useNativeSha256 } from '../verify-log/native-sha256';
import { verifyExportFile } from '../verify-log/parallel-verify';

useNativeSha256();

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const count = arg('entries', 1_000_000);
const checkpointCount = arg('checkpoints', 100);
const threads = arg('threads', availableParallelism());
const unsorted = process.argv.includes('--unsorted');
const origin = 'bench.example/audit-log';
const signer = generateSigner(origin);

// The service stores each entry as its JCS text and exports it parsed, so an export's keys are in canonical order.
function entry(i: number): unknown {
  const payload = { drawId: `draw-${i % 5000}`, projectId: `project-${i % 5000}`, round: 1, value: `value ${i}`, witness: 'OWNER' };
  const envelope = {
    aggregateId: `draw-${i % 5000}`,
    causationId: null,
    correlationId: `corr-${i}`,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    occurredAt: '2026-03-01T00:00:00.000Z',
    payload,
    producer: 'draw',
    type: 'draw.EntropyContributed',
    version: 1,
  };
  if (!unsorted) return envelope;
  const { id, type, version, ...rest } = envelope;
  const { witness, value, round, projectId, drawId } = payload;
  return { version, type, id, ...rest, payload: { witness, value, round, projectId, drawId } };
}

async function main(): Promise<void> {
  console.log(`building an export of ${count.toLocaleString('en')} entries${unsorted ? ' (keys out of order)' : ''}…`);
  const buildStart = performance.now();
  const entries = Array.from({ length: count }, (_, i) => entry(i));
  const leafHashes = entries.map(leafHashOf);
  const tree = MerkleLog.of(leafHashes);
  const checkpoints = Array.from({ length: checkpointCount }, (_, c) => {
    const size = Math.round(((c + 1) * count) / checkpointCount);
    return signCheckpoint({ origin, size, rootHash: tree.rootAt(size) }, signer);
  });
  const exported: LogExport = createLogExport({ origin, entries, checkpoints, leafHashes });
  const dir = mkdtempSync(join(tmpdir(), 'bench-verify-log-'));
  const file = join(dir, 'export.json');
  writeFileSync(file, JSON.stringify(exported));
  console.log(`built in ${((performance.now() - buildStart) / 1000).toFixed(1)} s: ${(statSync(file).size / 1e6).toFixed(0)} MB; ${cpus().length} cores, ${threads} thread(s); verifying…`);

  try {
    let start = mark();
    const result = await verifyExportFile(file, verifierOf(signer), { threads });
    report('from the file', start, result.ok ? 'OK' : JSON.stringify(result));

    if (process.argv.includes('--in-memory')) {
      start = mark();
      const single = verifyLogExport(exported, verifierOf(signer));
      report('in memory, one thread (core only, no file)', start, single.ok ? 'OK' : JSON.stringify(single));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function mark(): { wall: number; cpu: NodeJS.CpuUsage; load: number } {
  return { wall: performance.now(), cpu: process.cpuUsage(), load: loadavg()[0] };
}

// Wall time is what a supervisor waits; CPU time (every thread of this process) and the load average say how much
// of the wait was this work and how much other programs sharing the cores.
function report(what: string, start: ReturnType<typeof mark>, verdict: string): void {
  const seconds = (performance.now() - start.wall) / 1000;
  const cpu = process.cpuUsage(start.cpu);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${what}: ${count.toLocaleString('en')} entries and ${checkpointCount} checkpoints in ${seconds.toFixed(2)} s ` +
      `(${Math.round(count / seconds).toLocaleString('en')} entries/s; CPU ${cpuSeconds.toFixed(2)} s; load average ${start.load.toFixed(1)} → ${loadavg()[0].toFixed(1)}): ${verdict}`,
  );
}

void main();
