import { fromBase64, toBase64 } from './bytes';
import { Checkpoint, checkpointText, parseCheckpoint, signCheckpoint, verifyCheckpoint } from './checkpoint';
import { leafHash } from './merkle-hash';
import { generateSigner, verifierOf } from './signed-note';

const ORIGIN = 'audit.marketplace.example/log';
const signer = generateSigner(ORIGIN);
const logKey = verifierOf(signer);
const rootHash = leafHash(Uint8Array.of(7));
const checkpoint: Checkpoint = { origin: ORIGIN, size: 20852163, rootHash };

describe('checkpoints (C2SP tlog-checkpoint)', () => {
  it('writes origin, size and base64 root as three lines, then the signature line of the log key', () => {
    const note = signCheckpoint(checkpoint, signer);
    const [body, signature] = note.split('\n\n');
    expect(body).toBe(`${ORIGIN}\n20852163\n${toBase64(rootHash)}`);
    expect(signature).toMatch(new RegExp(`^— ${ORIGIN.replace(/\./g, '\\.')} [A-Za-z0-9+/]{91}=\\n$`));
    // 4-byte key ID + 64-byte signature.
    expect(fromBase64(signature.split(' ')[2].trim())).toHaveLength(68);
  });

  it('reads back what it signed, extension lines included', () => {
    const withExtension = { ...checkpoint, extensions: ['rekor.example/abc'] };
    expect(verifyCheckpoint(signCheckpoint(withExtension, signer), logKey)).toMatchObject({ ok: true, checkpoint: withExtension });
    expect(verifyCheckpoint(signCheckpoint({ ...checkpoint, size: 0 }, signer), logKey)).toMatchObject({ ok: true, checkpoint: { size: 0 } });
  });

  it.each([
    ['the size', (n: string) => n.replace('\n20852163\n', '\n20852164\n')],
    ['the root', (n: string) => n.replace(toBase64(rootHash), toBase64(leafHash(Uint8Array.of(8))))],
    ['the origin', (n: string) => n.replace(`${ORIGIN}\n`, 'audit.marketplace.example/other\n')],
    ['an added extension line', (n: string) => n.replace('\n\n', '\nextra\n\n')],
  ])('refuses a checkpoint whose %s was altered after signing', (_, tamper) => {
    expect(verifyCheckpoint(tamper(signCheckpoint(checkpoint, signer)), logKey)).toEqual({ ok: false, failure: { kind: 'invalid-signature', keyName: ORIGIN } });
  });

  it('refuses an altered signature', () => {
    const note = signCheckpoint(checkpoint, signer);
    const b64 = note.trim().split(' ').pop() as string;
    const bytes = fromBase64(b64) as Uint8Array;
    bytes[10] ^= 0x80;
    expect(verifyCheckpoint(note.replace(b64, toBase64(bytes)), logKey)).toMatchObject({ ok: false, failure: { kind: 'invalid-signature' } });
  });

  it('refuses a checkpoint signed by another key, even one using the same name', () => {
    const stranger = generateSigner(ORIGIN);
    expect(verifyCheckpoint(signCheckpoint(checkpoint, stranger), logKey)).toEqual({ ok: false, failure: { kind: 'not-signed-by-key', keyName: ORIGIN } });
  });

  it.each([
    ['a size with a leading zero', `${ORIGIN}\n012\n${toBase64(rootHash)}\n`],
    ['a negative size', `${ORIGIN}\n-1\n${toBase64(rootHash)}\n`],
    ['a size past 2^53', `${ORIGIN}\n18446744073709551615\n${toBase64(rootHash)}\n`],
    ['a short root', `${ORIGIN}\n12\n${toBase64(rootHash.slice(1))}\n`],
    ['a missing root line', `${ORIGIN}\n12\n`],
    ['an empty extension line', `${ORIGIN}\n12\n${toBase64(rootHash)}\n\nx\n`],
  ])('refuses %s as malformed, before looking at signatures', (_, text) => {
    const note = `${text}\n— ${ORIGIN} AAAAAAA=\n`;
    expect(parseCheckpoint(note)).toMatchObject({ ok: false, failure: { kind: 'malformed-checkpoint' } });
  });

  it('refuses to sign what it could not read back', () => {
    expect(() => checkpointText({ ...checkpoint, origin: 'two\nlines' })).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_CHECKPOINT' }));
    expect(() => checkpointText({ ...checkpoint, size: -1 })).toThrow(expect.objectContaining({ field: 'size' }));
    expect(() => checkpointText({ ...checkpoint, rootHash: new Uint8Array(31) })).toThrow(expect.objectContaining({ field: 'rootHash' }));
  });
});
