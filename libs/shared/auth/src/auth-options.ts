import type { AuthKeys } from './signing-keys';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface ResolvedAuthOptions {
  readonly keys: AuthKeys;
  readonly tokenTtlSeconds: number;
  readonly clock: { now(): Date };
}
