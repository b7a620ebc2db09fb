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

/**
 * What POST /api/identity/login and /refresh answer to the browser: the refresh token itself never reaches this
 * code; identity sets it as an HttpOnly cookie that only /api/identity/refresh and /logout receive.
 */
export interface SessionTokens {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshTokenExpiresAt: string;
  readonly account: Account;
}

export interface Session {
  readonly accessToken: string;
  readonly account: Account;
}

/** The access token lives only in memory; a reload gets a new one through the refresh cookie. */
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
  emit();
}

/** Forgets the in-memory session; the cookies are cleared by identity's answer to /logout or a refused /refresh. */
export function endSession(): void {
  session = null;
  emit();
}

/**
 * Whether this browser holds a refresh cookie worth trying: identity sets the readable, secret-free `mkt_session`
 * cookie beside the HttpOnly one, so a public visitor's page load does not call /refresh for nothing.
 */
export function hasRefreshCookie(): boolean {
  return document.cookie.split(';').some((pair) => pair.trim() === 'mkt_session=1');
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
