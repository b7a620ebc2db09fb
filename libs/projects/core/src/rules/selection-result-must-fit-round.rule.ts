import { conflict, invalid } from '@mkt/shared/kernel';
import type { ProjectTerms } from '../project-terms.value-object';
import type { Candidate, Quote, SelectionResult, SelectionSource } from '../selection-result.value-object';
import { requiredText, wholeNumberIn } from '../text';
import { candidateMustBeAllowed, type CandidateScreen } from './candidate-must-be-allowed.rule';

export type ResultVerdict =
  | { readonly outcome: 'SELECTED'; readonly source: SelectionSource; readonly winners: readonly Candidate[]; readonly succession: readonly Candidate[] }
  | {
      readonly outcome: 'FAILED';
      readonly source: SelectionSource;
      readonly reason: 'TOO_FEW_CANDIDATES' | 'TOO_FEW_VALID_BIDS';
      readonly required: number;
      readonly actual: number;
    };

function idsMustBeDistinct(ids: readonly string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw invalid('PROJECTS.INVALID_SELECTION_RESULT', `agency ${id} appears twice in the result`, `candidates[${i}]`);
    seen.add(id);
  });
}

function quoteMustFit(quote: Quote, terms: ProjectTerms, field: string): Quote {
  if (terms.selection.method !== 'BIDDING' || quote?.form !== terms.selection.quoteForm) {
    throw invalid('PROJECTS.INVALID_SELECTION_RESULT', 'a quote must have the form the project announced', `${field}.form`);
  }
  if (quote.form === 'AMOUNT') {
    if (!Number.isSafeInteger(quote.amountFen) || quote.amountFen <= 0 || quote.amountFen > terms.budgetCapFen) {
      throw invalid('PROJECTS.INVALID_SELECTION_RESULT', 'a winning amount is a positive number of fen within the budget cap', `${field}.amountFen`);
    }
    return { form: 'AMOUNT', amountFen: quote.amountFen };
  }
  if (typeof quote.rate !== 'number' || !(quote.rate >= 0 && quote.rate < 1)) {
    throw invalid('PROJECTS.INVALID_SELECTION_RESULT', 'a discount rate is a fraction from 0 up to, not including, 1', `${field}.rate`);
  }
  return { form: 'DISCOUNT_RATE', rate: quote.rate };
}

/**
 * Rule: a selection result is applied only to the round it was made for, with the method the project announced,
 * and only over agencies the round allowed. Too few candidates or valid bids is a failed round (流标), not an error;
 * a result that contradicts the rules is refused, so the consumer parks it for a supervisor to see.
 */
export function selectionResultMustFitRound(result: SelectionResult, round: number, terms: ProjectTerms, screen: CandidateScreen): ResultVerdict {
  const rule = terms.selection;
  if (result?.method !== rule.method) {
    throw invalid('PROJECTS.METHOD_MISMATCH', `this project selects by ${rule.method}, not ${String(result?.method)}`, 'method');
  }
  if (result.round !== round) {
    throw conflict('PROJECTS.STALE_SELECTION_RESULT', `the result is for round ${result.round}; the project is in round ${round}`, 'round');
  }
  if (result.method === 'BIDDING' && rule.method === 'BIDDING') {
    const source: SelectionSource = {
      kind: 'BIDDING',
      biddingId: requiredText(result.biddingId, 'biddingId', 100),
      validBidCount: wholeNumberIn(result.validBidCount, 0, Number.MAX_SAFE_INTEGER, 'validBidCount'),
    };
    if (!Array.isArray(result.rankedBids) || result.rankedBids.length > source.validBidCount) {
      throw invalid('PROJECTS.INVALID_SELECTION_RESULT', 'ranked bids are a list no longer than the count of valid bids', 'rankedBids');
    }
    if (source.validBidCount < rule.minimumValidBids) {
      return { outcome: 'FAILED', source, reason: 'TOO_FEW_VALID_BIDS', required: rule.minimumValidBids, actual: source.validBidCount };
    }
    // Enough valid bids, but too many set aside as abnormally low to fill every winner's place.
    if (result.rankedBids.length < rule.winners) {
      return { outcome: 'FAILED', source, reason: 'TOO_FEW_VALID_BIDS', required: rule.winners, actual: result.rankedBids.length };
    }
    const ranked = result.rankedBids.map((bid, i) => ({
      agencyId: candidateMustBeAllowed(bid?.agencyId, screen, `rankedBids[${i}].agencyId`),
      quote: quoteMustFit(bid?.quote, terms, `rankedBids[${i}].quote`),
    }));
    idsMustBeDistinct(ranked.map((c) => c.agencyId));
    return { outcome: 'SELECTED', source, winners: ranked.slice(0, rule.winners), succession: ranked.slice(rule.winners) };
  }
  if ((result.method === 'RANDOM_DRAW' || result.method === 'CREDIT_WEIGHTED_DRAW') && (rule.method === 'RANDOM_DRAW' || rule.method === 'CREDIT_WEIGHTED_DRAW')) {
    const source: SelectionSource = {
      kind: 'DRAW',
      drawId: requiredText(result.drawId, 'drawId', 100),
      poolSize: wholeNumberIn(result.poolSize, 0, Number.MAX_SAFE_INTEGER, 'poolSize'),
    };
    // With sign-up the pool is drawn from those who signed up; a larger pool was frozen over the wrong agencies.
    if (screen.signedUp && source.poolSize > screen.signedUp.length) {
      throw invalid('PROJECTS.INVALID_SELECTION_RESULT', `the pool cannot exceed the ${screen.signedUp.length} agencies that signed up`, 'poolSize');
    }
    if (source.poolSize < rule.minimumCandidates) {
      return { outcome: 'FAILED', source, reason: 'TOO_FEW_CANDIDATES', required: rule.minimumCandidates, actual: source.poolSize };
    }
    if (!Array.isArray(result.winners) || result.winners.length !== rule.winners) {
      throw invalid('PROJECTS.INVALID_SELECTION_RESULT', `the draw must name exactly ${rule.winners} winner(s)`, 'winners');
    }
    const maxAlternates = Math.min(rule.alternates, source.poolSize - rule.winners);
    if (!Array.isArray(result.alternates) || result.alternates.length > maxAlternates) {
      throw invalid('PROJECTS.INVALID_SELECTION_RESULT', `the draw may name at most ${maxAlternates} alternate(s)`, 'alternates');
    }
    const winners = result.winners.map((id, i) => ({ agencyId: candidateMustBeAllowed(id, screen, `winners[${i}]`), quote: null }));
    const succession = result.alternates.map((id, i) => ({ agencyId: candidateMustBeAllowed(id, screen, `alternates[${i}]`), quote: null }));
    idsMustBeDistinct([...winners, ...succession].map((c) => c.agencyId));
    return { outcome: 'SELECTED', source, winners, succession };
  }
  // Direct selection has no result message: the owner chooses through the aggregate.
  throw invalid('PROJECTS.METHOD_MISMATCH', `a ${rule.method} project receives no selection result`, 'method');
}
