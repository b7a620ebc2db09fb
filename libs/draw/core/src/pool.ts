import { compareUtf8 } from './byte-order';
import { canonicalJson, sha256Hex } from './digest';
import type { WeightedCandidate } from './select';

/** poolHash = SHA-256 of the JCS text of the pool array (ids sorted in UTF-8 byte order, no repeats). */
export function poolHashOf(pool: readonly string[]): string {
  if (!isFrozenPoolOrder(pool)) throw new Error('a frozen pool lists each id once, in UTF-8 byte order');
  return sha256Hex(canonicalJson(pool));
}

export function isFrozenPoolOrder(pool: readonly string[]): boolean {
  return pool.every((id, i) => i === 0 || compareUtf8(pool[i - 1], id) < 0);
}

/** weightsHash = SHA-256 of the JCS text of the `[{ id, weight }]` array, in pool order. */
export function weightsHashOf(weights: readonly WeightedCandidate[]): string {
  return sha256Hex(canonicalJson(weights.map(({ id, weight }) => ({ id, weight }))));
}

/** exclusionsHash = SHA-256 of the JCS text of the `[{ agencyId, reason }]` array, in the recorded order. */
export function exclusionsHashOf(exclusions: readonly { readonly agencyId: string; readonly reason: string }[]): string {
  return sha256Hex(canonicalJson(exclusions.map(({ agencyId, reason }) => ({ agencyId, reason }))));
}
