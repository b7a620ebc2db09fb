import { invalid } from '@mkt/shared/kernel';
import { isBefore } from '../instant.value-object';
import type { SelectionRule } from '../selection-rule.value-object';
import type { SignUpRule } from '../sign-up.value-object';

/** Rule: bidding stays open after sign-up closes, so that every agency that signed up can still bid. */
export function bidDeadlineMustFollowSignUp(selection: SelectionRule, signUp: SignUpRule): void {
  if (selection.method === 'BIDDING' && signUp.mode === 'WINDOW' && !isBefore(signUp.closesAt, selection.bidDeadline)) {
    throw invalid('PROJECTS.BID_DEADLINE_BEFORE_SIGN_UP_CLOSE', 'the bid deadline must come after the sign-up window closes', 'selection.bidDeadline');
  }
}
