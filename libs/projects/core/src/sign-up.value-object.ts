import { invalid } from '@mkt/shared/kernel';
import { isBefore, parseInstant } from './instant.value-object';

/**
 * Who may be selected: the agencies that sign up (报名) in a window, or every eligible agency with no sign-up.
 * The window is half-open: sign-up is possible from `opensAt` up to, not at, `closesAt`.
 */
export type SignUpRule = { readonly mode: 'WINDOW'; readonly opensAt: string; readonly closesAt: string } | { readonly mode: 'ALL_ELIGIBLE' };

export type SignUpRuleInput = { mode: 'WINDOW'; opensAt: string; closesAt: string } | { mode: 'ALL_ELIGIBLE' };

export function parseSignUpRule(input: SignUpRuleInput, field = 'signUp'): SignUpRule {
  const mode = (input as { mode?: unknown } | null)?.mode;
  if (mode === 'ALL_ELIGIBLE') return { mode };
  if (mode !== 'WINDOW') throw invalid('PROJECTS.INVALID_SIGN_UP', 'sign-up is WINDOW (with opensAt, closesAt) or ALL_ELIGIBLE', `${field}.mode`);
  const window = input as Extract<SignUpRuleInput, { mode: 'WINDOW' }>;
  const opensAt = parseInstant(window.opensAt, `${field}.opensAt`);
  const closesAt = parseInstant(window.closesAt, `${field}.closesAt`);
  if (!isBefore(opensAt, closesAt)) throw invalid('PROJECTS.INVALID_SIGN_UP', 'the sign-up window must close after it opens', `${field}.closesAt`);
  return { mode, opensAt, closesAt };
}
