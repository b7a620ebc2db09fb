export { BIDDING_PRODUCER, BIDDING_TOPIC, BIDDING_TOPICS } from './topics';
export type { QuoteV1, EvaluationRuleV1 } from './schemas';
export { BiddingOpenedV1 } from './bidding-opened.v1.event';
export { BidSubmittedV1, BidReplacedV1, BidWithdrawnV1 } from './bid-sealed.v1.events';
export { BiddingClosedV1 } from './bidding-closed.v1.event';
export { TieBreakRequestedV1 } from './tie-break-requested.v1.event';
export { BiddingDecidedV1 } from './bidding-decided.v1.event';
