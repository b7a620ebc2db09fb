import { invalid } from '@mkt/shared/kernel';

/**
 * What an agency offers: an amount in fen, or a discount rate (下浮率) off the item's standard fee.
 * A rate is a fraction (0.15 = 15 % off), 0 ≤ rate < 1, with at most 4 decimals so it is exact in basis points.
 */
export type Quote = { readonly form: 'AMOUNT'; readonly amountFen: number } | { readonly form: 'DISCOUNT_RATE'; readonly rate: number };

export type QuoteForm = Quote['form'];

export const QUOTE_FORMS: readonly QuoteForm[] = ['AMOUNT', 'DISCOUNT_RATE'];

const BASIS = 10_000;

/** A fraction with at most 4 decimals, as an integer number of basis points (0.1234 → 1234); null when not exact. */
export function basisPointsOf(fraction: number): number | null {
  if (!Number.isFinite(fraction)) return null;
  const scaled = fraction * BASIS;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-7 ? rounded : null;
}

export function isWholeFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Checks a quote's shape: an amount is a positive whole number of fen; a rate is 0 ≤ rate < 1 with ≤ 4 decimals. */
export function quoteMustBeWellFormed(quote: Quote): void {
  if (quote === null || typeof quote !== 'object') throw invalid('BIDDING.INVALID_QUOTE', 'a quote is required', 'quote');
  if (quote.form === 'AMOUNT') {
    if (!isWholeFen(quote.amountFen) || quote.amountFen <= 0)
      throw invalid('BIDDING.INVALID_QUOTE', 'an amount is a positive whole number of fen', 'quote.amountFen');
    return;
  }
  if (quote.form === 'DISCOUNT_RATE') {
    const bp = typeof quote.rate === 'number' ? basisPointsOf(quote.rate) : null;
    if (bp === null || bp < 0 || bp >= BASIS)
      throw invalid('BIDDING.INVALID_QUOTE', 'a discount rate is a fraction 0 ≤ rate < 1 with at most 4 decimals', 'quote.rate');
    return;
  }
  throw invalid('BIDDING.INVALID_QUOTE', 'a quote is an AMOUNT or a DISCOUNT_RATE', 'quote.form');
}

/**
 * The price a quote stands for, in fen. A rate gives round(standardFee × (1 − rate)), computed exactly in basis
 * points and rounded half up, so every party recomputes the same integer.
 */
export function effectivePriceFen(quote: Quote, standardFeeFen: number | null): number {
  quoteMustBeWellFormed(quote);
  if (quote.form === 'AMOUNT') return quote.amountFen;
  if (!isWholeFen(standardFeeFen) || standardFeeFen <= 0)
    throw invalid('BIDDING.INVALID_STANDARD_FEE', 'the standard fee is a positive whole number of fen', 'standardFeeFen');
  const keep = BigInt(BASIS - (basisPointsOf(quote.rate) as number));
  return Number((BigInt(standardFeeFen) * keep + BigInt(BASIS / 2)) / BigInt(BASIS));
}

/** The quote with only its form's keys, so extra properties never reach a hash. */
export function normalizedQuote(quote: Quote): Quote {
  return quote.form === 'AMOUNT' ? { form: 'AMOUNT', amountFen: quote.amountFen } : { form: 'DISCOUNT_RATE', rate: quote.rate };
}
