import { fromBase64, toBase64 } from './bytes';
import { signCheckpoint, verifyCheckpoint } from './checkpoint';
import { cosignatureMessage, cosignCheckpoint, verifyCosignature } from './cosignature';
import { leafHash } from './merkle-hash';
import { generateSigner, parseNote, parseVerifierKey, SignatureType, verifierKeyString, verifierOf } from './signed-note';

const log = generateSigner('audit.marketplace.example/log');
const witness = generateSigner('supervisor.example/w1');
const signed = signCheckpoint({ origin: log.name, size: 42, rootHash: leafHash(Uint8Array.of(1)) }, log);

describe('cosignatures (C2SP tlog-cosignature, cosignature/v1)', () => {
  it('signs the header line, the time line and the whole checkpoint text', () => {
    expect(cosignatureMessage('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 1679315147)).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
  });

  it('adds a line of key ID, big-endian timestamp and signature, which verifies and leaves the log signature intact', () => {
    const cosigned = cosignCheckpoint(signed, witness, 1679315147);
    const parsed = parseNote(cosigned);
    if (!parsed.ok) throw new Error(parsed.detail);
    const line = parsed.note.signatures[1];
    expect(line.name).toBe(witness.name);
    expect(line.signature).toHaveLength(8 + 64);
    expect([...line.signature.subarray(0, 8)]).toEqual([0, 0, 0, 0, 0x64, 0x18, 0x50, 0xcb]);
    expect(verifyCosignature(cosigned, verifierOf(witness))).toEqual({ ok: true, timestamp: 1679315147 });
    expect(verifyCheckpoint(cosigned, verifierOf(log))).toMatchObject({ ok: true });
  });

  it('uses signature type 0x04 for the key ID, so a plain note signature by the same key does not pass as a cosignature', () => {
    const vkey = verifierKeyString(verifierOf(witness), SignatureType.cosignatureV1);
    expect(parseVerifierKey(vkey, SignatureType.cosignatureV1).publicKey).toEqual(verifierOf(witness).publicKey);
    const plain = signCheckpoint({ origin: log.name, size: 42, rootHash: leafHash(Uint8Array.of(1)) }, witness);
    expect(verifyCosignature(plain, verifierOf(witness))).toMatchObject({ ok: false, failure: { kind: 'not-signed-by-key' } });
  });

  it('refuses a cosignature whose timestamp or checkpoint was altered', () => {
    const cosigned = cosignCheckpoint(signed, witness, 1679315147);
    const b64 = cosigned.trim().split(' ').pop() as string;
    const bytes = fromBase64(b64) as Uint8Array;
    bytes[11] ^= 0x01; // last byte of the timestamp
    const laterTime = cosigned.replace(b64, toBase64(bytes));
    expect(verifyCosignature(laterTime, verifierOf(witness))).toMatchObject({ ok: false, failure: { kind: 'invalid-signature' } });
    expect(verifyCosignature(cosigned.replace('\n42\n', '\n43\n'), verifierOf(witness))).toMatchObject({ ok: false, failure: { kind: 'invalid-signature' } });
  });
});
