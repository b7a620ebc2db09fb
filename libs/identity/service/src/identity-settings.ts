import { LOGIN_RATE_LIMITS, type RateLimit } from '@mkt/identity/core';
import type { ServiceModuleOptions } from '@mkt/shared/messaging';
import type { CookieSecurity } from './application/http/session-cookies';
import { DEFAULT_SCRYPT, type ScryptParameters } from './infrastructure/scrypt-password.hasher';

export interface IdentityModuleOptions extends ServiceModuleOptions {
  /** scrypt cost; tests may lower it for speed, production keeps the default (N = 2^17, r = 8, p = 1). */
  readonly passwordHashing?: ScryptParameters;
  readonly loginRateLimits?: { readonly perAddress: RateLimit; readonly perAccount: RateLimit };
  /** Sign-ups per client address. */
  readonly signUpRateLimit?: RateLimit;
  /**
   * Proxies in front of this service that append to X-Forwarded-For (the gateway: 1). With 0 the peer address is
   * the client's; never set it higher than the real number of proxies, or clients could choose their address.
   */
  readonly trustedProxyHops?: number;
  /** The refresh cookie's Secure attribute (see session-cookies.ts); default `auto`. */
  readonly refreshCookieSecure?: CookieSecurity;
}

export interface IdentitySettings {
  readonly passwordHashing: ScryptParameters;
  readonly loginRateLimits: { readonly perAddress: RateLimit; readonly perAccount: RateLimit };
  readonly signUpRateLimit: RateLimit;
  readonly trustedProxyHops: number;
  readonly refreshCookieSecure: CookieSecurity;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');

export function identitySettings(options: IdentityModuleOptions, env: NodeJS.ProcessEnv = process.env): IdentitySettings {
  return {
    passwordHashing: options.passwordHashing ?? DEFAULT_SCRYPT,
    loginRateLimits: options.loginRateLimits ?? LOGIN_RATE_LIMITS,
    signUpRateLimit: options.signUpRateLimit ?? { limit: 10, windowMs: 3600_000 },
    trustedProxyHops: options.trustedProxyHops ?? Number(env['IDENTITY_TRUSTED_PROXY_HOPS'] ?? 0),
    refreshCookieSecure: options.refreshCookieSecure ?? cookieSecurityOf(env['IDENTITY_REFRESH_COOKIE_SECURE']),
  };
}

function cookieSecurityOf(value: string | undefined): CookieSecurity {
  const given = (value ?? '').trim() || 'auto';
  if (given === 'auto' || given === 'always' || given === 'never') return given;
  throw new Error(`IDENTITY_REFRESH_COOKIE_SECURE must be auto, always or never, got "${value}"`);
}
