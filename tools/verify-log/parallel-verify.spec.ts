import canonicalize from 'canonicalize';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogExport, generateSigner, leafHashOf, MerkleLog, signCheckpoint, verifierOf, verifyLogExport, type LogExport } from '@mkt/audit/core';
import { exportFileLayout } from './export-file-layout';
import { HashingThreads, verifyExportFile } from './parallel-verify';

const ORIGIN = 'audit.marketplace.example/log';
const signer = generateSigner(ORIGIN);
const logKey = verifierOf(signer);
// Keys in canonical order (as an export holds them) and, every third entry, not: both canonical paths run.
const events: unknown[] = Array.from({ length: 23 }, (_, i) =>
  i % 3 === 0
    ? { version: 1, type: 'draw.EntropyContributed', payload: { value: `值 ${i} "]}` }, id: `e-${i}` }
    : { id: `e-${i}`, payload: { drawId: `d-${i % 4}`, note: 'a\\"[{', value: i }, type: 'draw.EntropyContributed', version: 1 },
);
const tree = MerkleLog.of(events.map(leafHashOf));
const checkpointAt = (size: number) => signCheckpoint({ origin: ORIGIN, size, rootHash: tree.rootAt(size) }, signer);
const good = createLogExport({ origin: ORIGIN, entries: events, checkpoints: [checkpointAt(5), checkpointAt(16), checkpointAt(22)] });
const changed = (index: number) => good.entries.map((e, i) => (i === index ? { ...(e as object), tampered: true } : e));

let dir: string;
// Two threads for the whole file: starting one costs more than everything it hashes here.
let threads: HashingThreads;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallel-verify-'));
  threads = new HashingThreads(2);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await threads.close();
});

/** The file's verdict in runs of 4 entries (so runs and their joins are exercised), against the core's over the parsed file. */
async function bothVerdicts(exported: unknown, text = JSON.stringify(exported)) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return { parallel: await verifyExportFile(file, logKey, { threads, runSize: 4 }), core: verifyLogExport(JSON.parse(text) as LogExport, logKey) };
}

describe('verifyExportFile', () => {
  it('gives the core’s verdict on an intact export, compact or pretty-printed, with or without leaf hashes', async () => {
    for (const [exported, text] of [
      [good, undefined],
      [good, JSON.stringify(good, null, 2)],
      [{ checkpoints: good.checkpoints, entries: good.entries }, undefined],
    ] as const) {
      const { parallel, core } = await bothVerdicts(exported, text);
      expect(parallel).toEqual(core);
      expect(parallel).toMatchObject({ ok: true, size: 23, signedSize: 22, checkpointsVerified: 3 });
    }
  });

  it('names the first changed entry, whichever run it falls in, as the core does', async () => {
    for (const index of [0, 3, 4, 9, 22]) {
      const { parallel, core } = await bothVerdicts({ ...good, entries: changed(index) });
      expect(parallel).toEqual({ ok: false, failure: { kind: 'entry-mismatch', index } });
      expect(parallel).toEqual(core);
    }
    // An edit that keeps the entry in canonical form is caught on the bytes alone.
    const edited = good.entries.map((e, i) => (i === 7 ? { ...(e as { payload: object }), payload: { ...(e as { payload: object }).payload, value: 999 } } : e));
    expect(JSON.stringify(edited[7])).toBe(canonicalize(edited[7]));
    expect(await bothVerdicts({ ...good, entries: edited })).toEqual({ parallel: { ok: false, failure: { kind: 'entry-mismatch', index: 7 } }, core: { ok: false, failure: { kind: 'entry-mismatch', index: 7 } } });
    const twice = changed(17);
    twice[6] = { tampered: 'first' };
    expect((await bothVerdicts({ ...good, entries: twice })).parallel).toEqual({ ok: false, failure: { kind: 'entry-mismatch', index: 6 } });
  });

  it('names a removed entry, an entry with no canonical form, and a count mismatch as the core does', async () => {
    const cases: unknown[] = [
      { ...good, entries: good.entries.filter((_, i) => i !== 10) },
      { ...good, entries: good.entries.map((e, i) => (i === 13 ? { note: '\ud800' } : e)) },
      { ...good, leafHashes: good.leafHashes?.slice(0, 21) },
      { ...good, leafHashes: [...(good.leafHashes ?? []), ...(good.leafHashes ?? []).slice(0, 9)] },
      { checkpoints: good.checkpoints, entries: good.entries.slice(0, 20) },
    ];
    for (const exported of cases) {
      const { parallel, core } = await bothVerdicts(exported);
      expect(parallel.ok).toBe(false);
      expect(parallel).toEqual(core);
    }
  });

  it('puts a malformed leaf hash anywhere before a changed entry, as the core does', async () => {
    for (const at of [20, 30]) {
      const leafHashes = [...(good.leafHashes ?? []), ...(good.leafHashes ?? []).slice(0, 10)];
      leafHashes[at] = 'not hex';
      const { parallel, core } = await bothVerdicts({ ...good, entries: changed(2), leafHashes });
      expect(parallel).toMatchObject({ ok: false, failure: { kind: 'malformed-export' } });
      expect(parallel).toEqual(core);
    }
  });

  it('checks every checkpoint after the entries, as the core does', async () => {
    const other = generateSigner(ORIGIN);
    const cases: unknown[] = [
      { ...good, checkpoints: [good.checkpoints[1], good.checkpoints[0]] },
      { ...good, checkpoints: [...good.checkpoints, signCheckpoint({ origin: ORIGIN, size: 30, rootHash: tree.rootAt() }, signer)] },
      { ...good, checkpoints: [signCheckpoint({ origin: ORIGIN, size: 5, rootHash: tree.rootAt(5) }, other)] },
      { ...good, checkpoints: [] },
    ];
    for (const exported of cases) {
      const { parallel, core } = await bothVerdicts(exported);
      expect(parallel.ok).toBe(false);
      expect(parallel).toEqual(core);
    }
  });

  it('leaves exports of another shape to the core, and refuses what is not JSON', async () => {
    for (const exported of [[good], { ...good, entries: { 0: good.entries[0] } }, { ...good, format: 'v0' }]) {
      const { parallel, core } = await bothVerdicts(exported);
      expect(parallel).toMatchObject({ ok: false, failure: { kind: 'malformed-export' } });
      expect(parallel).toEqual(core);
    }
    const broken = JSON.stringify(good).replace('"e-7"', '"e-7" x');
    const file = join(dir, 'broken.json');
    writeFileSync(file, broken);
    await expect(verifyExportFile(file, logKey, { threads, runSize: 4 })).rejects.toThrow(SyntaxError);
  });
});

describe('exportFileLayout', () => {
  it('finds each run of elements without parsing them, strings with quotes and brackets included', () => {
    const text = JSON.stringify({ format: 'mkt-audit-log/v1', entries: ['a"]', { b: ['}'] }, 3, null, 'e\\'], checkpoints: [] }, null, 1);
    const layout = exportFileLayout(Buffer.from(text), 2);
    expect(layout?.entries?.count).toBe(5);
    const runs = layout?.entries?.starts.map((s, u) => JSON.parse(`[${text.slice(s, layout.entries?.ends[u])}]`));
    expect(runs).toEqual([['a"]', { b: ['}'] }], [3, null], ['e\\']]);
    expect(layout?.members.get('format')).toBe('mkt-audit-log/v1');
  });

  it('refuses a broken structure between elements', () => {
    expect(() => exportFileLayout(Buffer.from('{"entries":[1 2]}'), 2)).toThrow(SyntaxError);
    expect(() => exportFileLayout(Buffer.from('{"entries":[1,]}'), 2)).toThrow(SyntaxError);
    expect(() => exportFileLayout(Buffer.from('{"entries":[1]} x'), 2)).toThrow(SyntaxError);
  });
});
