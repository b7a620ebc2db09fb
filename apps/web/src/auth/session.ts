import { useSyncExternalStore } from 'react';

export type Role = 'ADMIN' | 'AGENCY' | 'OWNER' | 'SUPERVISOR';

export interface Account {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string | null;
  readonly status: string;
}

/** What POST /api/identity/login and /refresh answer. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: string;
  readonly account: Account;
}

export interface Session {
  readonly accessToken: string;
  readonly account: Account;
}

/**
 * The access token lives only in memory. The one-time refresh token is kept in sessionStorage so a reload of
 * this tab can resume the session (the identity API rotates it on every use and revokes the family on reuse);
 * closing the tab forgets it.
 */
const REFRESH_KEY = 'mkt.refreshToken';

let session: Session | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function currentSession(): Session | null {
  return session;
}

export function startSession(tokens: SessionTokens): void {
  session = { accessToken: tokens.accessToken, account: tokens.account };
  sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  emit();
}

export function endSession(): void {
  session = null;
  sessionStorage.removeItem(REFRESH_KEY);
  emit();
}

export function storedRefreshToken(): string | null {
  return sessionStorage.getItem(REFRESH_KEY);
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => session,
  );
}
