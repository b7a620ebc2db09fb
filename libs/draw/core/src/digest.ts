import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) canonical JSON text of a value; refuses values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no canonical JSON form');
  return text;
}

const utf8 = new TextEncoder();

/** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export function sha256Hex(input: Uint8Array | string): string {
  return bytesToHex(sha256(typeof input === 'string' ? utf8.encode(input) : input));
}

export function isLowerHex(value: string, bytes: number): boolean {
  return value.length === bytes * 2 && /^[0-9a-f]*$/.test(value);
}

export { bytesToHex, hexToBytes };
