import { bytesToHex, hexToBytes } from '@noble/hashes/utils';

export { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils';

/** Byte equality. Everything compared here is public (hashes, signatures), so constant time buys nothing. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Hex (either case) to bytes, or null: callers report malformed input rather than catch. */
export function hexToBytesOrNull(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  return hexToBytes(hex);
}

export function hexOf(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE_OF = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Standard base64 with padding (RFC 4648 §4), the encoding signed notes and checkpoints use. No Buffer: runs in browsers. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1] ?? 0, bytes[i + 2] ?? 0];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/**
 * Strict RFC 4648 §4 decoding, or null: padding required, no whitespace, and the unused trailing bits must be
 * zero (§3.5), so each byte string has exactly one accepted encoding and a signed line cannot be re-spelt.
 */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const body = text.slice(0, text.length - padding);
  const values: number[] = [];
  for (const c of body) {
    const v = VALUE_OF.get(c);
    if (v === undefined) return null;
    values.push(v);
  }
  const out = new Uint8Array((body.length * 6) >> 3);
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const v of values) {
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
