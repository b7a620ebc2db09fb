import { invalid } from '@mkt/shared/kernel';
import { isBefore } from '../instant.value-object';
import type { SignUpRule } from '../sign-up.value-object';

/**
 * Rule: an amendment after publication reopens sign-up: a windowed project's close moves later, so that agencies
 * can react to the new terms (sign up, or withdraw). Its length from now is `signUpWindowMustBeLongEnough`'s.
 */
export function amendmentMustExtendSignUp(before: SignUpRule, after: SignUpRule): void {
  if (before.mode !== 'WINDOW' || after.mode !== 'WINDOW') return;
  if (!isBefore(before.closesAt, after.closesAt)) {
    throw invalid('PROJECTS.AMENDMENT_MUST_EXTEND_SIGN_UP', 'an amendment must move the sign-up close later than it was', 'signUp.closesAt');
  }
  // Agencies may already have signed up; a later opening would shut them out for a while.
  if (isBefore(before.opensAt, after.opensAt)) {
    throw invalid('PROJECTS.AMENDMENT_MUST_EXTEND_SIGN_UP', 'an amendment cannot move the sign-up opening later', 'signUp.opensAt');
  }
}
