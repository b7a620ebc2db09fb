import type { BidEvaluation, EvaluationFailure, EvaluationRule } from './evaluate-bids';
import type { Quote, QuoteForm } from './quote.value-object';

/** What a round records. Before the close no event carries a price: only commitments. */
export type BiddingRoundEvent =
  | {
      readonly kind: 'bidding-opened';
      readonly biddingId: string;
      readonly at: string;
      readonly deadline: string;
      readonly capFen: number;
      readonly quoteForm: QuoteForm;
      readonly standardFeeFen: number | null;
      readonly evaluation: EvaluationRule;
      readonly minimumValidBids: number;
      readonly winners: number;
    }
  | { readonly kind: 'bid-submitted'; readonly biddingId: string; readonly agencyId: string; readonly commitment: string; readonly at: string }
  | {
      readonly kind: 'bid-replaced';
      readonly biddingId: string;
      readonly agencyId: string;
      readonly previousCommitment: string;
      readonly commitment: string;
      readonly at: string;
    }
  | { readonly kind: 'bid-withdrawn'; readonly biddingId: string; readonly agencyId: string; readonly commitment: string; readonly at: string }
  | {
      readonly kind: 'bidding-closed';
      readonly biddingId: string;
      readonly at: string;
      /** Every live bid with its salt, so anyone can recompute its commitment. */
      readonly revealed: readonly {
        readonly agencyId: string;
        readonly commitment: string;
        readonly quote: Quote;
        readonly servicePeriodDays: number;
        readonly salt: string;
        readonly priceFen: number | null;
        readonly invalidReason: string | null;
      }[];
      readonly evaluation: BidEvaluation;
    }
  | ({ readonly kind: 'bidding-failed'; readonly biddingId: string; readonly at: string } & EvaluationFailure);
