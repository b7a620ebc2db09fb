export { bidderMustBeEligible, type BidderStanding, type BidRefusal } from './bidder-must-be-eligible.rule';
