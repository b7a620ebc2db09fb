import { conflict, invalid } from '@mkt/shared/kernel';
import { commitmentMustBeWellFormed, saltMustBeValid, verifyBidAgainstCommitment, type SealedBid } from './bid-commitment';
import type { BiddingRoundEvent } from './bidding-round.event';
import { evaluateBids, evaluationRuleMustBeSound, type BidEvaluation, type EvaluableBid, type EvaluationRule } from './evaluate-bids';
import { effectivePriceFen, isWholeFen, QUOTE_FORMS, type QuoteForm } from './quote.value-object';
import { quoteMustRespectCap } from './rules/quote-must-respect-cap.rule';

export interface BiddingRules {
  readonly biddingId: string;
  /** ISO 8601 instant with an offset; a bid is late at or after it, to the millisecond. */
  readonly deadline: string;
  readonly capFen: number;
  readonly quoteForm: QuoteForm;
  /** The item's standard fee a discount rate applies to; may be null when quotes are amounts. */
  readonly standardFeeFen: number | null;
  readonly evaluation: EvaluationRule;
  readonly minimumValidBids: number;
  readonly winners: number;
}

/** A bid as sealed by its agency: the content and the salt its commitment was made with. Kept unread until the close. */
export interface SealedEnvelope {
  readonly bid: SealedBid;
  readonly salt: string;
}

export type SubmissionStatus = 'LIVE' | 'REPLACED' | 'WITHDRAWN';

export interface Submission {
  readonly agencyId: string;
  readonly commitment: string;
  readonly sealed: SealedEnvelope;
  readonly submittedAt: string;
  readonly status: SubmissionStatus;
  readonly endedAt: string | null;
}

export type InvalidBidReason = 'COMMITMENT_MISMATCH' | 'WRONG_QUOTE_FORM' | 'ABOVE_CAP' | 'MALFORMED_BID' | 'BIDDER_NOT_ELIGIBLE';

export interface RevealedBid {
  readonly agencyId: string;
  readonly commitment: string;
  readonly sealed: SealedEnvelope;
  /** Null when the bid is invalid. */
  readonly priceFen: number | null;
  readonly invalid: { readonly reason: InvalidBidReason; readonly detail: string } | null;
}

export interface BiddingRoundState {
  readonly rules: BiddingRules;
  readonly openedAt: string;
  readonly status: 'OPEN' | 'CLOSED';
  /** Every submission in arrival order, replaced and withdrawn ones included: the record of what happened. */
  readonly submissions: readonly Submission[];
  readonly closedAt: string | null;
  readonly revealed: readonly RevealedBid[];
  readonly evaluation: BidEvaluation | null;
}

export interface BiddingRoundStep {
  readonly round: BiddingRound;
  readonly events: readonly BiddingRoundEvent[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function instantMs(value: string, field: string): number {
  const ms = typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw invalid('BIDDING.INVALID_INSTANT', `${field} is an ISO 8601 instant with an offset`, field);
  return ms;
}

function wholeAtLeastOne(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid('BIDDING.INVALID_RULES', `${field} is a whole number ≥ 1`, field);
}

/** Rule: a bid is accepted only strictly before the deadline; at the deadline's millisecond it is late. */
export function bidMustArriveBeforeDeadline(deadline: string, now: string): void {
  if (instantMs(now, 'now') >= instantMs(deadline, 'deadline')) throw conflict('BIDDING.DEADLINE_PASSED', `bids closed at ${deadline}`);
}

/** Rule: a round closes, and bids are revealed, only at or after the deadline. */
export function roundMustCloseAfterDeadline(deadline: string, now: string): void {
  if (instantMs(now, 'now') < instantMs(deadline, 'deadline')) throw conflict('BIDDING.DEADLINE_NOT_REACHED', `bids stay sealed until ${deadline}`);
}

/** Rule: bids are taken, replaced and withdrawn only while the round is open. */
export function roundMustBeOpen(status: BiddingRoundState['status']): void {
  if (status !== 'OPEN') throw conflict('BIDDING.ROUND_CLOSED', 'the round is closed');
}

/**
 * Rule: a sealed envelope is accepted only in time, into an open round, well formed, naming this agency and
 * this round, in the round's quote form and within its cap. Messages never repeat the quoted price.
 */
export function envelopeMustBeAcceptable(rules: BiddingRules, status: BiddingRoundState['status'], agencyId: string, envelope: SealedEnvelope, commitment: string, now: string): void {
  // Deadline first: a late bid is told it is late, whether or not the round has been closed yet.
  bidMustArriveBeforeDeadline(rules.deadline, now);
  roundMustBeOpen(status);
  commitmentMustBeWellFormed(commitment);
  saltMustBeValid(envelope?.salt);
  const bid = envelope.bid;
  if (bid?.agencyId !== agencyId) throw invalid('BIDDING.BID_NOT_FOR_THIS_ROUND', 'the sealed bid names another agency', 'bid.agencyId');
  if (bid.biddingId !== rules.biddingId) throw invalid('BIDDING.BID_NOT_FOR_THIS_ROUND', 'the sealed bid names another bidding', 'bid.biddingId');
  if (bid.quote?.form !== rules.quoteForm) throw invalid('BIDDING.WRONG_QUOTE_FORM', `this round takes ${rules.quoteForm} quotes`, 'quote.form');
  quoteMustRespectCap(bid.quote, rules.capFen, rules.standardFeeFen);
  if (!Number.isSafeInteger(bid.servicePeriodDays) || bid.servicePeriodDays < 1)
    throw invalid('BIDDING.INVALID_SERVICE_PERIOD', 'the service period is a whole number of days ≥ 1', 'bid.servicePeriodDays');
  if (bid.note !== undefined && bid.note !== null && typeof bid.note !== 'string') throw invalid('BIDDING.INVALID_NOTE', 'a note is text', 'bid.note');
}

/** Rule: a live bid is withdrawn only before the deadline, from an open round. */
export function withdrawalMustBeAllowed(rules: BiddingRules, status: BiddingRoundState['status'], now: string): void {
  bidMustArriveBeforeDeadline(rules.deadline, now);
  roundMustBeOpen(status);
}

/** Rule: an agency has at most one live bid in a round; a second one replaces or follows a withdrawal. */
export function agencyMayHaveOneLiveBid(hasLiveBid: boolean): void {
  if (hasLiveBid) throw conflict('BIDDING.ALREADY_BID', 'an agency has one live bid; replace or withdraw it', 'agencyId');
}

/**
 * A sealed bidding round (竞价). Pure: each method returns the next round and what happened; the service
 * persists `state` and publishes the events. Until the close, nothing returned in events carries a price.
 */
export class BiddingRound {
  private constructor(readonly state: BiddingRoundState) {}

  static restore(state: BiddingRoundState): BiddingRound {
    return new BiddingRound(state);
  }

  static open(rules: BiddingRules, now: string): BiddingRoundStep {
    if (typeof rules.biddingId !== 'string' || rules.biddingId.trim() === '') throw invalid('BIDDING.INVALID_RULES', 'a bidding id is required', 'biddingId');
    if (instantMs(rules.deadline, 'deadline') <= instantMs(now, 'now')) throw invalid('BIDDING.DEADLINE_NOT_AHEAD', 'the deadline must be in the future', 'deadline');
    if (!isWholeFen(rules.capFen) || rules.capFen <= 0) throw invalid('BIDDING.INVALID_RULES', 'the cap is a positive whole number of fen', 'capFen');
    const feeNeeded = rules.quoteForm === 'DISCOUNT_RATE';
    if ((feeNeeded || rules.standardFeeFen !== null) && (!isWholeFen(rules.standardFeeFen) || rules.standardFeeFen <= 0))
      throw invalid('BIDDING.INVALID_RULES', 'the standard fee is a positive whole number of fen (required for discount-rate quotes)', 'standardFeeFen');
    if (!QUOTE_FORMS.includes(rules.quoteForm)) throw invalid('BIDDING.INVALID_RULES', 'the quote form is AMOUNT or DISCOUNT_RATE', 'quoteForm');
    evaluationRuleMustBeSound(rules.evaluation);
    wholeAtLeastOne(rules.minimumValidBids, 'minimumValidBids');
    wholeAtLeastOne(rules.winners, 'winners');
    const round = new BiddingRound({ rules, openedAt: now, status: 'OPEN', submissions: [], closedAt: null, revealed: [], evaluation: null });
    return { round, events: [{ kind: 'bidding-opened', biddingId: rules.biddingId, at: now, ...withoutId(rules) }] };
  }

  /** The agency's live bid, if any. */
  liveBidOf(agencyId: string): Submission | null {
    return this.state.submissions.find((s) => s.agencyId === agencyId && s.status === 'LIVE') ?? null;
  }

  submit(agencyId: string, bid: SealedEnvelope, commitment: string, now: string): BiddingRoundStep {
    this.envelopeMustBeAcceptable(agencyId, bid, commitment, now);
    agencyMayHaveOneLiveBid(this.liveBidOf(agencyId) !== null);
    const submission: Submission = { agencyId, commitment, sealed: bid, submittedAt: now, status: 'LIVE', endedAt: null };
    return this.step({ submissions: [...this.state.submissions, submission] }, [
      { kind: 'bid-submitted', biddingId: this.state.rules.biddingId, agencyId, commitment, at: now },
    ]);
  }

  /** Replaces the agency's live bid before the deadline; the old one stays on record as REPLACED. */
  replace(agencyId: string, bid: SealedEnvelope, commitment: string, now: string): BiddingRoundStep {
    this.envelopeMustBeAcceptable(agencyId, bid, commitment, now);
    const previous = this.liveBidOrRefuse(agencyId);
    const submission: Submission = { agencyId, commitment, sealed: bid, submittedAt: now, status: 'LIVE', endedAt: null };
    return this.step({ submissions: [...this.ended(previous, 'REPLACED', now), submission] }, [
      { kind: 'bid-replaced', biddingId: this.state.rules.biddingId, agencyId, previousCommitment: previous.commitment, commitment, at: now },
    ]);
  }

  /** Withdraws the agency's live bid before the deadline; it stays on record as WITHDRAWN and the agency may bid again. */
  withdraw(agencyId: string, now: string): BiddingRoundStep {
    withdrawalMustBeAllowed(this.state.rules, this.state.status, now);
    const previous = this.liveBidOrRefuse(agencyId);
    return this.step({ submissions: this.ended(previous, 'WITHDRAWN', now) }, [
      { kind: 'bid-withdrawn', biddingId: this.state.rules.biddingId, agencyId, commitment: previous.commitment, at: now },
    ]);
  }

  /** Reveals every live bid, checks it against its commitment, form and cap, and evaluates the valid ones. */
  /**
   * `ineligible`: agencies that were admitted when they bid but no longer may win at the close (suspended,
   * blacklisted, qualification lapsed), with the reason; their bids are opened and shown, and set aside as invalid.
   */
  close(now: string, ineligible: ReadonlyMap<string, string> = new Map()): BiddingRoundStep {
    this.mustBeOpen();
    const { rules } = this.state;
    roundMustCloseAfterDeadline(rules.deadline, now);
    const revealed = this.state.submissions.filter((s) => s.status === 'LIVE').map((s) => this.reveal(s, ineligible.get(s.agencyId)));
    const valid: EvaluableBid[] = revealed.filter((r) => r.invalid === null).map((r) => ({ agencyId: r.agencyId, priceFen: r.priceFen as number }));
    const evaluation = evaluateBids(valid, rules.evaluation, rules.minimumValidBids, rules.winners);
    const events: BiddingRoundEvent[] = [
      {
        kind: 'bidding-closed',
        biddingId: rules.biddingId,
        at: now,
        revealed: revealed.map((r) => ({
          agencyId: r.agencyId,
          commitment: r.commitment,
          quote: r.sealed.bid.quote,
          servicePeriodDays: r.sealed.bid.servicePeriodDays,
          salt: r.sealed.salt,
          priceFen: r.priceFen,
          invalidReason: r.invalid?.reason ?? null,
        })),
        evaluation,
      },
    ];
    if (evaluation.failure) events.push({ kind: 'bidding-failed', biddingId: rules.biddingId, at: now, ...evaluation.failure });
    return this.step({ status: 'CLOSED', closedAt: now, revealed, evaluation }, events);
  }

  private reveal(s: Submission, ineligibleBecause?: string): RevealedBid {
    const { rules } = this.state;
    const base = { agencyId: s.agencyId, commitment: s.commitment, sealed: s.sealed };
    const refused = (reason: InvalidBidReason, detail: string): RevealedBid => ({ ...base, priceFen: null, invalid: { reason, detail } });
    if (!verifyBidAgainstCommitment(s.sealed.bid, s.sealed.salt, s.commitment))
      return refused('COMMITMENT_MISMATCH', 'the revealed bid and salt do not reproduce the commitment');
    if (ineligibleBecause !== undefined) return refused('BIDDER_NOT_ELIGIBLE', ineligibleBecause);
    // Re-checked here because state may come back from storage: the close trusts only what it verifies.
    if (s.sealed.bid.quote.form !== rules.quoteForm) return refused('WRONG_QUOTE_FORM', `this round takes ${rules.quoteForm} quotes`);
    try {
      quoteMustRespectCap(s.sealed.bid.quote, rules.capFen, rules.standardFeeFen);
    } catch (e) {
      return refused((e as { code?: string }).code === 'BIDDING.QUOTE_ABOVE_CAP' ? 'ABOVE_CAP' : 'MALFORMED_BID', (e as Error).message);
    }
    return { ...base, priceFen: effectivePriceFen(s.sealed.bid.quote, rules.standardFeeFen), invalid: null };
  }

  private envelopeMustBeAcceptable(agencyId: string, envelope: SealedEnvelope, commitment: string, now: string): void {
    envelopeMustBeAcceptable(this.state.rules, this.state.status, agencyId, envelope, commitment, now);
  }

  private mustBeOpen(): void {
    roundMustBeOpen(this.state.status);
  }

  private liveBidOrRefuse(agencyId: string): Submission {
    const live = this.liveBidOf(agencyId);
    if (!live) throw conflict('BIDDING.NO_LIVE_BID', 'the agency has no live bid', 'agencyId');
    return live;
  }

  private ended(previous: Submission, status: SubmissionStatus, now: string): Submission[] {
    return this.state.submissions.map((s) => (s === previous ? { ...s, status, endedAt: now } : s));
  }

  private step(patch: Partial<BiddingRoundState>, events: BiddingRoundEvent[]): BiddingRoundStep {
    return { round: new BiddingRound({ ...this.state, ...patch }), events };
  }
}

function withoutId(rules: BiddingRules): Omit<BiddingRules, 'biddingId'> {
  return {
    deadline: rules.deadline,
    capFen: rules.capFen,
    quoteForm: rules.quoteForm,
    standardFeeFen: rules.standardFeeFen,
    evaluation: rules.evaluation,
    minimumValidBids: rules.minimumValidBids,
    winners: rules.winners,
  };
}
