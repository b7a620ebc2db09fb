import { isStrictlyAscendingUtf8 } from './byte-order';
import { sha256Hex } from './digest';
import type { WeightedCandidate } from './select';

/** poolHash = SHA-256 of the JCS text of the pool array (ids sorted in UTF-8 byte order, no repeats). */
export function poolHashOf(pool: readonly string[]): string {
  if (!isFrozenPoolOrder(pool)) throw new Error('a frozen pool lists each id once, in UTF-8 byte order');
  return sha256Hex(jcsOfFlatRecords(pool));
}

/**
 * RFC 8785 text of an array of strings, or of flat records whose keys are already in JCS order and whose
 * values are strings or safe integers. For exactly these shapes JSON.stringify writes the JCS form (JCS
 * serialises strings and integers as ECMAScript does, without whitespace), and it is many times faster than
 * a general canonicaliser on pools of 100,000. `canonicalJson` stays the reference; a test compares them.
 */
export function jcsOfFlatRecords(values: readonly (string | Readonly<Record<string, string | number>>)[]): string {
  return JSON.stringify(values);
}

export function isFrozenPoolOrder(pool: readonly string[]): boolean {
  return isStrictlyAscendingUtf8(pool);
}

/** weightsHash = SHA-256 of the JCS text of the `[{ id, weight }]` array, in pool order. */
export function weightsHashOf(weights: readonly WeightedCandidate[]): string {
  // Keys written in JCS order ("id" < "weight"); weights are checked to be safe integers before any draw.
  return sha256Hex(jcsOfFlatRecords(weights.map(({ id, weight }) => ({ id, weight }))));
}

/** exclusionsHash = SHA-256 of the JCS text of the `[{ agencyId, reason }]` array, in the recorded order. */
export function exclusionsHashOf(exclusions: readonly { readonly agencyId: string; readonly reason: string }[]): string {
  // Keys written in JCS order ("agencyId" < "reason").
  return sha256Hex(jcsOfFlatRecords(exclusions.map(({ agencyId, reason }) => ({ agencyId, reason }))));
}
