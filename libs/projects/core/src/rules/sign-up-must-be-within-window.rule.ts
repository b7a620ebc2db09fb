import { conflict } from '@mkt/shared/kernel';
import { isBefore } from '../instant.value-object';
import type { SignUpRule } from '../sign-up.value-object';

/** Rule: signing up and withdrawing happen in the window: from its opening up to, not at, its close. */
export function signUpMustBeWithinWindow(signUp: SignUpRule, now: string): void {
  if (signUp.mode !== 'WINDOW') throw conflict('PROJECTS.NO_SIGN_UP', 'this project is open to every eligible agency without sign-up', 'signUp.mode');
  if (isBefore(now, signUp.opensAt)) throw conflict('PROJECTS.SIGN_UP_NOT_OPEN', `sign-up opens at ${signUp.opensAt}`, 'signUp.opensAt');
  if (!isBefore(now, signUp.closesAt)) throw conflict('PROJECTS.SIGN_UP_CLOSED', `sign-up closed at ${signUp.closesAt}`, 'signUp.closesAt');
}

/** Rule: the window closes (and selection starts) only once its closing time has come. */
export function signUpMustHaveClosed(signUp: SignUpRule, now: string): void {
  if (signUp.mode !== 'WINDOW') throw conflict('PROJECTS.NO_SIGN_UP', 'this project has no sign-up window; the owner requests selection', 'signUp.mode');
  if (isBefore(now, signUp.closesAt)) throw conflict('PROJECTS.TOO_EARLY', `sign-up closes at ${signUp.closesAt}`, 'signUp.closesAt');
}
