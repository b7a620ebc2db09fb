import { seededGenerator, uniformIndex, type Uint32Source } from './seeded-generator';

/** RC4-drop[256] written from the cipher's definition, to check docs/draw-protocol.md's description of seedrandom. */
function rc4Drop256Uint32s(key: Uint8Array, count: number): number[] {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  let i = 0;
  let j = 0;
  const byte = () => {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    return s[(s[i] + s[j]) & 255];
  };
  for (let d = 0; d < 256; d++) byte();
  return Array.from({ length: count }, () => ((byte() << 24) | (byte() << 16) | (byte() << 8) | byte()) >>> 0);
}

const seed = '3f1c2e4d5a6b7c8d9e0f112233445566778899aabbccddeeff00112233445566';

describe('seededGenerator', () => {
  it('is RC4-drop[256] keyed with the ASCII of the hex seed, four bytes big-endian per output', () => {
    const source = seededGenerator(seed);
    const ours = Array.from({ length: 1000 }, () => source.next());
    expect(ours).toEqual(rc4Drop256Uint32s(new TextEncoder().encode(seed), 1000));
  });

  it('gives the same sequence for the same seed, and pins its first outputs', () => {
    const a = seededGenerator('00'.repeat(32));
    const b = seededGenerator('00'.repeat(32));
    const first = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    expect(first).toEqual(rc4Drop256Uint32s(new TextEncoder().encode('00'.repeat(32)), 3));
  });

  it('refuses a seed that is not 64 lower-case hex characters', () => {
    expect(() => seededGenerator(seed.toUpperCase())).toThrow('64 lower-case hex');
    expect(() => seededGenerator(seed.slice(2))).toThrow('64 lower-case hex');
  });
});

function scripted(values: number[]): Uint32Source & { used: number } {
  const source = { used: 0, next: () => values[source.used++] };
  return source;
}

describe('uniformIndex', () => {
  it('rejects outputs at or above the largest multiple of n below 2^32 and draws again', () => {
    // For n = 3 the limit is 4294967295: only 0xFFFFFFFF is rejected.
    const source = scripted([0xffffffff, 7]);
    expect(uniformIndex(source, 3)).toBe(1);
    expect(source.used).toBe(2);
  });

  it('accepts the last output below the limit', () => {
    expect(uniformIndex(scripted([0xfffffffe]), 3)).toBe(0xfffffffe % 3);
    // n = 10: limit = 4294967290; 4294967289 is accepted, 4294967290 is not.
    expect(uniformIndex(scripted([4294967290, 4294967289]), 10)).toBe(9);
  });

  it('covers the edges n = 1 and n = 2^32', () => {
    expect(uniformIndex(scripted([123456]), 1)).toBe(0);
    expect(uniformIndex(scripted([0xffffffff]), 2 ** 32)).toBe(0xffffffff);
    expect(() => uniformIndex(scripted([]), 0)).toThrow();
  });

  it('spreads picks evenly: chi-square over 70,000 picks in [0, 7) stays far below the 0.1 % critical value', () => {
    const source = seededGenerator(seed);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[uniformIndex(source, 7)]++;
    const chi2 = counts.reduce((sum, c) => sum + (c - 10000) ** 2 / 10000, 0);
    expect(chi2).toBeLessThan(22.46); // df = 6, p = 0.001
  });
});
