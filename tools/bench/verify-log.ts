/**
 * Verifying a whole audit-log export offline: recompute every leaf (JCS + SHA-256), the tree, and every signed
 * checkpoint's root. Builds a synthetic export of realistic event envelopes first (not timed), then times the
 * verification. Prints figures; asserts nothing.
 *
 *   node -r @swc-node/register tools/bench/verify-log.ts [--entries 1000000] [--checkpoints 100]
 */
import { createLogExport, generateSigner, MerkleLog, leafHashOf, signCheckpoint, verifierOf, verifyLogExport } from '@mkt/audit/core';
import { useNativeSha256 } from '../verify-log/native-sha256';

useNativeSha256();

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const count = arg('entries', 1_000_000);
const checkpointCount = arg('checkpoints', 100);
const origin = 'bench.example/audit-log';
const signer = generateSigner(origin);

console.log(`building an export of ${count.toLocaleString('en')} entries…`);
const buildStart = performance.now();
const entries = Array.from({ length: count }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'draw.EntropyContributed',
  version: 1,
  occurredAt: '2026-03-01T00:00:00.000Z',
  producer: 'draw',
  aggregateId: `draw-${i % 5000}`,
  correlationId: `corr-${i}`,
  causationId: null,
  payload: { drawId: `draw-${i % 5000}`, projectId: `project-${i % 5000}`, round: 1, witness: 'OWNER', value: `value ${i}` },
}));
const leafHashes = entries.map(leafHashOf);
const tree = MerkleLog.of(leafHashes);
const checkpoints = Array.from({ length: checkpointCount }, (_, c) => {
  const size = Math.round(((c + 1) * count) / checkpointCount);
  return signCheckpoint({ origin, size, rootHash: tree.rootAt(size) }, signer);
});
const exported = createLogExport({ origin, entries, checkpoints, leafHashes });
console.log(`built in ${((performance.now() - buildStart) / 1000).toFixed(1)} s; verifying…`);

const start = performance.now();
const result = verifyLogExport(exported, verifierOf(signer));
const seconds = (performance.now() - start) / 1000;
console.log(`verified ${count.toLocaleString('en')} entries and ${checkpointCount} checkpoints in ${seconds.toFixed(2)} s (${Math.round(count / seconds).toLocaleString('en')} entries/s): ${result.ok ? 'OK' : JSON.stringify(result)}`);
