import { isUtf8 } from 'node:buffer';

/**
 * Where the JSON value starting at `start` ends, if its bytes are already its RFC 8785 (JCS) text — so its leaf
 * hash is SHA-256(0x00 ‖ those bytes) with no parse and no re-serialisation; -1 otherwise (the caller then parses
 * and canonicalises it the ordinary way). Entries of an export the service wrote are exactly that.
 *
 * Accepts only what JCS itself writes: no whitespace; object keys of printable ASCII without escapes, strictly
 * increasing (so sorted as UTF-16 code units, no duplicates); strings in valid UTF-8 with only the escapes JCS
 * uses (\" \\ \b \f \n \r \t, \u00xx in lower case for other controls); numbers exactly as ECMAScript writes them;
 * true, false, null. Anything else — a non-ASCII key included — answers -1: the slow path decides, never this one.
 */
export function canonicalValueEnd(bytes: Uint8Array, start: number): number {
  // The innermost objects' previous keys, as byte ranges [start, end) of their names (-1: none yet).
  const keys: number[] = [];
  const kinds: number[] = [];
  let i = start;
  for (;;) {
    // A value at i.
    const c = bytes[i];
    if (c === QUOTE) {
      i = stringEnd(bytes, i);
      if (i < 0) return -1;
    } else if (c === OPEN_OBJECT) {
      if (bytes[i + 1] === CLOSE_OBJECT) i += 2;
      else {
        kinds.push(OBJECT);
        keys.push(-1, -1);
        i = key(bytes, i + 1, keys);
        if (i < 0) return -1;
        continue;
      }
    } else if (c === OPEN_ARRAY) {
      if (bytes[i + 1] === CLOSE_ARRAY) i += 2;
      else {
        kinds.push(ARRAY);
        keys.push(-1, -1);
        i += 1;
        continue;
      }
    } else if (c === 0x74 /* t */) {
      if (!literal(bytes, i, TRUE)) return -1;
      i += 4;
    } else if (c === 0x66 /* f */) {
      if (!literal(bytes, i, FALSE)) return -1;
      i += 5;
    } else if (c === 0x6e /* n */) {
      if (!literal(bytes, i, NULL)) return -1;
      i += 4;
    } else if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
      i = numberEnd(bytes, i);
      if (i < 0) return -1;
    } else return -1;

    // After a value: close what ends here, or go on to the next member or element.
    for (;;) {
      // Strings may hold any bytes from 0x80 up: the whole value must be valid UTF-8 (no surrogates, no overlongs).
      if (kinds.length === 0) return isUtf8(bytes.subarray(start, i)) ? i : -1;
      const kind = kinds[kinds.length - 1];
      const next = bytes[i];
      if (next === COMMA) {
        i = kind === OBJECT ? key(bytes, i + 1, keys) : i + 1;
        if (i < 0) return -1;
        break;
      }
      if (next !== (kind === OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) return -1;
      kinds.pop();
      keys.length -= 2;
      i += 1;
    }
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OBJECT = 1;
const ARRAY = 2;
const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];
// The escapes JCS writes with a letter; every other control character is \u00xx.
const SHORT_ESCAPES = new Set([QUOTE, BACKSLASH, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const SHORT_ESCAPED_CONTROLS = new Set([0x08, 0x0c, 0x0a, 0x0d, 0x09]);

function literal(bytes: Uint8Array, i: number, word: readonly number[]): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word[k]) return false;
  return true;
}

/** Just past the canonical string opening at i, or -1. */
function stringEnd(bytes: Uint8Array, i: number): number {
  for (let j = i + 1; j < bytes.length; j++) {
    const c = bytes[j];
    if (c === QUOTE) return j + 1;
    if (c < 0x20) return -1;
    if (c !== BACKSLASH) continue;
    const e = bytes[j + 1];
    if (SHORT_ESCAPES.has(e)) {
      j++;
      continue;
    }
    if (e !== 0x75 /* u */ || bytes[j + 2] !== 0x30 || bytes[j + 3] !== 0x30) return -1;
    const high = bytes[j + 4];
    const low = bytes[j + 5];
    const lowValue = low >= 0x30 && low <= 0x39 ? low - 0x30 : low >= 0x61 && low <= 0x66 ? low - 0x57 : -1;
    if ((high !== 0x30 && high !== 0x31) || lowValue < 0) return -1;
    if (SHORT_ESCAPED_CONTROLS.has((high - 0x30) * 16 + lowValue)) return -1;
    j += 5;
  }
  return -1;
}

/**
 * Reads `"key":` at i into the innermost object, whose keys must increase: printable ASCII compares byte by byte
 * as UTF-16 code units do. Returns where its value starts, or -1.
 */
function key(bytes: Uint8Array, i: number, keys: number[]): number {
  if (bytes[i] !== QUOTE) return -1;
  let j = i + 1;
  for (; j < bytes.length && bytes[j] !== QUOTE; j++) {
    const c = bytes[j];
    if (c < 0x20 || c >= 0x7f || c === BACKSLASH) return -1;
  }
  if (bytes[j + 1] !== COLON) return -1;
  const previousStart = keys[keys.length - 2];
  if (previousStart >= 0 && compareBytes(bytes, previousStart, keys[keys.length - 1], i + 1, j) >= 0) return -1;
  keys[keys.length - 2] = i + 1;
  keys[keys.length - 1] = j;
  return j + 2;
}

function compareBytes(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < n; k++) {
    const d = bytes[aStart + k] - bytes[bStart + k];
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/** Just past a number written exactly as ECMAScript's Number#toString writes it (JCS §3.2.2.3), or -1. */
function numberEnd(bytes: Uint8Array, i: number): number {
  let j = i;
  let digitsOnly = true;
  for (; j < bytes.length; j++) {
    const c = bytes[j];
    if (c >= 0x30 && c <= 0x39) continue;
    if (c !== MINUS && c !== 0x2b && c !== 0x2e && c !== 0x65) break;
    digitsOnly = false;
  }
  // A whole number of up to 15 digits without a leading zero is its own shortest form.
  if (digitsOnly && j - i <= 15 && (bytes[i] !== 0x30 || j - i === 1)) return j;
  let text = '';
  for (let k = i; k < j; k++) text += String.fromCharCode(bytes[k]);
  const value = Number(text);
  return Number.isFinite(value) && String(value) === text ? j : -1;
}
