import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLogExport, generateSigner, leafHashOf, MerkleLog, signCheckpoint, toBase64, verifierKeyString, verifierOf } from '@mkt/audit/core';

const root = join(__dirname, '../..');
const run = promisify(execFile);

const signer = generateSigner('audit.marketplace.example/log');
const vkey = verifierKeyString(verifierOf(signer));
const events = Array.from({ length: 6 }, (_, i) => ({ type: 'draw.DrawCompleted', version: 1, drawId: `draw-${i}` }));
const tree = MerkleLog.of(events.map(leafHashOf));
const good = createLogExport({ origin: signer.name, entries: events, checkpoints: [signCheckpoint({ origin: signer.name, size: 6, rootHash: tree.rootAt() }, signer)] });

async function verifyLog(exported: unknown, key = vkey, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `export-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(exported));
  const args = ['-r', '@swc-node/register', 'tools/verify-log/verify-log.ts', file, '--key', key, ...extra];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-log-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify-log', () => {
  it('prints OK with the size and root of an intact export, and exits 0', async () => {
    const { code, stdout } = await verifyLog(good);
    expect(code).toBe(0);
    expect(stdout).toContain(`OK ${signer.name} size 6 root ${toBase64(tree.rootAt())}`);
  });

  it('names the first tampered entry and exits 1', async () => {
    const entries = events.map((e, i) => (i === 3 ? { ...e, drawId: 'draw-rigged' } : e));
    const { code, stdout } = await verifyLog({ ...good, entries });
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL entry-mismatch: entry 3 does not match');
  });

  it('gives the same answer on one thread', async () => {
    const entries = events.map((e, i) => (i === 4 ? { ...e, drawId: 'draw-rigged' } : e));
    const { code, stdout } = await verifyLog({ ...good, entries }, vkey, ['--threads', '1']);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL entry-mismatch: entry 4 does not match');
  });

  it('exits 2 on a file that is not JSON, and on a bad thread count', async () => {
    const file = join(dir, 'not-json.json');
    writeFileSync(file, JSON.stringify(good).slice(0, -5));
    await expect(run(process.execPath, ['-r', '@swc-node/register', 'tools/verify-log/verify-log.ts', file, '--key', vkey], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
    expect(await verifyLog(good, vkey, ['--threads', '0'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--threads') });
  });

  it('exits 2 on a malformed key', async () => {
    const { code, stderr } = await verifyLog(good, 'not-a-key');
    expect(code).toBe(2);
    expect(stderr).toContain('verifier key');
  });
});
