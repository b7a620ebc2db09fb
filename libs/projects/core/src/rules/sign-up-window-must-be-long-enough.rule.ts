import { invalid } from '@mkt/shared/kernel';
import { hoursBetween, isBefore } from '../instant.value-object';
import type { SignUpRule } from '../sign-up.value-object';

/**
 * Rule: when a window is published, amended or reposted, it stays open at least the policy's minimum from then
 * on, so that no window is announced too short for agencies to notice it.
 */
export function signUpWindowMustBeLongEnough(signUp: SignUpRule, now: string, minimumHours: number): void {
  if (signUp.mode !== 'WINDOW') return;
  const from = isBefore(signUp.opensAt, now) ? now : signUp.opensAt;
  const hoursOpen = hoursBetween(from, signUp.closesAt);
  if (hoursOpen <= 0 || hoursOpen < minimumHours) {
    throw invalid('PROJECTS.SIGN_UP_WINDOW_TOO_SHORT', `the sign-up window must stay open at least ${minimumHours} hours from now`, 'signUp.closesAt');
  }
}
