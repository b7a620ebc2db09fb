import { conflict } from '@mkt/shared/kernel';
import { isBefore } from '../instant.value-object';
import type { SelectionRule } from '../selection-rule.value-object';

/** Rule: a bidding round is announced or opened only while its deadline still lies ahead. */
export function bidDeadlineMustBeAhead(selection: SelectionRule, now: string): void {
  if (selection.method === 'BIDDING' && !isBefore(now, selection.bidDeadline)) {
    throw conflict('PROJECTS.BID_DEADLINE_PASSED', 'the bid deadline has passed; amend or repost with a new one', 'selection.bidDeadline');
  }
}

/** Rule: bids are sealed until the deadline, so no bidding result is taken before it. */
export function biddingResultMustFollowDeadline(selection: SelectionRule, now: string): void {
  if (selection.method === 'BIDDING' && isBefore(now, selection.bidDeadline)) {
    throw conflict('PROJECTS.TOO_EARLY', `bids stay sealed until ${selection.bidDeadline}`, 'selection.bidDeadline');
  }
}
