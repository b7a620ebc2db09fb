export { bidderMustBeEligible, type BidderStanding, type BidRefusal } from './bidder-must-be-eligible.rule';
export { effectivePriceFen, quoteMustBeWellFormed, QUOTE_FORMS, type Quote, type QuoteForm } from './quote.value-object';
export { quoteMustRespectCap } from './rules/quote-must-respect-cap.rule';
export { bidCommitment, verifyBidAgainstCommitment, saltMustBeValid, commitmentMustBeWellFormed, type SealedBid } from './bid-commitment';
export {
  evaluateBids,
  evaluationRuleMustBeSound,
  applyTieBreak,
  winnersFrom,
  type EvaluationRule,
  type EvaluableBid,
  type MeanOfValidBids,
  type SetAsideBid,
  type RankedBid,
  type TiedGroup,
  type EvaluationFailure,
  type BidEvaluation,
} from './evaluate-bids';
export {
  BiddingRound,
  bidMustArriveBeforeDeadline,
  envelopeMustBeAcceptable,
  withdrawalMustBeAllowed,
  roundMustBeOpen,
  agencyMayHaveOneLiveBid,
  roundMustCloseAfterDeadline,
  type BiddingRules,
  type BiddingRoundState,
  type BiddingRoundStep,
  type SealedEnvelope,
  type Submission,
  type SubmissionStatus,
  type RevealedBid,
  type InvalidBidReason,
} from './bidding-round';
export type { BiddingRoundEvent } from './bidding-round.event';
