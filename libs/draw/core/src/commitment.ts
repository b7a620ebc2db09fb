import { hexToBytes, isLowerHex, sha256Hex } from './digest';

/**
 * commitment = SHA-256 of the 32 secret bytes (not of their hex text). The secret is published as 64
 * lower-case hex characters at the reveal; anyone re-hashes it against the commitment published before.
 */
export function commitmentOf(secretHex: string): string {
  if (!isLowerHex(secretHex, 32)) throw new Error('a draw secret is 32 bytes, written as 64 lower-case hex characters');
  return sha256Hex(hexToBytes(secretHex));
}
