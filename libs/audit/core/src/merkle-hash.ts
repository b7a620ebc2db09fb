import { invalid } from '@mkt/shared/kernel';
import { canonicalJson } from './canonical-json';
import { sha256Of } from './sha256-provider';

const utf8 = new TextEncoder();
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export const HASH_SIZE = 32;

/** RFC 9162 §2.1.1: MTH({}) = SHA-256() — the root of the empty tree. A fresh copy each call: bytes are mutable. */
export function emptyRoot(): Uint8Array {
  return sha256Of([]);
}

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Uint8Array {
  return sha256Of([LEAF_PREFIX, entry]);
}

/** RFC 9162 §2.1.1: node hash = SHA-256(0x01 || left || right). The prefixes keep a leaf from posing as a node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256Of([NODE_PREFIX, left, right]);
}

/**
 * The log entry of an event: the UTF-8 of its RFC 8785 (JCS) canonical JSON, so any verifier in any language
 * re-derives the same bytes from the exported JSON.
 */
export function entryBytesOf(event: unknown): Uint8Array {
  return utf8.encode(entryTextOf(event));
}

/**
 * The entry as text (its UTF-8 is `entryBytesOf`), refused when no interoperable JSON exists. A host with a native
 * SHA-256 over strings can hash `"\u0000" + text` directly: U+0000 is the single byte 0x00 in UTF-8, so that is
 * the leaf hash without a copy of the bytes.
 */
export function entryTextOf(event: unknown): string {
  let json: string | undefined;
  try {
    json = canonicalJson(event);
  } catch (e) {
    throw invalid('AUDIT.ENTRY_NOT_JSON', `the event has no canonical JSON form: ${(e as Error).message}`);
  }
  if (json === undefined) throw invalid('AUDIT.ENTRY_NOT_JSON', 'the event has no JSON form (undefined, function or symbol)');
  if (hasLoneSurrogateEscape(json)) {
    // RFC 8785 §3.1 takes I-JSON input, and RFC 7493 §2.1 forbids unpaired surrogates; other verifiers would
    // decode them to U+FFFD and hash different bytes.
    throw invalid('AUDIT.ENTRY_NOT_JSON', 'the event holds a string with an unpaired UTF-16 surrogate');
  }
  return json;
}

export function leafHashOf(event: unknown): Uint8Array {
  return leafHash(entryBytesOf(event));
}

// JSON.stringify writes an unpaired surrogate as a \udXXX escape and never escapes a well-formed pair.
function hasLoneSurrogateEscape(json: string): boolean {
  // Almost every entry has no \u escape at all: one native scan settles it.
  if (!json.includes('\\u')) return false;
  for (let i = 0; i < json.length; i++) {
    if (json[i] !== '\\') continue;
    if (json[i + 1] === 'u' && /^d[89a-f]$/i.test(json.slice(i + 2, i + 4))) return true;
    i++; // skip the escaped character, so `\\u` is a backslash followed by a `u`
  }
  return false;
}

/** RFC 9162 §2.1.1: k, the largest power of two smaller than n (n ≥ 2). Arithmetic, not bit shifts: sizes pass 2^31. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}
