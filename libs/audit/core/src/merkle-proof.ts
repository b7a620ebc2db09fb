import { bytesEqual } from './bytes';
import { emptyRoot, HASH_SIZE, isPowerOfTwo, nodeHash } from './merkle-hash';

// Sizes and indexes may pass 2^31, where JavaScript's bit operators wrap: shift and test bits arithmetically.
const isOdd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);
const isSize = (x: number) => Number.isSafeInteger(x) && x >= 0;
const isHash = (h: unknown): h is Uint8Array => h instanceof Uint8Array && h.length === HASH_SIZE;

/**
 * RFC 9162 §2.1.3.2, step by step: does `proof` show the leaf with hash `leafHash` at `index` in the tree of
 * `treeSize` leaves whose root is `root`? What a supervisor's client runs; false on any malformed input.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(index) || !isSize(treeSize) || !isHash(leafHash) || !isHash(root) || !proof.every(isHash)) return false;
  // 1. leaf_index must be below tree_size.
  if (index >= treeSize) return false;
  // 2-3.
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  // 4.
  for (const p of proof) {
    // 4a. More hashes than the path has levels.
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      // 4b. p is a left sibling; where fn is a last, unpaired node, climb past the levels it skips.
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    // 4c.
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  return sn === 0 && bytesEqual(r, root);
}

/**
 * RFC 9162 §2.1.4.2, step by step: is the tree of `newSize` leaves with root `newRoot` an append-only extension of
 * the tree of `oldSize` leaves with root `oldRoot`? The two cases the RFC leaves aside have nothing to prove and
 * take an empty proof: equal sizes (the roots must then be equal) and an old empty tree (its root must be MTH({})).
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || !isHash(oldRoot) || !isHash(newRoot) || !proof.every(isHash)) return false;
  if (oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && bytesEqual(oldRoot, emptyRoot());
  // 1.
  if (proof.length === 0) return false;
  // 2. A power-of-two old tree is one complete subtree of the new one; the prover left its hash out.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  // 3.
  let fn = oldSize - 1;
  let sn = newSize - 1;
  // 4.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  let fr = path[0];
  let sr = path[0];
  // 6.
  for (const c of path.slice(1)) {
    // 6a.
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      // 6b. c is a left sibling on both paths.
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      // Right of the old tree's edge: only the new root takes it.
      sr = nodeHash(sr, c);
    }
    // 6c.
    fn = half(fn);
    sn = half(sn);
  }
  // 7.
  return bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot) && sn === 0;
}
