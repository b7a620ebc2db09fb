import seedrandom from 'seedrandom';
import { isLowerHex } from './digest';

/** Source of unsigned 32-bit integers, the only thing the selection steps consume. */
export interface Uint32Source {
  next(): number;
}

/**
 * seedrandom@3.0.5's default generator (RC4-drop[256]) keyed with the seed's 64 lower-case hex characters.
 * The seed is passed as the string itself, with no options: an undefined seed or `{ entropy: true }` would
 * mix in machine entropy, and a Buffer would key it differently. `int32() >>> 0` is four keystream bytes,
 * big-endian (docs/draw-protocol.md states the generator precisely for other languages).
 */
export function seededGenerator(seedHex: string): Uint32Source {
  if (!isLowerHex(seedHex, 32)) throw new Error('a draw seed is 64 lower-case hex characters');
  const rng = seedrandom(seedHex);
  return { next: () => rng.int32() >>> 0 };
}

const TWO_POW_32 = 0x1_0000_0000;

/**
 * An unbiased integer in [0, n): outputs at or above the largest multiple of n below 2^32 are rejected and
 * drawn again, so every value is equally likely (a plain modulo, or floor(random() * n), is not).
 */
export function uniformIndex(source: Uint32Source, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new Error(`cannot pick uniformly among ${n}`);
  const limit = Math.floor(TWO_POW_32 / n) * n;
  for (;;) {
    const x = source.next();
    if (x < limit) return x % n;
  }
}
