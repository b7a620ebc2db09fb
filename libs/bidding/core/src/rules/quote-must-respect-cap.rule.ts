import { invalid } from '@mkt/shared/kernel';
import { effectivePriceFen, quoteMustBeWellFormed, type Quote } from '../quote.value-object';

/**
 * Rule: a quote's price must not exceed the project's cap (最高限价). An amount is compared as is; a discount
 * rate through its effective price round(standardFee × (1 − rate)). The refusal names the field the agency typed
 * and the (public) cap, never the quoted price: refusals can end up in logs while bids are sealed.
 */
export function quoteMustRespectCap(quote: Quote, capFen: number, standardFeeFen: number | null): void {
  quoteMustBeWellFormed(quote);
  const price = effectivePriceFen(quote, standardFeeFen);
  if (price <= capFen) return;
  const field = quote.form === 'AMOUNT' ? 'quote.amountFen' : 'quote.rate';
  throw invalid('BIDDING.QUOTE_ABOVE_CAP', `the quote prices above the cap of ${capFen} fen`, field);
}
