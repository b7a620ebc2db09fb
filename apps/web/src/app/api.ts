import { currentSession, endSession, hasRefreshCookie, startSession, type SessionTokens } from '../auth/session';

/** The API's one error body `{ code, message, field }`, with the HTTP status; status 0 means no answer at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The offending field as a dotted path (`selection.winners`, `conflicts.0.reason`), or null. */
    readonly field: string | null,
  ) {
    super(message);
  }
}

/** `conflicts[0].reason` (domain) and `conflicts.0.reason` (validation) name the same field: use the dotted form. */
export function normaliseField(field: string | null | undefined): string | null {
  return field ? field.replace(/\[(\d+)\]/g, '.$1') : null;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** Multipart instead of JSON (file uploads); the browser sets the boundary. */
  readonly form?: FormData;
  readonly signal?: AbortSignal;
  /** Commands carry an Idempotency-Key so that a retried click lands once. */
  readonly idempotent?: boolean;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh cookie for a new session once, however many requests found their token expired. Tabs share
 * the cookie, and identity takes a token presented twice for a stolen one (it ends the session everywhere): the
 * Web Locks API makes tabs refresh one after another, each sending the cookie the previous one left.
 */
export function resumeSession(): Promise<boolean> {
  refreshing ??= withRefreshLock(refreshOnce).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refreshOnce(): Promise<boolean> {
  if (!hasRefreshCookie()) {
    endSession();
    return false;
  }
  try {
    // JSON, as identity requires of a request that relies on the cookie alone (forms from elsewhere cannot send it).
    const res = await fetch('/api/identity/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' });
    if (!res.ok) {
      endSession();
      return false;
    }
    startSession((await res.json()) as SessionTokens);
    return true;
  } catch {
    return false;
  }
}

async function withRefreshLock(work: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? await locks.request('mkt.session-refresh', work) : work();
}

/** Ends the session on the server (its refresh-token family; the answer clears the cookies) and in this page. */
export async function signOut(): Promise<void> {
  await fetch('/api/identity/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' }).catch(() => undefined);
  endSession();
}

async function send(path: string, options: RequestOptions, idempotencyKey: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = currentSession()?.accessToken;
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  try {
    const body = options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    return await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message, null);
  }
}

/** A download that needs the bearer token (a plain link cannot carry it): the bytes as a Blob. */
export async function apiBlob(path: string): Promise<Blob> {
  let res = await send(path, {}, null);
  if (res.status === 401 && currentSession() && (await resumeSession())) res = await send(path, {}, null);
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText, null);
  return res.blob();
}

/** JSON over fetch with the session's bearer token; an expired token is refreshed once and the call repeated. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const idempotencyKey = options.idempotent || (options.method && options.method !== 'GET') ? crypto.randomUUID() : null;
  let res = await send(path, options, idempotencyKey);
  if (res.status === 401 && currentSession() && (await resumeSession())) res = await send(path, options, idempotencyKey);
  const text = await res.text();
  const body = text ? safeJson(text) : null;
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string; field?: string | null };
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText, normaliseField(e.field));
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
