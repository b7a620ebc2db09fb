import { sha256 } from '@noble/hashes/sha256';

/** SHA-256 over the concatenation of the parts. */
export type Sha256 = (parts: readonly Uint8Array[]) => Uint8Array;

const pureSha256: Sha256 = (parts) => {
  const hash = sha256.create();
  for (const part of parts) hash.update(part);
  return hash.digest();
};

let current: Sha256 = pureSha256;

/**
 * The log hashes with the pure implementation everywhere (browser included). A Node host may hand in its
 * native SHA-256 — same function, several times faster — for bulk work such as verifying a whole export.
 */
export function useSha256(implementation: Sha256 | null): void {
  current = implementation ?? pureSha256;
}

export function sha256Of(parts: readonly Uint8Array[]): Uint8Array {
  return current(parts);
}
