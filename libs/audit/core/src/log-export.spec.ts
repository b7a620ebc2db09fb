import { hexOf } from './bytes';
import { signCheckpoint } from './checkpoint';
import { createLogExport, describeExportFailure, hashExportEntries, LogExport, verifyExportCheckpoints, verifyLogExport } from './log-export';
import { leafHashOf } from './merkle-hash';
import { MerkleLog } from './merkle-log';
import { generateSigner, verifierOf } from './signed-note';

const ORIGIN = 'audit.marketplace.example/log';
const signer = generateSigner(ORIGIN);
const logKey = verifierOf(signer);
const events = Array.from({ length: 12 }, (_, i) => ({ type: 'bidding.BidSubmitted', version: 1, bidId: `bid-${i}`, amountCents: 1000 + i }));
const tree = MerkleLog.of(events.map(leafHashOf));
const checkpointAt = (size: number, origin = ORIGIN) => signCheckpoint({ origin, size, rootHash: tree.rootAt(size) }, signer);
// The service signs a checkpoint now and then; the last entries here are not signed yet.
const good = createLogExport({ origin: ORIGIN, entries: events, checkpoints: [checkpointAt(3), checkpointAt(8), checkpointAt(10)] });
const edit = (changes: Partial<LogExport>): LogExport => ({ ...good, ...changes });
const withEntry = (index: number, event: unknown) => good.entries.map((e, i) => (i === index ? event : e));

describe('verifyLogExport', () => {
  it('reports the recomputed size and root, and how much of the log the checkpoints sign', () => {
    expect(verifyLogExport(good, logKey)).toEqual({ ok: true, origin: ORIGIN, size: 12, rootHash: tree.rootAt(12), signedSize: 10, checkpointsVerified: 3 });
  });

  it('verifies the export after a JSON round trip, as a supervisor receives it', () => {
    expect(verifyLogExport(JSON.parse(JSON.stringify(good)), logKey)).toMatchObject({ ok: true, size: 12 });
  });

  it('accepts leaf hashes listed in upper case', () => {
    expect(verifyLogExport(edit({ leafHashes: good.leafHashes?.map((h) => h.toUpperCase()) }), logKey)).toMatchObject({ ok: true, size: 12 });
  });

  it('gives the same verdict from runs of entries hashed apart and joined, naming a failure by its log index', () => {
    const runs = [0, 4, 8].map((start) => hashExportEntries(good.entries.slice(start, start + 4), good.leafHashes?.slice(start, start + 4), start));
    const joined = new MerkleLog();
    for (const run of runs) if (run.ok) joined.appendLog(run.tree);
    expect(verifyExportCheckpoints(good, joined, logKey)).toEqual(verifyLogExport(good, logKey));
    const tampered = withEntry(6, { ...events[6], amountCents: 1 });
    expect(hashExportEntries(tampered.slice(4, 8), good.leafHashes?.slice(4, 8), 4)).toEqual({ ok: false, failure: { kind: 'entry-mismatch', index: 6 } });
  });

  it('verifies an export without leaf hashes or origin, from the entries and checkpoints alone', () => {
    expect(verifyLogExport({ entries: events, checkpoints: good.checkpoints }, logKey)).toMatchObject({ ok: true, origin: ORIGIN });
  });

  it('names the first entry that no longer matches its recorded leaf hash', () => {
    const entries = withEntry(5, { ...events[5], amountCents: 1 });
    entries[9] = { ...events[9], bidId: 'other' };
    const result = verifyLogExport(edit({ entries }), logKey);
    expect(result).toEqual({ ok: false, failure: { kind: 'entry-mismatch', index: 5 } });
    if (!result.ok) expect(describeExportFailure(result.failure)).toBe('entry 5 does not match its recorded leaf hash');
  });

  it('names the first checkpoint that no longer matches, and the entries between it and the last good one', () => {
    const result = verifyLogExport({ entries: withEntry(5, { ...events[5], amountCents: 1 }), checkpoints: good.checkpoints }, logKey);
    expect(result).toEqual({ ok: false, failure: { kind: 'checkpoint-root-mismatch', checkpointIndex: 1, size: 8, changedFrom: 3 } });
    if (!result.ok) expect(describeExportFailure(result.failure)).toContain('entries 3..7');
  });

  it('catches an entry rewritten together with its leaf hash, through the signed root', () => {
    const entries = withEntry(1, { ...events[1], amountCents: 1 });
    const leafHashes = entries.map((e) => hexOf(leafHashOf(e)));
    expect(verifyLogExport(edit({ entries, leafHashes }), logKey)).toMatchObject({ ok: false, failure: { kind: 'checkpoint-root-mismatch', checkpointIndex: 0, changedFrom: 0 } });
  });

  it('catches an entry removed from the middle, and entries cut from the end', () => {
    const removed = [...events.slice(0, 4), ...events.slice(5)];
    expect(verifyLogExport(edit({ entries: removed }), logKey)).toEqual({ ok: false, failure: { kind: 'entry-mismatch', index: 4 } });
    expect(verifyLogExport({ entries: removed, checkpoints: good.checkpoints }, logKey)).toMatchObject({ ok: false, failure: { kind: 'checkpoint-root-mismatch', checkpointIndex: 1 } });
    expect(verifyLogExport({ entries: events.slice(0, 9), checkpoints: good.checkpoints }, logKey)).toEqual({
      ok: false,
      failure: { kind: 'checkpoint-beyond-log', checkpointIndex: 2, size: 10, entries: 9 },
    });
    expect(verifyLogExport(edit({ entries: events.slice(0, 11) }), logKey)).toEqual({ ok: false, failure: { kind: 'leaf-hash-count-mismatch', entries: 11, leafHashes: 12 } });
  });

  it('names a checkpoint that is forged, signed by another key, or for another log', () => {
    const forged = good.checkpoints[1].replace('\n8\n', '\n9\n');
    expect(verifyLogExport(edit({ checkpoints: [good.checkpoints[0], forged] }), logKey)).toEqual({
      ok: false,
      failure: { kind: 'checkpoint-invalid', checkpointIndex: 1, failure: { kind: 'invalid-signature', keyName: ORIGIN } },
    });
    expect(verifyLogExport(good, verifierOf(generateSigner(ORIGIN)))).toMatchObject({ ok: false, failure: { kind: 'checkpoint-invalid', checkpointIndex: 0, failure: { kind: 'not-signed-by-key' } } });
    expect(verifyLogExport(edit({ checkpoints: [checkpointAt(3), checkpointAt(8, 'other.example/log')] }), logKey)).toMatchObject({
      ok: false,
      failure: { kind: 'checkpoint-origin-mismatch', checkpointIndex: 1, actual: 'other.example/log' },
    });
  });

  it('requires at least one checkpoint, in non-decreasing size order', () => {
    expect(verifyLogExport(edit({ checkpoints: [] }), logKey)).toEqual({ ok: false, failure: { kind: 'no-checkpoint' } });
    expect(verifyLogExport(edit({ checkpoints: [checkpointAt(8), checkpointAt(3)] }), logKey)).toEqual({
      ok: false,
      failure: { kind: 'checkpoint-out-of-order', checkpointIndex: 1, size: 3, previousSize: 8 },
    });
  });

  it('refuses a malformed export, and an entry with no canonical JSON, by index', () => {
    expect(verifyLogExport({ entries: 'x', checkpoints: [] } as unknown as LogExport, logKey)).toMatchObject({ ok: false, failure: { kind: 'malformed-export' } });
    expect(verifyLogExport(edit({ leafHashes: ['zz'] }), logKey)).toMatchObject({ ok: false, failure: { kind: 'malformed-export' } });
    expect(verifyLogExport(edit({ entries: withEntry(2, { note: '\ud800' }) }), logKey)).toMatchObject({ ok: false, failure: { kind: 'entry-not-canonical-json', index: 2 } });
  });
});
