import { bls12_381 } from '@noble/curves/bls12-381';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes, sha256Hex } from './digest';
import type { DrandEntropy } from './entropy';

/** The League of Entropy `quicknet` chain: unchained rounds every 3 s, BLS signatures on G1 (RFC 9380 hashing). */
export const QUICKNET = {
  chainHash: '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971',
  publicKey:
    '83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a',
  genesisTime: 1692803367,
  periodSeconds: 3,
} as const;

/**
 * The round current at `unixSeconds` — published in the period before it: round = floor((t − genesis) / period) + 1.
 * Called with t = commitment time + margin, it names a round that does not exist yet when the commitment is made.
 */
export function drandRoundAt(unixSeconds: number, chain: { genesisTime: number; periodSeconds: number } = QUICKNET): number {
  if (unixSeconds < chain.genesisTime) return 1;
  return Math.floor((unixSeconds - chain.genesisTime) / chain.periodSeconds) + 1;
}

/** The message an unchained round signs: SHA-256 of the round number as 8 bytes, big-endian. */
export function drandRoundMessage(round: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(round));
  return sha256(bytes);
}

export type BeaconCheck = { readonly ok: true; readonly randomness: string } | { readonly ok: false; readonly reason: string };

/**
 * Checks a beacon offline: the BLS signature over the round's message verifies against the pinned chain
 * key (short signatures on G1, DST BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_), and yields
 * randomness = SHA-256(signature). A beacon carried in by hand is checked the same way: it cannot be forged.
 */
export function verifyDrandBeacon(beacon: { round: number; signature: string }, publicKeyHex: string = QUICKNET.publicKey): BeaconCheck {
  let valid: boolean;
  try {
    valid = bls12_381.verifyShortSignature(hexToBytes(beacon.signature), drandRoundMessage(beacon.round), hexToBytes(publicKeyHex));
  } catch (error) {
    return { ok: false, reason: `the signature is not a valid BLS G1 point: ${(error as Error).message}` };
  }
  if (!valid) return { ok: false, reason: `the signature does not verify for round ${beacon.round} under the chain key` };
  return { ok: true, randomness: sha256Hex(hexToBytes(beacon.signature)) };
}

export { bytesToHex };

/**
 * Reads a relay's answer to `GET <relay>/<chainHash>/public/<round>` (`{ round, signature, randomness, … }`) as
 * entropy for the planned round: the round must be the planned one, the signature must verify under the pinned
 * key, and any randomness the relay states must be the hash of that signature. A relay is only a courier: an
 * answer that fails any check is refused, whatever else it says.
 */
export function drandEntropyFromRelay(
  answer: unknown,
  plan: { readonly chainHash: string; readonly round: number },
  publicKeyHex: string = QUICKNET.publicKey,
): { readonly ok: true; readonly entropy: DrandEntropy } | { readonly ok: false; readonly reason: string } {
  const a = (answer ?? {}) as { round?: unknown; signature?: unknown; randomness?: unknown };
  if (a.round !== plan.round) return { ok: false, reason: `the relay answered round ${String(a.round)}, the commitment fixed round ${plan.round}` };
  if (typeof a.signature !== 'string' || !/^[0-9a-f]{96}$/.test(a.signature)) return { ok: false, reason: 'the signature is not a 48-byte G1 point in lower-case hex' };
  const check = verifyDrandBeacon({ round: plan.round, signature: a.signature }, publicKeyHex);
  if (!check.ok) return { ok: false, reason: check.reason };
  if (a.randomness !== undefined && a.randomness !== check.randomness) return { ok: false, reason: `the relay's randomness is not SHA-256 of the signature (${check.randomness})` };
  return { ok: true, entropy: { source: 'drand', chainHash: plan.chainHash, round: plan.round, signature: a.signature, randomness: check.randomness } };
}

/** When round R is published: genesis + (R − 1) · period, in Unix milliseconds. */
export function drandRoundTime(round: number, chain: { genesisTime: number; periodSeconds: number } = QUICKNET): number {
  return (chain.genesisTime + (round - 1) * chain.periodSeconds) * 1000;
}
