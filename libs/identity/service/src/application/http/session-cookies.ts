import type { CookieOptions, Request, Response } from 'express';
import { DomainError } from '@mkt/shared/kernel';

/** The refresh token, HttpOnly: only the two routes that take it ever receive it (one cookie per path, same value). */
export const REFRESH_COOKIE = 'mkt_refresh';
export const REFRESH_COOKIE_PATHS = ['/api/identity/refresh', '/api/identity/logout'] as const;
/**
 * Readable by the web UI and secret-free ("1"): it tells a reloaded page that a refresh cookie is worth trying,
 * since the UI cannot see the HttpOnly one and should not send every public visitor's first load to /refresh.
 */
export const SESSION_HINT_COOKIE = 'mkt_session';

/**
 * `auto`: Secure unless the client reached a loopback host (http://localhost, 127.0.0.1, [::1]), where browsers
 * other than Chromium drop Secure cookies sent over plain HTTP. `always` / `never` override that.
 */
export type CookieSecurity = 'auto' | 'always' | 'never';

export interface SessionCookiePolicy {
  readonly secure: CookieSecurity;
  /** Proxies in front that set X-Forwarded-Host (the gateway: 1); with 0 the Host header is the client's. */
  readonly trustedProxyHops: number;
}

/** Both cookies are browser-session cookies: the server's own expiry (7 idle days, 30 in all) still bounds them. */
export function setSessionCookies(request: Request, response: Response, refreshToken: string, policy: SessionCookiePolicy): void {
  const base = baseOptions(request, policy);
  for (const path of REFRESH_COOKIE_PATHS) response.cookie(REFRESH_COOKIE, refreshToken, { ...base, path, httpOnly: true });
  response.cookie(SESSION_HINT_COOKIE, '1', { ...base, path: '/', httpOnly: false });
}

export function clearSessionCookies(request: Request, response: Response, policy: SessionCookiePolicy): void {
  const base = baseOptions(request, policy);
  for (const path of REFRESH_COOKIE_PATHS) response.clearCookie(REFRESH_COOKIE, { ...base, path, httpOnly: true });
  response.clearCookie(SESSION_HINT_COOKIE, { ...base, path: '/', httpOnly: false });
}

export function refreshTokenCookieOf(request: Request): string | null {
  return cookieValue(request.headers.cookie, REFRESH_COOKIE);
}

/**
 * A request authenticated by the cookie alone must be JSON. SameSite=Strict already keeps other sites' requests
 * from carrying it; this also refuses what an HTML form can send (urlencoded, multipart, text/plain) from a
 * sibling subdomain, which counts as the same site, since setting a JSON content type needs a CORS preflight
 * that this API never grants.
 */
export function requireJsonRequest(request: Request): void {
  const type = String(request.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new DomainError('IDENTITY.JSON_REQUEST_REQUIRED', 'a request that relies on the session cookie must have content-type application/json', 'forbidden', 'content-type');
  }
}

function baseOptions(request: Request, policy: SessionCookiePolicy): CookieOptions {
  return { sameSite: 'strict', secure: isSecure(request, policy) };
}

function isSecure(request: Request, policy: SessionCookiePolicy): boolean {
  if (policy.secure !== 'auto') return policy.secure === 'always';
  return !isLoopbackHost(clientFacingHost(request, policy.trustedProxyHops));
}

/** The host the browser asked for: behind trusted proxies their X-Forwarded-Host, else the Host header. */
function clientFacingHost(request: Request, hops: number): string {
  const forwarded = request.headers['x-forwarded-host'];
  const value = hops > 0 && forwarded ? (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',').map((s) => s.trim()).filter(Boolean).at(-1) : request.headers.host;
  return value ?? '';
}

export function isLoopbackHost(hostHeader: string): boolean {
  const host = hostHeader.startsWith('[') ? hostHeader.slice(1, hostHeader.indexOf(']')) : hostHeader.replace(/:\d+$/, '');
  const name = host.toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** RFC 6265 §5.4 Cookie header: `name=value` pairs split on `;`; the first of a name wins (the longest path). */
function cookieValue(header: string | undefined, name: string): string | null {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const value = pair.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Where a session's refresh token travels: an HttpOnly cookie for the browser, the JSON body for other clients. */
export type RefreshTokenDelivery = 'cookie' | 'body';

/** The session's answer: with `cookie` delivery the refresh token is set as cookies and left out of the body. */
export function deliverSession<T extends { readonly refreshToken: string }>(
  request: Request,
  response: Response,
  tokens: T,
  delivery: RefreshTokenDelivery,
  policy: SessionCookiePolicy,
): T | Omit<T, 'refreshToken'> {
  // RFC 6749 §5.1: responses carrying tokens are not to be cached by anything on the way.
  response.setHeader('Cache-Control', 'no-store');
  if (delivery === 'body') return tokens;
  setSessionCookies(request, response, tokens.refreshToken, policy);
  const { refreshToken: _kept, ...withoutToken } = tokens;
  return withoutToken;
}

export function sessionCookiePolicy(settings: { readonly refreshCookieSecure: CookieSecurity; readonly trustedProxyHops: number }): SessionCookiePolicy {
  return { secure: settings.refreshCookieSecure, trustedProxyHops: settings.trustedProxyHops };
}
