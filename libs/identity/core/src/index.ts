export { ACCOUNT_ROLES, ACCOUNT_STATUSES, SELF_SIGN_UP_ROLES, ORGANISATION_ROLES, type AccountRole, type AccountStatus } from './account-role';
export { Account, type AccountState, type AccountEvent, type NewAccount } from './account.entity';
export { Username } from './username.value-object';
export { passwordMustMeetPolicy, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './rules/password-must-meet-policy.rule';
export { LOCKOUT_POLICY, afterFailedLogin, afterSuccessfulLogin, isLocked, type LoginFailureState } from './rules/login-lockout.rule';
export {
  REFRESH_TOKEN_POLICY,
  decideRefreshTokenRotation,
  nextRefreshTokenExpiry,
  type RefreshTokenRecord,
  type RotationDecision,
} from './rules/refresh-token-rotation.rule';
export { LoginRateLimiter, SlidingWindowRateLimiter, LOGIN_RATE_LIMITS, type RateLimit, type RateDecision } from './login-rate-limiter';
export type { PasswordHasher } from './password-hasher';
