import { sha256 } from '@noble/hashes/sha256';
import { DomainError } from '@mkt/shared/kernel';
import { hexOf, hexToBytesOrNull } from './bytes';
import { leafHash } from './merkle-hash';
import { MerkleLog } from './merkle-log';

// A literal transcription of RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 over arrays, to hold MerkleLog to.
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return sha256(new Uint8Array(0));
  if (d.length === 1) return d[0];
  return sha256(concat(Uint8Array.of(1), mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length)))));
}
function path(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function subproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))] : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Uint8Array.of(i, i >> 8, 0xa5)));
const hexes = (hs: Uint8Array[]) => hs.map(hexOf);
const unhex = (h: string) => hexToBytesOrNull(h) as Uint8Array;

describe('MerkleLog', () => {
  // Published RFC 6962 test vectors (transparency-dev/merkle, certificate-transparency-go).
  const ctLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => leafHash(unhex(h)));
  const ctRoots = [
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ];

  it('matches the published RFC 6962 roots for sizes 0 to 8, at every size of a grown log', () => {
    const log = MerkleLog.of(ctLeaves);
    expect(ctRoots.map((_, n) => hexOf(log.rootAt(n)))).toEqual(ctRoots);
  });

  it('matches the published inclusion and consistency proofs', () => {
    const log = MerkleLog.of(ctLeaves);
    expect(hexes(log.inclusionProof(0, 8))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hexes(log.inclusionProof(5, 8))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(hexes(log.consistencyProof(2, 8))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hexes(log.consistencyProof(2, 5))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('gives the reference root for every prefix of a 70-leaf log (past several powers of two)', () => {
    const d = leaves(70);
    const log = MerkleLog.of(d);
    for (let n = 0; n <= 70; n++) expect(hexOf(log.rootAt(n))).toBe(hexOf(mth(d.slice(0, n))));
  });

  it('gives the reference inclusion proof for every leaf of every tree up to 33 leaves', () => {
    const d = leaves(33);
    const log = MerkleLog.of(d);
    for (let n = 1; n <= 33; n++) {
      for (let i = 0; i < n; i++) expect(hexes(log.inclusionProof(i, n))).toEqual(hexes(path(i, d.slice(0, n))));
    }
  });

  it('gives the reference consistency proof for every pair of sizes 0 < m ≤ n ≤ 33, and none from the empty tree', () => {
    const d = leaves(33);
    const log = MerkleLog.of(d);
    for (let n = 1; n <= 33; n++) {
      expect(log.consistencyProof(0, n)).toEqual([]);
      for (let m = 1; m <= n; m++) expect(hexes(log.consistencyProof(m, n))).toEqual(hexes(subproof(m, d.slice(0, n), true)));
    }
  });

  it('spells out the proofs of a 7-leaf and a 13-leaf tree', () => {
    const d = leaves(13);
    const log = MerkleLog.of(d);
    const node = (a: number, b: number) => hexOf(mth(d.slice(a, b)));
    // Leaf 6 of 7 is the lone right leaf: its path is the 4-leaf left subtree, then the pair [4, 6).
    expect(hexes(log.inclusionProof(6, 7))).toEqual([node(4, 6), node(0, 4)]);
    expect(hexes(log.inclusionProof(3, 7))).toEqual([node(2, 3), node(0, 2), node(4, 7)]);
    expect(hexes(log.consistencyProof(3, 7))).toEqual([node(2, 3), node(3, 4), node(0, 2), node(4, 7)]);
    expect(hexes(log.inclusionProof(12, 13))).toEqual([node(8, 12), node(0, 8)]);
    expect(hexes(log.consistencyProof(4, 13))).toEqual([node(4, 8), node(8, 13)]);
    expect(hexes(log.consistencyProof(11, 13))).toEqual([node(10, 11), node(11, 12), node(8, 10), node(12, 13), node(0, 8)]);
  });

  it('answers for earlier sizes unchanged after more appends', () => {
    const d = leaves(20);
    const log = MerkleLog.of(d.slice(0, 11));
    const [root, proof] = [log.rootAt(), log.inclusionProof(4)];
    d.slice(11).forEach((h) => log.append(h));
    expect(log.rootAt(11)).toEqual(root);
    expect(log.inclusionProof(4, 11)).toEqual(proof);
    expect(log.leafHash(19)).toEqual(d[19]);
  });

  it('hands out copies, so a caller cannot rewrite its history', () => {
    const log = MerkleLog.of(leaves(4));
    const before = hexOf(log.rootAt());
    log.leafHash(0).fill(0);
    log.inclusionProof(1)[0].fill(0);
    expect(hexOf(log.rootAt())).toBe(before);
  });

  it('refuses sizes and indexes outside the log, and leaf hashes of the wrong length', () => {
    const log = MerkleLog.of(leaves(5));
    expect(() => log.rootAt(6)).toThrow(expect.objectContaining({ code: 'AUDIT.TREE_SIZE_OUT_OF_RANGE' }));
    expect(() => log.inclusionProof(5, 5)).toThrow(expect.objectContaining({ code: 'AUDIT.LEAF_INDEX_OUT_OF_RANGE' }));
    expect(() => log.inclusionProof(0, 0)).toThrow(DomainError);
    expect(() => log.consistencyProof(4, 3)).toThrow(expect.objectContaining({ code: 'AUDIT.TREE_SIZE_OUT_OF_RANGE' }));
    expect(() => log.rootAt(1.5)).toThrow(DomainError);
    expect(() => log.append(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'AUDIT.BAD_HASH_LENGTH' }));
  });

  it('joins trees of consecutive aligned ranges into the tree of the whole, roots and proofs alike', () => {
    const d = leaves(70);
    const whole = MerkleLog.of(d);
    for (const chunk of [1, 2, 4, 8, 16, 64]) {
      const joined = new MerkleLog();
      for (let start = 0; start < d.length; start += chunk) {
        // Each part crosses the wire as its levels, as a worker thread hands them back.
        joined.appendLog(MerkleLog.fromLevels(MerkleLog.of(d.slice(start, start + chunk)).levelHashes()));
      }
      expect(joined.size).toBe(70);
      for (let n = 0; n <= 70; n++) expect([chunk, n, hexOf(joined.rootAt(n))]).toEqual([chunk, n, hexOf(whole.rootAt(n))]);
      expect(joined.inclusionProof(37, 70)).toEqual(whole.inclusionProof(37, 70));
      expect(joined.consistencyProof(13, 70)).toEqual(whole.consistencyProof(13, 70));
      joined.append(d[0]);
      expect(joined.rootAt()).toEqual(MerkleLog.of([...d, d[0]]).rootAt());
    }
  });

  it('refuses to join a tree whose subtrees would not be aligned, and levels of the wrong shape', () => {
    const log = MerkleLog.of(leaves(6));
    expect(() => log.appendLog(MerkleLog.of(leaves(4)))).toThrow(expect.objectContaining({ code: 'AUDIT.TREE_NOT_ALIGNED' }));
    const levels = MerkleLog.of(leaves(5)).levelHashes();
    expect(() => MerkleLog.fromLevels([levels[0], levels[1]])).toThrow(expect.objectContaining({ code: 'AUDIT.BAD_TREE_LEVELS' }));
    expect(() => MerkleLog.fromLevels([levels[0], levels[1].subarray(32), levels[2]])).toThrow(expect.objectContaining({ code: 'AUDIT.BAD_TREE_LEVELS' }));
    expect(() => MerkleLog.fromLevels([levels[0].subarray(1)])).toThrow(expect.objectContaining({ code: 'AUDIT.BAD_TREE_LEVELS' }));
  });
});
