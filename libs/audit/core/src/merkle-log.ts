import { invalid } from '@mkt/shared/kernel';
import { emptyRoot, HASH_SIZE, isPowerOfTwo, nodeHash, splitPoint } from './merkle-hash';

/** Hashes of one tree level in a single growing buffer: a million leaves cost ~64 MB, not two million objects. */
class HashColumn {
  private buffer = new Uint8Array(HASH_SIZE * 64);
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * HASH_SIZE > this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer.set(hash, this.length * HASH_SIZE);
    this.length++;
  }

  /** Appends hashes laid end to end (a multiple of HASH_SIZE bytes). */
  pushAll(hashes: Uint8Array): void {
    const needed = this.length * HASH_SIZE + hashes.length;
    if (needed > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      bigger.set(this.buffer.subarray(0, this.length * HASH_SIZE));
      this.buffer = bigger;
    }
    this.buffer.set(hashes, this.length * HASH_SIZE);
    this.length += hashes.length / HASH_SIZE;
  }

  /** A view, not a copy: stored hashes never change, and the public methods copy before handing out. */
  at(i: number): Uint8Array {
    return this.buffer.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
  }

  /** The hashes laid end to end: a view (`all`) or a copy (`copy`). */
  all(): Uint8Array {
    return this.buffer.subarray(0, this.length * HASH_SIZE);
  }

  copy(): Uint8Array {
    return this.buffer.slice(0, this.length * HASH_SIZE);
  }
}

/**
 * An append-only RFC 9162 Merkle tree over leaf hashes, answering for any earlier size too: roots, inclusion and
 * consistency proofs. It keeps the hash of every complete aligned subtree, so an append costs O(1) amortised and
 * a root or proof O(log n) hashes. The audit service rebuilds it from the leaf hashes it stores.
 */
export class MerkleLog {
  // levels[h].at(i) = MTH of leaves [i·2^h, (i+1)·2^h), filled in as soon as that subtree is complete.
  private readonly levels: HashColumn[] = [new HashColumn()];

  static of(leafHashes: Iterable<Uint8Array>): MerkleLog {
    const log = new MerkleLog();
    for (const hash of leafHashes) log.append(hash);
    return log;
  }

  /**
   * A tree from the levels another one handed out (`levelHashes()`), e.g. from a worker thread: level h holds the hashes
   * of the complete subtrees of 2^h leaves, in order. Only the shape is checked; the hashes are taken as given.
   */
  static fromLevels(levels: readonly Uint8Array[]): MerkleLog {
    const log = new MerkleLog();
    for (const [h, level] of levels.entries()) {
      const count = level.length / HASH_SIZE;
      const expected = h === 0 ? count : Math.floor(log.levels[h - 1].length / 2);
      if (!Number.isInteger(count) || count !== expected || (h > 0 && count === 0)) {
        throw invalid('AUDIT.BAD_TREE_LEVELS', `level ${h} holds ${level.length} bytes, not ${expected} hashes of ${HASH_SIZE}`, 'levels');
      }
      if (h > 0) log.levels.push(new HashColumn());
      log.levels[h].pushAll(level);
    }
    if (Math.floor(log.levels[log.levels.length - 1].length / 2) > 0) throw invalid('AUDIT.BAD_TREE_LEVELS', 'a complete subtree is missing its level', 'levels');
    return log;
  }

  get size(): number {
    return this.levels[0].length;
  }

  /** Every level's hashes laid end to end, copied (see `fromLevels`). */
  levelHashes(): Uint8Array[] {
    return this.levels.map((column) => column.copy());
  }

  /**
   * Appends every leaf of another tree, reusing its subtree hashes: the trees of consecutive ranges built apart
   * (in parallel) join into the tree of the whole. This tree's size must be a multiple of the other's largest
   * complete subtree, so that each of those subtrees is also an aligned subtree of the joined tree.
   */
  appendLog(other: MerkleLog): void {
    const largest = 2 ** (other.levels.length - 1);
    if (other.size === 0) return;
    if (this.size % largest !== 0) {
      throw invalid('AUDIT.TREE_NOT_ALIGNED', `a tree of ${other.size} leaves cannot follow ${this.size}: that is not a multiple of ${largest}`, 'other');
    }
    for (const [h, column] of other.levels.entries()) {
      if (this.levels.length === h) this.levels.push(new HashColumn());
      this.levels[h].pushAll(column.all());
    }
    // Above the other tree's top, pairs that now span both trees complete new subtrees.
    for (let h = 0; h < this.levels.length; h++) {
      const column = this.levels[h];
      while (Math.floor(column.length / 2) > (this.levels[h + 1]?.length ?? 0)) {
        if (this.levels.length === h + 1) this.levels.push(new HashColumn());
        const i = 2 * this.levels[h + 1].length;
        this.levels[h + 1].push(nodeHash(column.at(i), column.at(i + 1)));
      }
    }
  }

  /** Appends a leaf hash (see `leafHash`/`leafHashOf`) and returns its index. */
  append(leafHash: Uint8Array): number {
    if (leafHash.length !== HASH_SIZE) throw invalid('AUDIT.BAD_HASH_LENGTH', `a leaf hash has ${HASH_SIZE} bytes, not ${leafHash.length}`, 'leafHash');
    const index = this.size;
    this.levels[0].push(leafHash);
    // Each level that now ends in a full pair completes one subtree on the level above.
    for (let h = 0; this.levels[h].length % 2 === 0; h++) {
      const column = this.levels[h];
      if (this.levels.length === h + 1) this.levels.push(new HashColumn());
      this.levels[h + 1].push(nodeHash(column.at(column.length - 2), column.at(column.length - 1)));
    }
    return index;
  }

  leafHash(index: number): Uint8Array {
    this.requireIndex(index, this.size);
    return this.levels[0].at(index).slice();
  }

  /** MTH(D[0:n]), the root the log had when it held n leaves. */
  rootAt(n: number = this.size): Uint8Array {
    this.requireSize(n, 'treeSize');
    return n === 0 ? emptyRoot() : this.subtreeHash(0, n).slice();
  }

  /** RFC 9162 §2.1.3.1: PATH(index, D[0:treeSize]), sibling hashes from the leaf up. */
  inclusionProof(index: number, treeSize: number = this.size): Uint8Array[] {
    this.requireSize(treeSize, 'treeSize');
    this.requireIndex(index, treeSize);
    const proof: Uint8Array[] = [];
    this.path(index, 0, treeSize, proof);
    return proof.map((h) => h.slice());
  }

  /**
   * RFC 9162 §2.1.4.1: PROOF(oldSize, D[0:newSize]). Empty when oldSize is 0 or equals newSize: there is nothing
   * to prove (and `verifyConsistency` accepts exactly that).
   */
  consistencyProof(oldSize: number, newSize: number = this.size): Uint8Array[] {
    this.requireSize(newSize, 'newSize');
    this.requireSize(oldSize, 'oldSize');
    if (oldSize > newSize) throw invalid('AUDIT.TREE_SIZE_OUT_OF_RANGE', `old size ${oldSize} exceeds new size ${newSize}`, 'oldSize');
    const proof: Uint8Array[] = [];
    if (oldSize > 0) this.subproof(oldSize, 0, newSize, true, proof);
    return proof.map((h) => h.slice());
  }

  // MTH(D[start:end]). Every range the RFC recursion visits starts at a multiple of the next power of two ≥ its
  // length, so a power-of-two range is always one stored complete subtree.
  private subtreeHash(start: number, end: number): Uint8Array {
    const n = end - start;
    if (isPowerOfTwo(n)) {
      let h = 0;
      for (let w = n; w > 1; w /= 2) h++;
      return this.levels[h].at(start / n);
    }
    const k = splitPoint(n);
    return nodeHash(this.subtreeHash(start, start + k), this.subtreeHash(start + k, end));
  }

  // RFC 9162 §2.1.3.1: PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]).
  private path(m: number, start: number, end: number, out: Uint8Array[]): void {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      this.path(m, start, start + k, out);
      out.push(this.subtreeHash(start + k, end));
    } else {
      this.path(m - k, start + k, end, out);
      out.push(this.subtreeHash(start, start + k));
    }
  }

  // RFC 9162 §2.1.4.1: SUBPROOF(m, D[n], b); b says whether D[0:m] is still the old tree's own root (then omitted).
  private subproof(m: number, start: number, end: number, b: boolean, out: Uint8Array[]): void {
    const n = end - start;
    if (m === n) {
      if (!b) out.push(this.subtreeHash(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      this.subproof(m, start, start + k, b, out);
      out.push(this.subtreeHash(start + k, end));
    } else {
      this.subproof(m - k, start + k, end, false, out);
      out.push(this.subtreeHash(start, start + k));
    }
  }

  private requireSize(n: number, field: string): void {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.size) {
      throw invalid('AUDIT.TREE_SIZE_OUT_OF_RANGE', `tree size ${n} is outside 0..${this.size}`, field);
    }
  }

  private requireIndex(index: number, treeSize: number): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
      throw invalid('AUDIT.LEAF_INDEX_OUT_OF_RANGE', `leaf index ${index} is outside a tree of ${treeSize}`, 'index');
    }
  }
}
