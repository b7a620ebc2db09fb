import { emptyRoot, leafHash, nodeHash } from './merkle-hash';
import { MerkleLog } from './merkle-log';
import { verifyConsistency, verifyInclusion } from './merkle-proof';

const MAX = 33;
const log = MerkleLog.of(Array.from({ length: MAX }, (_, i) => leafHash(Uint8Array.of(i, 0x5a))));
const roots = Array.from({ length: MAX + 1 }, (_, n) => log.rootAt(n));

/** `hashes` with one byte of one hash flipped, in turn for every byte (in place, restored after each use). */
function* withOneByteFlipped(hashes: Uint8Array[]): Generator<Uint8Array[]> {
  const copy = hashes.map((x) => x.slice());
  for (const hash of copy) {
    for (let b = 0; b < hash.length; b++) {
      hash[b] ^= 0x01;
      yield copy;
      hash[b] ^= 0x01;
    }
  }
}

// The loops collect what was wrongly accepted, so one assertion reports every case at once.
describe('verifyInclusion (RFC 9162 §2.1.3.2)', () => {
  it(`accepts the proof of every leaf in every tree of 1 to ${MAX} leaves`, () => {
    const rejected: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      for (let i = 0; i < n; i++) if (!verifyInclusion(log.leafHash(i), i, n, log.inclusionProof(i, n), roots[n])) rejected.push(`${i}/${n}`);
    }
    expect(rejected).toEqual([]);
  });

  it('rejects it when any byte of the proof, the leaf hash or the root is altered', () => {
    const accepted: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      for (let i = 0; i < n; i++) {
        const [leaf, proof, root] = [log.leafHash(i), log.inclusionProof(i, n), roots[n]];
        for (const bad of withOneByteFlipped(proof)) if (verifyInclusion(leaf, i, n, bad, root)) accepted.push(`proof ${i}/${n}`);
        for (const [bad] of withOneByteFlipped([leaf])) if (verifyInclusion(bad, i, n, proof, root)) accepted.push(`leaf ${i}/${n}`);
        for (const [bad] of withOneByteFlipped([root])) if (verifyInclusion(leaf, i, n, proof, bad)) accepted.push(`root ${i}/${n}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('rejects it for any other index, a shortened or lengthened path, or reordered siblings', () => {
    const accepted: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      for (let i = 0; i < n; i++) {
        const [leaf, proof, root] = [log.leafHash(i), log.inclusionProof(i, n), roots[n]];
        for (let j = 0; j <= n; j++) if (j !== i && verifyInclusion(leaf, j, n, proof, root)) accepted.push(`index ${j} for ${i}/${n}`);
        if (verifyInclusion(leaf, i, n, [...proof, proof[0] ?? leaf], root)) accepted.push(`longer ${i}/${n}`);
        if (proof.length > 0 && verifyInclusion(leaf, i, n, proof.slice(0, -1), root)) accepted.push(`shorter ${i}/${n}`);
        if (proof.length > 1 && verifyInclusion(leaf, i, n, [...proof].reverse(), root)) accepted.push(`reversed ${i}/${n}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('rejects malformed input instead of throwing', () => {
    const leaf = log.leafHash(0);
    expect(verifyInclusion(leaf, -1, 4, log.inclusionProof(0, 4), roots[4])).toBe(false);
    expect(verifyInclusion(leaf, 0.5, 4, log.inclusionProof(0, 4), roots[4])).toBe(false);
    expect(verifyInclusion(leaf, 0, 4, [new Uint8Array(31), ...log.inclusionProof(0, 4).slice(1)], roots[4])).toBe(false);
    expect(verifyInclusion(leaf, 0, 0, [], emptyRoot())).toBe(false);
  });
});

describe('verifyConsistency (RFC 9162 §2.1.4.2)', () => {
  it(`accepts the proof between every pair of sizes 0 ≤ m ≤ n ≤ ${MAX}`, () => {
    const rejected: string[] = [];
    for (let n = 0; n <= MAX; n++) {
      for (let m = 0; m <= n; m++) if (!verifyConsistency(m, n, roots[m], roots[n], log.consistencyProof(m, n))) rejected.push(`${m}→${n}`);
    }
    expect(rejected).toEqual([]);
  });

  it('rejects it when any byte of the proof or of either root is altered', () => {
    const accepted: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = log.consistencyProof(m, n);
        for (const bad of withOneByteFlipped(proof)) if (verifyConsistency(m, n, roots[m], roots[n], bad)) accepted.push(`proof ${m}→${n}`);
        for (const [bad] of withOneByteFlipped([roots[m]])) if (verifyConsistency(m, n, bad, roots[n], proof)) accepted.push(`old root ${m}→${n}`);
        for (const [bad] of withOneByteFlipped([roots[n]])) if (verifyConsistency(m, n, roots[m], bad, proof)) accepted.push(`new root ${m}→${n}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('rejects it for another old size, a shortened or lengthened proof, and swapped roots', () => {
    const accepted: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = log.consistencyProof(m, n);
        for (let m2 = 0; m2 <= n; m2++) if (m2 !== m && verifyConsistency(m2, n, roots[m], roots[n], proof)) accepted.push(`old size ${m2} for ${m}→${n}`);
        if (verifyConsistency(m, n, roots[m], roots[n], [...proof, roots[m]])) accepted.push(`longer ${m}→${n}`);
        if (proof.length > 0 && verifyConsistency(m, n, roots[m], roots[n], proof.slice(0, -1))) accepted.push(`shorter ${m}→${n}`);
        if (m < n && verifyConsistency(m, n, roots[n], roots[m], proof)) accepted.push(`swapped ${m}→${n}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it("rejects a shrinking log, a fork at equal size, and an old root that is not the empty tree's", () => {
    expect(verifyConsistency(5, 4, roots[5], roots[4], log.consistencyProof(4, 5))).toBe(false);
    expect(verifyConsistency(6, 6, roots[6], roots[7], [])).toBe(false);
    expect(verifyConsistency(6, 6, roots[6], roots[6], [roots[6]])).toBe(false);
    expect(verifyConsistency(0, 6, roots[1], roots[6], [])).toBe(false);
  });

  it('holds for sizes past 2^32, where 32-bit bit operations would wrap', () => {
    // In a tree of 2^32 + 1 leaves the first 2^32 form the left subtree, and the last leaf is its sibling.
    const [left, last] = [roots[8], log.leafHash(8)]; // stand-ins: the algorithms see only hashes and sizes
    const root = nodeHash(left, last);
    expect(verifyConsistency(2 ** 32, 2 ** 32 + 1, left, root, [last])).toBe(true);
    expect(verifyInclusion(last, 2 ** 32, 2 ** 32 + 1, [left], root)).toBe(true);
    expect(verifyInclusion(last, 2 ** 32 - 1, 2 ** 32 + 1, [left], root)).toBe(false);
  });
});
