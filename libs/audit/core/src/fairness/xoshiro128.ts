import { sha256Of } from '../sha256-provider';

/**
 * xoshiro128** (Blackman and Vigna), seeded from SHA-256 of the seed text: fast, and the same on every platform.
 * A simulation needs a good, reproducible stream, not an unpredictable one.
 */
export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const bytes = sha256Of([new TextEncoder().encode(seed)]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.a = view.getInt32(0);
    this.b = view.getInt32(4);
    this.c = view.getInt32(8);
    this.d = view.getInt32(12);
  }

  /** The next 32-bit output, unsigned. */
  next(): number {
    // b·5 and ·9 as shifts and adds (exact mod 2³² after | 0): Math.imul is slow where the global Math is not the
    // engine's own (e.g. in Jest's sandbox).
    const b5 = rotl(((this.b << 2) + this.b) | 0, 7);
    const result = ((b5 << 3) + b5) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, n): outputs in the top partial block of 2³² are rejected, so no position is favoured. */
  below(n: number): number {
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.next();
      if (x < limit) return x % n;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
