import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import canonicalize from 'canonicalize';
import { invalid } from '@mkt/shared/kernel';
import { normalizedQuote, type Quote } from './quote.value-object';

/** The sealed content of a bid: what the commitment binds before the close and what is revealed after it. */
export interface SealedBid {
  readonly biddingId: string;
  readonly agencyId: string;
  readonly quote: Quote;
  readonly servicePeriodDays: number;
  /** Absent and null mean the same: no note; both hash as `"note":null`. */
  readonly note?: string | null;
}

const SALT = /^[0-9a-f]{64}$/;
const COMMITMENT = /^[0-9a-f]{64}$/;

/** Rule: a salt is 32 random bytes written as 64 lower-case hex digits (one spelling, so one commitment). */
export function saltMustBeValid(saltHex: string): void {
  if (typeof saltHex !== 'string' || !SALT.test(saltHex))
    throw invalid('BIDDING.INVALID_SALT', 'the salt is 32 bytes as 64 lower-case hex digits', 'salt');
}

/** Rule: a commitment is a SHA-256 digest as 64 lower-case hex digits. */
export function commitmentMustBeWellFormed(commitment: string): void {
  if (typeof commitment !== 'string' || !COMMITMENT.test(commitment))
    throw invalid('BIDDING.INVALID_COMMITMENT', 'a commitment is 64 lower-case hex digits', 'commitment');
}

/** The object that is canonicalised: exactly these five keys, the quote with only its form's keys. */
function hashedBid(bid: SealedBid): Record<string, unknown> {
  return {
    biddingId: bid.biddingId,
    agencyId: bid.agencyId,
    quote: normalizedQuote(bid.quote),
    servicePeriodDays: bid.servicePeriodDays,
    note: bid.note ?? null,
  };
}

/**
 * commitment = lower-hex( SHA-256( UTF-8( JCS(bid) || "|" || saltHex ) ) )
 *   JCS(bid): RFC 8785 canonical JSON of {agencyId, biddingId, note, quote, servicePeriodDays} (keys sorted,
 *             no whitespace, note null when absent, quote {form, amountFen} or {form, rate});
 *   "|":      the single byte 0x7C;
 *   saltHex:  the salt's 64 lower-case hex characters as ASCII text (not the 32 raw bytes).
 * The salt stops anyone from guessing a price by hashing candidate bids before the close.
 */
export function bidCommitment(bid: SealedBid, saltHex: string): string {
  saltMustBeValid(saltHex);
  const text = canonicalize(hashedBid(bid));
  if (text === undefined) throw invalid('BIDDING.INVALID_BID', 'the bid has no canonical JSON form', 'bid');
  return bytesToHex(sha256(utf8ToBytes(`${text}|${saltHex}`)));
}

/** Whether a revealed bid and salt reproduce the commitment published before the close. Never throws. */
export function verifyBidAgainstCommitment(bid: SealedBid, saltHex: string, commitment: string): boolean {
  if (typeof commitment !== 'string' || !COMMITMENT.test(commitment) || typeof saltHex !== 'string' || !SALT.test(saltHex)) return false;
  try {
    return bidCommitment(bid, saltHex) === commitment;
  } catch {
    return false;
  }
}
