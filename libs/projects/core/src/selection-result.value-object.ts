/** A quote as the bidding service ranked it: an amount in fen, or a discount rate (a fraction, 0.15 = 15 % off). */
export type Quote = { readonly form: 'AMOUNT'; readonly amountFen: number } | { readonly form: 'DISCOUNT_RATE'; readonly rate: number };

/**
 * What the draw or bidding service reports for one round. `round` must be the project's current round: a result
 * of a voided round is refused, never applied.
 */
export type SelectionResult =
  | {
      readonly method: 'RANDOM_DRAW' | 'CREDIT_WEIGHTED_DRAW';
      readonly round: number;
      readonly drawId: string;
      /** Size of the frozen pool after exclusions; below the minimum the round fails. */
      readonly poolSize: number;
      readonly winners: readonly string[];
      /** In order of succession. */
      readonly alternates: readonly string[];
    }
  | {
      readonly method: 'BIDDING';
      readonly round: number;
      readonly biddingId: string;
      /** Bids that opened against their commitment and passed the checks, abnormally low ones included. */
      readonly validBidCount: number;
      /** Bids that may win, best first (abnormally low ones set aside): the first `winners` win, the rest succeed in order. */
      readonly rankedBids: readonly { readonly agencyId: string; readonly quote: Quote }[];
    };

/** An agency in a selection: a winner, or next in line. `quote` is set for bidding. */
export interface Candidate {
  readonly agencyId: string;
  readonly quote: Quote | null;
}

/** Where a round's selection came from, for the record. */
export type SelectionSource =
  | { readonly kind: 'DRAW'; readonly drawId: string; readonly poolSize: number }
  | { readonly kind: 'BIDDING'; readonly biddingId: string; readonly validBidCount: number }
  | { readonly kind: 'DIRECT'; readonly chosenBy: string };
