import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha256';
import { invalid } from '@mkt/shared/kernel';
import { bytesEqual, concatBytes, fromBase64, hexOf, toBase64, utf8ToBytes } from './bytes';

/** C2SP signed-note signature type bytes used here. */
export const SignatureType = {
  /** Ed25519 over the note text (signed-note §Ed25519 signatures). */
  ed25519: 0x01,
  /** Timestamped Ed25519 witness cosignature (C2SP tlog-cosignature). */
  cosignatureV1: 0x04,
} as const;
export type SignatureType = (typeof SignatureType)[keyof typeof SignatureType];

/** A signing key: its name (a schema-less URL by convention, the log's origin for a log) and 32-byte Ed25519 seed. */
export interface NoteSigner {
  readonly name: string;
  readonly privateKey: Uint8Array;
}

/** A trusted public key, configured out of band (typically from its vkey string). */
export interface NoteVerifier {
  readonly name: string;
  readonly publicKey: Uint8Array;
}

export interface VerifierKey extends NoteVerifier {
  readonly type: SignatureType;
  readonly keyId: Uint8Array;
}

export interface NoteSignature {
  readonly name: string;
  readonly keyId: Uint8Array;
  /** The signature bytes after the 4-byte key ID. */
  readonly signature: Uint8Array;
}

export interface Note {
  /** The signed text, final newline included, blank separator line excluded. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export type NoteParse = { readonly ok: true; readonly note: Note } | { readonly ok: false; readonly detail: string };

export type SignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-signed-by-key' | 'invalid-signature' };

const EM_DASH_SPACE = '\u2014 ';
// signed-note: verifiers must accept at least 16 signatures; the Go reference stops at 100.
const MAX_SIGNATURES = 100;
const NOTE_TEXT_PATTERN = /^[^\x00-\x09\x0b-\x1f]*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** signed-note: key names are non-empty, with no Unicode space and no '+'. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085]/u.test(name) && !LONE_SURROGATE.test(name);
}

/** signed-note: key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]. */
export function keyIdOf(name: string, type: SignatureType, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8ToBytes(name), Uint8Array.of(0x0a, type), publicKey)).slice(0, 4);
}

export function generateSigner(name: string): NoteSigner {
  requireKeyName(name);
  return { name, privateKey: ed25519.utils.randomSecretKey() };
}

export function verifierOf(signer: NoteSigner): NoteVerifier {
  return { name: signer.name, publicKey: ed25519.getPublicKey(signer.privateKey) };
}

/** The vkey encoding: `<name>+<hex key ID>+<base64(type || public key)>`. */
export function verifierKeyString(verifier: NoteVerifier, type: SignatureType = SignatureType.ed25519): string {
  requireKeyName(verifier.name);
  const keyId = keyIdOf(verifier.name, type, verifier.publicKey);
  return `${verifier.name}+${hexOf(keyId)}+${toBase64(concatBytes(Uint8Array.of(type), verifier.publicKey))}`;
}

/** Parses a vkey string, refusing any other signature type than `type` and a key ID that does not match the key. */
export function parseVerifierKey(vkey: string, type: SignatureType = SignatureType.ed25519): VerifierKey {
  const bad = (why: string) => invalid('AUDIT.MALFORMED_VERIFIER_KEY', `verifier key: ${why}`, 'vkey');
  const parts = splitFields(vkey, 3);
  if (parts === null) throw bad('expected <name>+<key id>+<key>');
  const [name, idHex, keyB64] = parts;
  if (!isValidKeyName(name)) throw bad('invalid key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw bad('the key ID is not 8 lowercase hex digits');
  const material = fromBase64(keyB64);
  if (material === null || material.length !== 33) throw bad('the key is not base64 of a type byte and 32 key bytes');
  if (material[0] !== type) throw bad(`signature type 0x${material[0].toString(16).padStart(2, '0')}, expected 0x0${type}`);
  const publicKey = material.slice(1);
  const keyId = keyIdOf(name, type, publicKey);
  if (hexOf(keyId) !== idHex) throw bad('the key ID does not match the name and key');
  return { name, type, publicKey, keyId };
}

/** The Go-compatible private key encoding: `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>`. Keep it secret. */
export function signerKeyString(signer: NoteSigner): string {
  const verifier = verifierOf(signer);
  const keyId = keyIdOf(signer.name, SignatureType.ed25519, verifier.publicKey);
  return `PRIVATE+KEY+${signer.name}+${hexOf(keyId)}+${toBase64(concatBytes(Uint8Array.of(SignatureType.ed25519), signer.privateKey))}`;
}

export function parseSignerKey(skey: string): NoteSigner {
  const bad = (why: string) => invalid('AUDIT.MALFORMED_SIGNER_KEY', `signer key: ${why}`, 'skey');
  const parts = splitFields(skey, 5);
  if (parts === null || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') throw bad('expected PRIVATE+KEY+<name>+<key id>+<key>');
  const [, , name, idHex, keyB64] = parts;
  if (!isValidKeyName(name)) throw bad('invalid key name');
  const material = fromBase64(keyB64);
  if (material === null || material.length !== 33 || material[0] !== SignatureType.ed25519) throw bad('not an Ed25519 seed');
  const signer = { name, privateKey: material.slice(1) };
  if (hexOf(keyIdOf(name, SignatureType.ed25519, verifierOf(signer).publicKey)) !== idHex) throw bad('the key ID does not match');
  return signer;
}

/** Signs `text` (non-empty, newline-terminated) with each signer: text, blank line, one signature line per key. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!isValidNoteText(text)) throw invalid('AUDIT.MALFORMED_NOTE', 'note text must be non-empty, end in a newline and hold no control characters', 'text');
  if (signers.length === 0) throw invalid('AUDIT.MALFORMED_NOTE', 'a note needs at least one signature', 'signers');
  const message = utf8ToBytes(text);
  const lines = signers.map((signer) => {
    requireKeyName(signer.name);
    const keyId = keyIdOf(signer.name, SignatureType.ed25519, ed25519.getPublicKey(signer.privateKey));
    return signatureLine(signer.name, concatBytes(keyId, ed25519.sign(message, signer.privateKey)));
  });
  return `${text}\n${lines.join('')}`;
}

/** One `— <name> <base64(key ID || signature)>` line, newline included. */
export function signatureLine(name: string, keyIdAndSignature: Uint8Array): string {
  return `${EM_DASH_SPACE}${name} ${toBase64(keyIdAndSignature)}\n`;
}

/** Splits a signed note into its text and signature lines, checking the format only, not the signatures. */
export function parseNote(message: string): NoteParse {
  const fail = (detail: string): NoteParse => ({ ok: false, detail });
  if (!NOTE_TEXT_PATTERN.test(message) || LONE_SURROGATE.test(message)) return fail('a note holds no control characters but newline, and valid Unicode');
  if (!message.endsWith('\n')) return fail('a note ends with a newline');
  // The text is separated from the signatures by the last empty line.
  const split = message.lastIndexOf('\n\n');
  if (split < 0) return fail('no blank line before the signatures');
  const text = message.slice(0, split + 1);
  const lines = message.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return fail(`more than ${MAX_SIGNATURES} signatures`);
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    if (!line.startsWith(EM_DASH_SPACE)) return fail('a signature line starts with an em dash and a space');
    const rest = line.slice(EM_DASH_SPACE.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, space);
    const bytes = space < 0 ? null : fromBase64(rest.slice(space + 1));
    if (!isValidKeyName(name) || bytes === null || bytes.length < 5) return fail('a signature line is `— <name> <base64 signature>`');
    signatures.push({ name, keyId: bytes.slice(0, 4), signature: bytes.slice(4) });
  }
  return { ok: true, note: { text, signatures } };
}

/**
 * signed-note §Signatures: signatures from other keys are ignored; every signature whose name and key ID match
 * the trusted key must verify, and at least one must be present.
 */
export function checkNoteSignature(note: Note, verifier: NoteVerifier): SignatureCheck {
  const keyId = keyIdOf(verifier.name, SignatureType.ed25519, verifier.publicKey);
  const own = note.signatures.filter((s) => s.name === verifier.name && bytesEqual(s.keyId, keyId));
  if (own.length === 0) return { ok: false, reason: 'not-signed-by-key' };
  const message = utf8ToBytes(note.text);
  return own.every((s) => ed25519Verifies(s.signature, message, verifier.publicKey)) ? { ok: true } : { ok: false, reason: 'invalid-signature' };
}

/** RFC 8032 §5.1.7 with its strict encoding checks (not ZIP-215), as Go's crypto/ed25519 verifies. */
export function ed25519Verifies(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  return ed25519.verify(signature, message, publicKey, { zip215: false });
}

export function isValidNoteText(text: string): boolean {
  return text.length > 0 && text.endsWith('\n') && NOTE_TEXT_PATTERN.test(text) && !LONE_SURROGATE.test(text);
}

// Splits on the first count - 1 plus signs: the last field is base64, which may hold '+' itself.
function splitFields(text: string, count: number): string[] | null {
  const fields: string[] = [];
  let rest = text;
  for (let i = 1; i < count; i++) {
    const plus = rest.indexOf('+');
    if (plus < 0) return null;
    fields.push(rest.slice(0, plus));
    rest = rest.slice(plus + 1);
  }
  return [...fields, rest];
}

function requireKeyName(name: string): void {
  if (!isValidKeyName(name)) throw invalid('AUDIT.INVALID_KEY_NAME', `key name "${name}" must be non-empty, without spaces or '+'`, 'name');
}
