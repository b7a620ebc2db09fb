/** Consecutive wrong passwords before an account locks, and for how long. */
export const LOCKOUT_POLICY = { maxConsecutiveFailures: 5, lockMs: 15 * 60_000 } as const;

export interface LoginFailureState {
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

export function isLocked(state: LoginFailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * One more wrong password. The fifth in a row locks the account for 15 minutes and starts the count again, so
 * after the lock ends an attacker has five more guesses, never a free run.
 */
export function afterFailedLogin(state: LoginFailureState, now: Date, policy = LOCKOUT_POLICY): LoginFailureState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins >= policy.maxConsecutiveFailures) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMs) };
  return { failedLogins, lockedUntil: isLocked(state, now) ? state.lockedUntil : null };
}

export function afterSuccessfulLogin(): LoginFailureState {
  return { failedLogins: 0, lockedUntil: null };
}
