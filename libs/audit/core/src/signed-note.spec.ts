import { DomainError } from '@mkt/shared/kernel';
import { hexOf } from './bytes';
import {
  checkNoteSignature,
  generateSigner,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signerKeyString,
  signNote,
  SignatureType,
  verifierKeyString,
  verifierOf,
} from './signed-note';

// The example of golang.org/x/mod/sumdb/note, the reference implementation: Ed25519 is deterministic, so
// signing the text with the key must give the published note byte for byte.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('signed notes (C2SP signed-note)', () => {
  it('reproduces the reference implementation: key ID, vkey, skey and signed note', () => {
    const signer = parseSignerKey(GO_SKEY);
    expect(signer.name).toBe('PeterNeumann');
    expect(verifierKeyString(verifierOf(signer))).toBe(GO_VKEY);
    expect(signerKeyString(signer)).toBe(GO_SKEY);
    expect(hexOf(parseVerifierKey(GO_VKEY).keyId)).toBe('c74f20a3');
    expect(signNote(GO_TEXT, [signer])).toBe(GO_NOTE);
  });

  it.each([
    ['the Go reference', GO_NOTE, GO_VKEY],
    [
      'the C2SP specification',
      'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n',
      'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k',
    ],
  ])('verifies the example note of %s with its vkey', (_, note, vkey) => {
    const parsed = parseNote(note);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.note.signatures).toHaveLength(1);
    expect(checkNoteSignature(parsed.note, parseVerifierKey(vkey))).toEqual({ ok: true });
  });

  it('separates the text at the last blank line, so the text may hold blank lines', () => {
    const signer = generateSigner('example.com/log');
    const parsed = parseNote(signNote('one\n\nthree\n', [signer]));
    expect(parsed.ok && parsed.note.text).toBe('one\n\nthree\n');
  });

  it('ignores signatures of other keys, even one sharing the name, and fails when the trusted key did not sign', () => {
    const logKey = generateSigner('example.com/log');
    const impostor = { name: 'example.com/log', privateKey: generateSigner('x').privateKey };
    const other = generateSigner('witness.example/w1');
    const parsed = parseNote(signNote('body\n', [impostor, other, logKey]));
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(checkNoteSignature(parsed.note, verifierOf(logKey))).toEqual({ ok: true });
    const alone = parseNote(signNote('body\n', [impostor, other]));
    if (!alone.ok) throw new Error(alone.detail);
    expect(checkNoteSignature(alone.note, verifierOf(logKey))).toEqual({ ok: false, reason: 'not-signed-by-key' });
  });

  it('rejects the note when a signature of the trusted key does not verify', () => {
    const [b64] = GO_NOTE.split(' ').slice(-1);
    const flipped = GO_NOTE.replace(b64, b64.replace('ZInNIu', 'ZInNIv'));
    const parsed = parseNote(flipped);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(checkNoteSignature(parsed.note, parseVerifierKey(GO_VKEY))).toEqual({ ok: false, reason: 'invalid-signature' });
    const otherText = parseNote(GO_NOTE.replace('problem,', 'problem;'));
    if (!otherText.ok) throw new Error(otherText.detail);
    expect(checkNoteSignature(otherText.note, parseVerifierKey(GO_VKEY))).toEqual({ ok: false, reason: 'invalid-signature' });
  });

  it.each([
    ['no final newline', GO_NOTE.slice(0, -1)],
    ['no blank line', GO_NOTE.replace('\n\n', '\n')],
    ['no signature', `${GO_TEXT}\n`],
    ['a hyphen for the em dash', GO_NOTE.replace('—', '-')],
    ['a control character', GO_NOTE.replace('cryptography', 'crypto\tgraphy')],
    ['unpadded base64', GO_NOTE.replace('AM=\n', 'AM\n')],
    ['a signature shorter than a key ID and one byte', `${GO_TEXT}\n— PeterNeumann AAAAAA==\n`],
  ])('refuses a malformed note: %s', (_, note) => {
    expect(parseNote(note)).toMatchObject({ ok: false });
  });

  it('refuses every altered vkey: a changed character, a wrong type byte, a key ID that does not match', () => {
    for (let i = 0; i < GO_VKEY.length; i++) {
      const altered = GO_VKEY.slice(0, i) + String.fromCharCode(GO_VKEY.charCodeAt(i) + 1) + GO_VKEY.slice(i + 1);
      expect(() => parseVerifierKey(altered)).toThrow(DomainError);
    }
    expect(() => parseVerifierKey(GO_VKEY.slice(0, -4))).toThrow(DomainError);
    expect(() => parseVerifierKey(GO_VKEY, SignatureType.cosignatureV1)).toThrow(expect.objectContaining({ code: 'AUDIT.MALFORMED_VERIFIER_KEY' }));
  });

  it('refuses key names with spaces or plus signs', () => {
    expect(() => generateSigner('example.com/a log')).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_KEY_NAME' }));
    expect(() => generateSigner('a+b')).toThrow(DomainError);
    expect(() => signNote('text\n', [{ ...generateSigner('ok'), name: '' }])).toThrow(DomainError);
  });
});
