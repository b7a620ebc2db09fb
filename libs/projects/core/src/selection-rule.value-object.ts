import { invalid } from '@mkt/shared/kernel';
import { parseInstant } from './instant.value-object';
import { requiredText, wholeNumberIn } from './text';

export type SelectionMethod = 'RANDOM_DRAW' | 'BIDDING' | 'CREDIT_WEIGHTED_DRAW' | 'DIRECT_SELECTION';
export const SELECTION_METHODS: readonly SelectionMethod[] = ['RANDOM_DRAW', 'BIDDING', 'CREDIT_WEIGHTED_DRAW', 'DIRECT_SELECTION'];

/** How bids are ranked (DESIGN: Bidding). */
export type BidEvaluation =
  | { readonly rule: 'LOWEST_PRICE' }
  /** Bids below `abnormallyLowFraction` × the mean of valid bids are set aside as abnormally low. */
  | { readonly rule: 'REASONABLE_LOW'; readonly abnormallyLowFraction: number }
  | { readonly rule: 'CLOSEST_TO_AVERAGE' };

/** A quote is an amount, or a discount rate off the item's standard fee (下浮率). */
export type QuoteForm = 'AMOUNT' | 'DISCOUNT_RATE';

export interface DrawParameters {
  /** Winners k. */
  readonly winners: number;
  /** Ordered alternates m (候补), used in order when a winner declines. */
  readonly alternates: number;
  /** Fewer candidates than this in the frozen pool (or signed up) and the round fails (流标). */
  readonly minimumCandidates: number;
  /**
   * People the owner invites to witness the draw besides itself and a supervisor (a notary, a deputy), each
   * entering a value in their own slot. Absent when there are none, so rules written before observers existed
   * compare equal to their re-parsed selves.
   */
  readonly observers?: readonly DrawObserver[];
  /**
   * Where the draw's entropy comes from: witnesses' values, or the drand beacon of the round the commitment fixes.
   * Absent for witnesses (the default), so rules written before the choice existed compare equal to their
   * re-parsed selves.
   */
  readonly entropySource?: 'drand';
}

/**
 * Where a draw's entropy comes from (docs/draw-protocol.md §3): `witnesses` — the owner, a supervisor and any named
 * observers enter values after the commitment — or `drand`, the public randomness beacon's round fixed by the
 * commitment, which nobody here can choose or withhold.
 */
export type EntropySource = 'witnesses' | 'drand';
export const ENTROPY_SOURCES: readonly EntropySource[] = ['witnesses', 'drand'];

/** A witness named by account: the identity account id and the label the public record shows. */
export interface DrawObserver {
  readonly userId: string;
  readonly label: string;
}

/** The draw service commits to at most this many observers (its contract says the same). */
export const MAX_DRAW_OBSERVERS = 5;
const MAX_OBSERVER_LABEL = 60;
const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Line breaks and control characters have no place in a name printed on a public record.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** The rule a project announces; fixed at publication, changed only by a recorded amendment. */
export type SelectionRule =
  | ({ readonly method: 'RANDOM_DRAW' } & DrawParameters)
  | ({
      readonly method: 'CREDIT_WEIGHTED_DRAW';
      /** Agencies scoring below this drop out before the draw. */
      readonly minimumCreditScore: number;
      /** Identifier of the published weight function, e.g. `credit-linear/v1`. */
      readonly weightFunction: string;
    } & DrawParameters)
  | {
      readonly method: 'BIDDING';
      readonly winners: number;
      /** Fewer valid bids than this and the round fails (流标). */
      readonly minimumValidBids: number;
      readonly evaluation: BidEvaluation;
      readonly quoteForm: QuoteForm;
      /** Sealed bids until this instant (UTC ISO). */
      readonly bidDeadline: string;
    }
  | {
      readonly method: 'DIRECT_SELECTION';
      /** Written justification, shown to supervisors and flagged in statistics. */
      readonly justification: string;
    };

/** What a caller may send; numbers and strings are checked, not trusted. */
export type SelectionRuleInput =
  | { method: 'RANDOM_DRAW'; winners: number; alternates: number; minimumCandidates: number; observers?: readonly DrawObserver[]; entropySource?: EntropySource }
  | {
      method: 'CREDIT_WEIGHTED_DRAW';
      winners: number;
      alternates: number;
      minimumCandidates: number;
      minimumCreditScore: number;
      weightFunction: string;
      observers?: readonly DrawObserver[];
      entropySource?: EntropySource;
    }
  | { method: 'BIDDING'; winners?: number; minimumValidBids: number; evaluation: BidEvaluation; quoteForm: QuoteForm; bidDeadline: string }
  | { method: 'DIRECT_SELECTION'; justification: string };

/** Credit scores are bounded 0–100 (docs/credit-score.md, credit/v1). */
export const MAX_CREDIT_SCORE = 100;
const MAX_WINNERS = 20;
const MAX_ALTERNATES = 50;
const MAX_MINIMUM = 500;

function drawParameters(input: { winners: unknown; alternates: unknown; minimumCandidates: unknown; observers?: unknown; entropySource?: unknown }, field: string): DrawParameters {
  const winners = wholeNumberIn(input.winners, 1, MAX_WINNERS, `${field}.winners`, 'PROJECTS.INVALID_SELECTION');
  const alternates = wholeNumberIn(input.alternates, 0, MAX_ALTERNATES, `${field}.alternates`, 'PROJECTS.INVALID_SELECTION');
  const minimumCandidates = wholeNumberIn(input.minimumCandidates, 1, MAX_MINIMUM, `${field}.minimumCandidates`, 'PROJECTS.INVALID_SELECTION');
  if (minimumCandidates < winners) {
    throw invalid('PROJECTS.INVALID_SELECTION', 'the minimum number of candidates cannot be below the number of winners', `${field}.minimumCandidates`);
  }
  const entropySource = input.entropySource ?? 'witnesses';
  if (!(ENTROPY_SOURCES as readonly unknown[]).includes(entropySource)) {
    throw invalid('PROJECTS.INVALID_SELECTION', `the entropy source is one of ${ENTROPY_SOURCES.join(', ')}`, `${field}.entropySource`);
  }
  const observers = drawObservers(input.observers, `${field}.observers`);
  if (entropySource === 'drand') {
    // Observers witness by entering values; a drand draw takes none, and naming people who could not witness would mislead.
    if (observers.length > 0) throw invalid('PROJECTS.INVALID_OBSERVERS', 'observers witness by entering values: a draw on the drand beacon has no witnesses', `${field}.observers`);
    return { winners, alternates, minimumCandidates, entropySource };
  }
  return observers.length > 0 ? { winners, alternates, minimumCandidates, observers } : { winners, alternates, minimumCandidates };
}

/** Only draws take an entropy source; bidding and direct selection saying one would announce a choice that does nothing. */
function noEntropySource(input: unknown, field: string): void {
  const given = (input as { entropySource?: unknown }).entropySource;
  if (given !== undefined && given !== null) throw invalid('PROJECTS.INVALID_SELECTION', 'only a draw takes an entropy source', `${field}.entropySource`);
}

/** At most five, each an identity account id (a UUID) named once, with a printable label of 1 to 60 characters. */
function drawObservers(input: unknown, field: string): DrawObserver[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw invalid('PROJECTS.INVALID_OBSERVERS', 'observers are a list of { userId, label }', field);
  if (input.length > MAX_DRAW_OBSERVERS) throw invalid('PROJECTS.INVALID_OBSERVERS', `a draw names at most ${MAX_DRAW_OBSERVERS} observers`, field);
  const observers: DrawObserver[] = [];
  for (const [i, raw] of input.entries()) {
    const userId = typeof raw?.userId === 'string' ? raw.userId.trim().toLowerCase() : '';
    if (!ACCOUNT_ID.test(userId)) throw invalid('PROJECTS.INVALID_OBSERVERS', 'an observer is named by their account id (a UUID)', `${field}[${i}].userId`);
    if (observers.some((o) => o.userId === userId)) throw invalid('PROJECTS.INVALID_OBSERVERS', 'this observer is already named', `${field}[${i}].userId`);
    const label = typeof raw?.label === 'string' ? raw.label.trim() : '';
    if (label.length === 0 || label.length > MAX_OBSERVER_LABEL || CONTROL.test(label)) {
      throw invalid('PROJECTS.INVALID_OBSERVERS', `an observer's label is 1 to ${MAX_OBSERVER_LABEL} characters on one line`, `${field}[${i}].label`);
    }
    observers.push({ userId, label });
  }
  return observers;
}

function bidEvaluation(input: unknown, field: string): BidEvaluation {
  const rule = (input as { rule?: unknown } | null)?.rule;
  if (rule === 'LOWEST_PRICE' || rule === 'CLOSEST_TO_AVERAGE') return { rule };
  if (rule === 'REASONABLE_LOW') {
    const fraction = (input as { abnormallyLowFraction?: unknown }).abnormallyLowFraction;
    if (typeof fraction !== 'number' || !Number.isFinite(fraction) || fraction <= 0 || fraction >= 1) {
      throw invalid('PROJECTS.INVALID_SELECTION', 'the abnormally-low threshold is a fraction of the mean strictly between 0 and 1, e.g. 0.8', `${field}.abnormallyLowFraction`);
    }
    return { rule, abnormallyLowFraction: fraction };
  }
  throw invalid('PROJECTS.INVALID_SELECTION', 'the evaluation rule is LOWEST_PRICE, REASONABLE_LOW or CLOSEST_TO_AVERAGE', `${field}.rule`);
}

/** Checks a selection rule on its own; rules that need the budget or the window live in `project-terms`. */
export function parseSelectionRule(input: SelectionRuleInput, field = 'selection'): SelectionRule {
  const method = (input as { method?: unknown } | null)?.method;
  switch (method) {
    case 'RANDOM_DRAW':
      return { method, ...drawParameters(input as DrawParameters, field) };
    case 'CREDIT_WEIGHTED_DRAW': {
      const raw = input as Extract<SelectionRuleInput, { method: 'CREDIT_WEIGHTED_DRAW' }>;
      const minimumCreditScore = raw.minimumCreditScore;
      // Above the score's ceiling nobody could clear the threshold, and the round would fail only after sign-up.
      if (typeof minimumCreditScore !== 'number' || !Number.isFinite(minimumCreditScore) || minimumCreditScore < 0 || minimumCreditScore > MAX_CREDIT_SCORE) {
        throw invalid('PROJECTS.INVALID_SELECTION', `the minimum credit score is a number from 0 to ${MAX_CREDIT_SCORE}`, `${field}.minimumCreditScore`);
      }
      const weightFunction = requiredText(raw.weightFunction, `${field}.weightFunction`, 100);
      return { method, ...drawParameters(raw, field), minimumCreditScore, weightFunction };
    }
    case 'BIDDING': {
      const raw = input as Extract<SelectionRuleInput, { method: 'BIDDING' }>;
      noEntropySource(raw, field);
      const winners = wholeNumberIn(raw.winners ?? 1, 1, MAX_WINNERS, `${field}.winners`, 'PROJECTS.INVALID_SELECTION');
      const minimumValidBids = wholeNumberIn(raw.minimumValidBids, 1, MAX_MINIMUM, `${field}.minimumValidBids`, 'PROJECTS.INVALID_SELECTION');
      if (minimumValidBids < winners) {
        throw invalid('PROJECTS.INVALID_SELECTION', 'the minimum number of valid bids cannot be below the number of winners', `${field}.minimumValidBids`);
      }
      if (raw.quoteForm !== 'AMOUNT' && raw.quoteForm !== 'DISCOUNT_RATE') {
        throw invalid('PROJECTS.INVALID_SELECTION', 'the quote form is AMOUNT or DISCOUNT_RATE', `${field}.quoteForm`);
      }
      return {
        method,
        winners,
        minimumValidBids,
        evaluation: bidEvaluation(raw.evaluation, `${field}.evaluation`),
        quoteForm: raw.quoteForm,
        bidDeadline: parseInstant(raw.bidDeadline, `${field}.bidDeadline`),
      };
    }
    case 'DIRECT_SELECTION':
      noEntropySource(input, field);
      return { method, justification: requiredText((input as { justification?: unknown }).justification, `${field}.justification`, 4000) };
    default:
      throw invalid('PROJECTS.INVALID_SELECTION', `the selection method is one of ${SELECTION_METHODS.join(', ')}`, `${field}.method`);
  }
}

/** Fewer candidates (or valid bids) than this and a round fails (流标). */
export function minimumCandidatesOf(rule: SelectionRule): number {
  switch (rule.method) {
    case 'RANDOM_DRAW':
    case 'CREDIT_WEIGHTED_DRAW':
      return rule.minimumCandidates;
    case 'BIDDING':
      return rule.minimumValidBids;
    case 'DIRECT_SELECTION':
      return 1;
  }
}

/** The entropy source a draw announces; null for the methods that draw nothing. */
export function entropySourceOf(rule: SelectionRule): EntropySource | null {
  if (rule.method !== 'RANDOM_DRAW' && rule.method !== 'CREDIT_WEIGHTED_DRAW') return null;
  return rule.entropySource ?? 'witnesses';
}

/** What a credit-weighted draw announces besides a draw's parameters; null for the other methods. */
export function creditRuleOf(rule: SelectionRule): { readonly minimumCreditScore: number; readonly weightFunction: string } | null {
  return rule.method === 'CREDIT_WEIGHTED_DRAW' ? { minimumCreditScore: rule.minimumCreditScore, weightFunction: rule.weightFunction } : null;
}

export function winnersOf(rule: SelectionRule): number {
  return rule.method === 'DIRECT_SELECTION' ? 1 : rule.winners;
}
