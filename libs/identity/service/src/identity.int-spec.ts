import { createPublicKey, createHmac, verify } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp, responseCheckOf } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { createTestDatabases, FixedClock, jsonClient } from '@mkt/shared/testing';
import { IdentityModule } from './identity.module';

/** The identity service over HTTP against a real Postgres: sign-up and approval, sign-in, refresh rotation, lockout, limits. */
const secret = 'identity-spec-key-seed-0123456789abcdefgh';
const clock = new FixedClock(new Date('2026-05-01T08:00:00Z'));
const PASSWORD = 'west lake willow 2026';
const admin = issueTestToken(secret, { userId: '00000000-0000-4000-8000-0000000000ad', role: 'ADMIN', organizationId: null });
const as = (role: 'ADMIN' | 'AGENCY' | 'OWNER' | 'SUPERVISOR', org: string | null = null) => issueTestToken(secret, { userId: `${role}-x`, role, organizationId: org });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

interface SetCookie {
  readonly name: string;
  readonly value: string;
  /** Attribute names in lower case; flags (HttpOnly, Secure) as `true`. */
  readonly attributes: Readonly<Record<string, string | true>>;
}

function parseSetCookie(header: string): SetCookie {
  const [pair, ...rest] = header.split(';').map((s) => s.trim());
  const at = pair.indexOf('=');
  const attributes = Object.fromEntries(rest.map((a) => (a.includes('=') ? [a.slice(0, a.indexOf('=')).toLowerCase(), a.slice(a.indexOf('=') + 1)] : [a.toLowerCase(), true])));
  return { name: pair.slice(0, at), value: decodeURIComponent(pair.slice(at + 1)), attributes };
}

const refreshCookies = (cookies: readonly SetCookie[]) => cookies.filter((c) => c.name === 'mkt_refresh');
/** The one value both refresh cookies (one per path) carry. */
function refreshCookieValue(cookies: readonly SetCookie[]): string {
  const values = new Set(refreshCookies(cookies).map((c) => c.value));
  expect(values.size).toBe(1);
  return [...values][0];
}
const isCleared = (c: SetCookie) => c.value === '' && typeof c.attributes['expires'] === 'string' && Date.parse(c.attributes['expires']) < Date.now();

describe('identity service', () => {
  let app: INestApplication;
  let base: string;
  let identity: ServicePlatform;
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  const call = jsonClient(() => base);
  let nameCounter = 0;
  const uniqueName = (stem: string) => `${stem}-${++nameCounter}`;

  // The refresh token in the body, as a non-browser client takes it; browser sessions (cookies) have their own tests.
  const login = (username: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    call('POST', '/api/identity/login', { body: { username, password, refreshTokenDelivery: 'body' }, headers });

  /** A POST as a browser makes it, with what jsonClient does not show: the cookies set and Cache-Control. */
  async function browserPost(path: string, options: { body?: unknown; cookie?: string; contentType?: string; headers?: Record<string, string> } = {}) {
    const body = options.body ?? {};
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': options.contentType ?? 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, cookies: res.headers.getSetCookie().map(parseSetCookie), cacheControl: res.headers.get('cache-control') };
  }

  /** An approved account of the given kind, signed up through the API. */
  async function activeAccount(role: 'AGENCY' | 'OWNER', organizationId: string): Promise<{ id: string; username: string }> {
    const username = uniqueName(role.toLowerCase());
    const signed = await call('POST', '/api/identity/sign-up', { body: { username, password: PASSWORD, displayName: '测试用户', role, organizationId } });
    expect(signed.status).toBe(201);
    expect((await call('POST', `/api/identity/accounts/${signed.body.id}/approve`, { token: admin })).status).toBe(200);
    return { id: signed.body.id, username };
  }

  beforeAll(async () => {
    databases = await createTestDatabases(['identity']);
    @Module({
      imports: [
        MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
        AuthModule.forRoot({ secret }),
        IdentityModule.forRoot({
          database: { kind: 'postgres', url: databases.urlOf('identity') },
          // Cheaper hashing keeps the suite quick; the strong default is checked in the hasher's spec.
          passwordHashing: { ln: 10, r: 8, p: 1 },
          loginRateLimits: { perAddress: { limit: 40, windowMs: 5 * 60_000 }, perAccount: { limit: 8, windowMs: 5 * 60_000 } },
          signUpRateLimit: { limit: 60, windowMs: 3600_000 },
          trustedProxyHops: 1,
        }),
      ],
    })
    class IdentitySpecRoot {}
    app = await createHttpApp(IdentitySpecRoot, { logger: false, checkResponses: true });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    identity = app.get(MessagingRuntime).platform('identity') as ServicePlatform;
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await databases?.drop();
  });

  describe('sign-up and approval', () => {
    it('keeps a signed-up agency user out until an ADMIN approves, then signs them in with their role and agency', async () => {
      const username = uniqueName('li.ming');
      const signed = await call('POST', '/api/identity/sign-up', { body: { username, password: PASSWORD, displayName: '李明', role: 'AGENCY', organizationId: 'agency-42' } });
      expect(signed).toMatchObject({ status: 201, body: { status: 'PENDING' } });
      expect(await login(username)).toMatchObject({ status: 403, body: { code: 'IDENTITY.ACCOUNT_PENDING' } });
      // A wrong password says nothing about the account's state.
      expect(await login(username, 'not the password at all')).toMatchObject({ status: 401, body: { code: 'IDENTITY.INVALID_CREDENTIALS' } });

      const pending = await call('GET', '/api/identity/accounts?status=PENDING', { token: admin });
      expect(pending.body).toContainEqual(expect.objectContaining({ id: signed.body.id, username, role: 'AGENCY', organizationId: 'agency-42', status: 'PENDING' }));
      expect(JSON.stringify(pending.body)).not.toMatch(/scrypt|password/i);
      expect(await call('POST', `/api/identity/accounts/${signed.body.id}/approve`, { token: admin })).toMatchObject({ status: 200, body: { status: 'ACTIVE' } });
      expect(await call('POST', `/api/identity/accounts/${signed.body.id}/approve`, { token: admin })).toMatchObject({ status: 409, body: { code: 'IDENTITY.NOT_PENDING' } });

      const session = await login(username.toUpperCase());
      expect(session).toMatchObject({ status: 200, body: { tokenType: 'Bearer', expiresIn: 900, account: { id: signed.body.id, role: 'AGENCY', organizationId: 'agency-42' } } });
      expect(claimsOf(session.body.accessToken)).toMatchObject({ iss: 'mkt-identity', sub: signed.body.id, role: 'AGENCY', org: 'agency-42' });
      expect(await call('GET', '/api/identity/me', { token: session.body.accessToken })).toMatchObject({ status: 200, body: { id: signed.body.id, username, displayName: '李明' } });

      const events = await identity.database.dataSource.query(`SELECT event_type, aggregate_id, envelope FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [signed.body.id]);
      expect(events.map((e: { event_type: string }) => e.event_type)).toEqual(['identity.AccountCreated', 'identity.AccountApproved']);
      expect(JSON.stringify(events)).not.toContain(username);
    });

    it('lets only an ADMIN list, approve, create and disable accounts', async () => {
      const { id } = await activeAccount('OWNER', 'owner-hz-water');
      for (const token of [as('AGENCY', 'a-1'), as('OWNER', 'owner-hz-water'), as('SUPERVISOR')]) {
        expect(await call('GET', '/api/identity/accounts', { token })).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
        expect(await call('POST', `/api/identity/accounts/${id}/approve`, { token })).toMatchObject({ status: 403 });
        expect(await call('POST', `/api/identity/accounts/${id}/disable`, { token, body: { reason: 'x' } })).toMatchObject({ status: 403 });
        expect(await call('POST', '/api/identity/accounts', { token, body: { username: uniqueName('x'), password: PASSWORD, displayName: 'x', role: 'ADMIN' } })).toMatchObject({ status: 403 });
      }
      expect(await call('GET', '/api/identity/accounts')).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
      expect(await call('POST', `/api/identity/accounts/${id}/approve`)).toMatchObject({ status: 401 });
    });

    it('refuses sign-up as a platform role, without an organisation, with a weak password or a taken name, naming the field', async () => {
      const body = { username: uniqueName('wang'), password: PASSWORD, displayName: '王芳', role: 'OWNER', organizationId: 'owner-1' };
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body, role: 'ADMIN' } })).toMatchObject({ status: 400, body: { field: 'role' } });
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body, organizationId: undefined } })).toMatchObject({ status: 400, body: { field: 'organizationId' } });
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body, password: 'short' } })).toMatchObject({ status: 400, body: { code: 'IDENTITY.PASSWORD_TOO_SHORT', field: 'password' } });
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body, password: `${body.username}-secret` } })).toMatchObject({ status: 400, body: { code: 'IDENTITY.PASSWORD_CONTAINS_USERNAME', field: 'password' } });
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body, username: 'no spaces allowed' } })).toMatchObject({ status: 400, body: { field: 'username' } });
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body, isAdmin: true } })).toMatchObject({ status: 400, body: { field: 'isAdmin' } });
      expect(await call('POST', '/api/identity/sign-up', { body })).toMatchObject({ status: 201 });
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body, username: body.username.toUpperCase() } })).toMatchObject({ status: 409, body: { code: 'IDENTITY.USERNAME_TAKEN', field: 'username' } });
    });

    it('lets an ADMIN create a supervisor who signs in at once, stores only a scrypt hash, and refuses an organisation for it', async () => {
      const username = uniqueName('supervisor');
      expect(await call('POST', '/api/identity/accounts', { token: admin, body: { username, password: PASSWORD, displayName: '监督员', role: 'SUPERVISOR', organizationId: 'x' } })).toMatchObject({ status: 400, body: { field: 'organizationId' } });
      const created = await call('POST', '/api/identity/accounts', { token: admin, body: { username, password: PASSWORD, displayName: '监督员', role: 'SUPERVISOR' } });
      expect(created).toMatchObject({ status: 201, body: { status: 'ACTIVE' } });
      expect(claimsOf((await login(username)).body.accessToken)).toMatchObject({ role: 'SUPERVISOR', org: null });
      const [row] = await identity.database.dataSource.query(`SELECT password_hash FROM account WHERE id = $1`, [created.body.id]);
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each is good once, and presenting a used one revokes the whole family', async () => {
      const { username } = await activeAccount('AGENCY', 'agency-7');
      const first = (await login(username)).body;
      const second = await call('POST', '/api/identity/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second).toMatchObject({ status: 200, body: { account: { role: 'AGENCY', organizationId: 'agency-7' } } });
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      const third = await call('POST', '/api/identity/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(third.status).toBe(200);

      // The first token comes back (a thief replaying it, or the victim after the thief): the family dies.
      expect(await call('POST', '/api/identity/refresh', { body: { refreshToken: first.refreshToken } })).toMatchObject({ status: 401, body: { code: 'IDENTITY.REFRESH_TOKEN_REUSED' } });
      expect(await call('POST', '/api/identity/refresh', { body: { refreshToken: third.body.refreshToken } })).toMatchObject({ status: 401, body: { code: 'IDENTITY.INVALID_REFRESH_TOKEN' } });
      // Another session of the same account is untouched.
      const other = (await login(username)).body;
      expect((await call('POST', '/api/identity/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(200);
      const [stored] = await identity.database.dataSource.query(`SELECT count(*)::int AS n FROM refresh_token WHERE token_hash = $1`, [first.refreshToken]);
      expect(stored.n).toBe(0);
    });

    it('lets one of two simultaneous refreshes with the same token through, never both', async () => {
      const { username } = await activeAccount('AGENCY', 'agency-8');
      const { refreshToken } = (await login(username)).body;
      const results = await Promise.all([1, 2].map(() => call('POST', '/api/identity/refresh', { body: { refreshToken } })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('expire after seven idle days, and logout ends the session', async () => {
      const { username } = await activeAccount('OWNER', 'owner-idle');
      const idle = (await login(username)).body;
      const active = (await login(username)).body;
      expect(await call('POST', '/api/identity/logout', { body: { refreshToken: active.refreshToken } })).toMatchObject({ status: 204 });
      expect(await call('POST', '/api/identity/refresh', { body: { refreshToken: active.refreshToken } })).toMatchObject({ status: 401 });
      expect(await call('POST', '/api/identity/logout', { body: { refreshToken: 'mrt_unknown' } })).toMatchObject({ status: 204 });
      clock.advance(7 * 24 * 3600_000);
      expect(await call('POST', '/api/identity/refresh', { body: { refreshToken: idle.refreshToken } })).toMatchObject({ status: 401, body: { code: 'IDENTITY.INVALID_REFRESH_TOKEN' } });
    });
  });

  describe('browser sessions: the refresh token in HttpOnly cookies', () => {
    const cookieOf = (token: string) => `mkt_refresh=${encodeURIComponent(token)}`;

    it('sets it HttpOnly and SameSite=Strict, scoped to /refresh and /logout, with a readable hint cookie, and leaves it out of the body', async () => {
      const { username } = await activeAccount('AGENCY', 'agency-cookie');
      const signedIn = await browserPost('/api/identity/login', { body: { username, password: PASSWORD } });
      expect(signedIn).toMatchObject({ status: 200, cacheControl: 'no-store', body: { tokenType: 'Bearer', account: { role: 'AGENCY' } } });
      expect(signedIn.body.accessToken).toMatch(/^ey/);
      expect(signedIn.body).not.toHaveProperty('refreshToken');

      const refresh = refreshCookies(signedIn.cookies);
      expect(refresh.map((c) => c.attributes['path']).sort()).toEqual(['/api/identity/logout', '/api/identity/refresh']);
      expect(refreshCookieValue(signedIn.cookies)).toMatch(/^mrt_[A-Za-z0-9_-]{43}$/);
      for (const c of refresh) {
        expect(c.attributes).toMatchObject({ httponly: true, samesite: 'Strict' });
        // Plain http on a loopback host (this test's 127.0.0.1): not Secure, or Safari and Firefox would drop it.
        expect(c.attributes).not.toHaveProperty('secure');
        // A browser-session cookie: the server's own expiry bounds the token.
        expect(c.attributes).not.toHaveProperty('expires');
        expect(c.attributes).not.toHaveProperty('max-age');
      }
      const hint = signedIn.cookies.filter((c) => c.name === 'mkt_session');
      expect(hint).toEqual([{ name: 'mkt_session', value: '1', attributes: { path: '/', samesite: 'Strict' } }]);

      // The public host as the gateway forwards it: every cookie is Secure.
      const publicHost = await browserPost('/api/identity/login', { body: { username, password: PASSWORD }, headers: { 'x-forwarded-host': 'zhongjie.example.gov.cn' } });
      expect(publicHost.status).toBe(200);
      expect(publicHost.cookies).toHaveLength(3);
      for (const c of publicHost.cookies) expect(c.attributes).toMatchObject({ secure: true, samesite: 'Strict' });

      // A non-browser client asks for the token in the body and gets no cookies.
      const inBody = await browserPost('/api/identity/login', { body: { username, password: PASSWORD, refreshTokenDelivery: 'body' } });
      expect(inBody).toMatchObject({ status: 200, cookies: [], cacheControl: 'no-store' });
      expect(inBody.body.refreshToken).toMatch(/^mrt_/);
      expect(await call('POST', '/api/identity/login', { body: { username, password: PASSWORD, refreshTokenDelivery: 'localStorage' } })).toMatchObject({ status: 400, body: { field: 'refreshTokenDelivery' } });
    });

    it('rotates the cookie on every refresh; an earlier cookie coming back ends the family and clears the cookies', async () => {
      const { username } = await activeAccount('OWNER', 'owner-cookie');
      const first = refreshCookieValue((await browserPost('/api/identity/login', { body: { username, password: PASSWORD } })).cookies);
      const rotated = await browserPost('/api/identity/refresh', { cookie: cookieOf(first) });
      expect(rotated).toMatchObject({ status: 200, cacheControl: 'no-store', body: { account: { role: 'OWNER', organizationId: 'owner-cookie' } } });
      expect(rotated.body).not.toHaveProperty('refreshToken');
      const second = refreshCookieValue(rotated.cookies);
      expect(second).not.toBe(first);
      expect(rotated.cookies.find((c) => c.name === 'mkt_session')?.value).toBe('1');
      const third = refreshCookieValue((await browserPost('/api/identity/refresh', { cookie: cookieOf(second) })).cookies);

      const replayed = await browserPost('/api/identity/refresh', { cookie: cookieOf(first) });
      expect(replayed).toMatchObject({ status: 401, body: { code: 'IDENTITY.REFRESH_TOKEN_REUSED' } });
      expect(replayed.cookies.map((c) => `${c.name} ${c.attributes['path']}`).sort()).toEqual(['mkt_refresh /api/identity/logout', 'mkt_refresh /api/identity/refresh', 'mkt_session /']);
      expect(replayed.cookies.every(isCleared)).toBe(true);
      expect(await browserPost('/api/identity/refresh', { cookie: cookieOf(third) })).toMatchObject({ status: 401, body: { code: 'IDENTITY.INVALID_REFRESH_TOKEN' } });
    });

    it('refuses a cookie-borne refresh, logout or sign-in that is not JSON (what a form on another page could send), without spending the token', async () => {
      const { username } = await activeAccount('AGENCY', 'agency-csrf');
      const token = refreshCookieValue((await browserPost('/api/identity/login', { body: { username, password: PASSWORD } })).cookies);
      const refused = { status: 403, body: { code: 'IDENTITY.JSON_REQUEST_REQUIRED', field: 'content-type' } };
      expect(await browserPost('/api/identity/refresh', { cookie: cookieOf(token), contentType: 'text/plain', body: '{}' })).toMatchObject(refused);
      expect(await browserPost('/api/identity/refresh', { cookie: cookieOf(token), contentType: 'application/x-www-form-urlencoded', body: '' })).toMatchObject(refused);
      expect(await browserPost('/api/identity/logout', { cookie: cookieOf(token), contentType: 'text/plain', body: '' })).toMatchObject(refused);
      const form = new URLSearchParams({ username, password: PASSWORD }).toString();
      expect(await browserPost('/api/identity/login', { contentType: 'application/x-www-form-urlencoded', body: form })).toMatchObject(refused);
      expect(await browserPost('/api/identity/refresh', { cookie: cookieOf(token) })).toMatchObject({ status: 200 });

      const none = await browserPost('/api/identity/refresh', { cookie: 'mkt_session=1' });
      expect(none).toMatchObject({ status: 400, body: { code: 'IDENTITY.REFRESH_TOKEN_MISSING', field: 'refreshToken' } });
      const hint = none.cookies.find((c) => c.name === 'mkt_session');
      expect(hint && isCleared(hint)).toBe(true);
    });

    it('logs out by the cookie: the family ends and both cookies are cleared', async () => {
      const { username } = await activeAccount('OWNER', 'owner-cookie-out');
      const first = refreshCookieValue((await browserPost('/api/identity/login', { body: { username, password: PASSWORD } })).cookies);
      const second = refreshCookieValue((await browserPost('/api/identity/refresh', { cookie: cookieOf(first) })).cookies);
      const out = await browserPost('/api/identity/logout', { cookie: cookieOf(second) });
      expect(out.status).toBe(204);
      expect(out.cookies).toHaveLength(3);
      expect(out.cookies.every(isCleared)).toBe(true);
      expect(await browserPost('/api/identity/refresh', { cookie: cookieOf(second) })).toMatchObject({ status: 401, body: { code: 'IDENTITY.INVALID_REFRESH_TOKEN' } });
      // Without any token it still answers 204 and clears whatever the browser holds.
      expect(await browserPost('/api/identity/logout')).toMatchObject({ status: 204, cookies: expect.arrayContaining([expect.objectContaining({ name: 'mkt_session' })]) });
    });
  });

  describe('lockout and rate limits', () => {
    it('locks an account after five wrong passwords in a row, refuses even the right one while locked, and lets it in after 15 minutes', async () => {
      const { username } = await activeAccount('AGENCY', 'agency-lock');
      for (let i = 0; i < 4; i++) expect(await login(username, `wrong guess number ${i}`)).toMatchObject({ status: 401, body: { code: 'IDENTITY.INVALID_CREDENTIALS' } });
      const fifth = await fetch(`${base}/api/identity/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'wrong guess number 5' }) });
      expect(fifth.status).toBe(429);
      expect(fifth.headers.get('retry-after')).toBe('900');
      expect(await fifth.json()).toMatchObject({ code: 'IDENTITY.ACCOUNT_LOCKED', retryAfterSeconds: 900 });
      expect(await login(username)).toMatchObject({ status: 429, body: { code: 'IDENTITY.ACCOUNT_LOCKED' } });
      clock.advance(15 * 60_000 - 1000);
      expect(await login(username)).toMatchObject({ status: 429, body: { code: 'IDENTITY.ACCOUNT_LOCKED', retryAfterSeconds: 1 } });
      clock.advance(1000);
      expect(await login(username)).toMatchObject({ status: 200 });
    });

    it('counts wrong passwords sent in parallel one by one', async () => {
      clock.advance(10 * 60_000);
      const { username } = await activeAccount('AGENCY', 'agency-burst');
      const burst = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => login(username, `parallel wrong ${i}`)));
      expect(burst.filter((r) => r.status === 429)).not.toHaveLength(0);
      expect(await login(username)).toMatchObject({ status: 429, body: { code: 'IDENTITY.ACCOUNT_LOCKED' } });
    });

    it('limits attempts per username, known or not, and per client address, each separately', async () => {
      clock.advance(10 * 60_000);
      const ghost = uniqueName('nobody');
      for (let i = 0; i < 8; i++) expect(await login(ghost, 'whatever it is', { 'x-forwarded-for': `10.9.0.${i}` })).toMatchObject({ status: 401 });
      expect(await login(ghost, 'whatever it is', { 'x-forwarded-for': '10.9.0.99' })).toMatchObject({ status: 429, body: { code: 'IDENTITY.TOO_MANY_ATTEMPTS' } });

      for (let i = 0; i < 40; i++) expect((await login(uniqueName('spray'), 'whatever it is', { 'x-forwarded-for': '10.8.0.1' })).status).toBe(401);
      expect(await login(uniqueName('spray'), 'whatever it is', { 'x-forwarded-for': '10.8.0.1' })).toMatchObject({ status: 429, body: { code: 'IDENTITY.TOO_MANY_ATTEMPTS' } });
      // Only the proxy's own entry counts: an address the client wrote further left does not get it a new window.
      expect(await login(uniqueName('spray'), 'whatever it is', { 'x-forwarded-for': '1.2.3.4, 10.8.0.1' })).toMatchObject({ status: 429 });
      const { username } = await activeAccount('OWNER', 'owner-ok');
      expect(await login(username, PASSWORD, { 'x-forwarded-for': '10.8.0.2' })).toMatchObject({ status: 200 });
      clock.advance(5 * 60_000);
      expect(await login(uniqueName('spray'), 'whatever it is', { 'x-forwarded-for': '10.8.0.1' })).toMatchObject({ status: 401 });
    });

    it('limits sign-ups per client address, since each costs a memory-hard hash', async () => {
      const body = (i: number) => ({ username: uniqueName('flood'), password: `flood-${i}`, displayName: 'x', role: 'AGENCY', organizationId: 'agency-1' });
      for (let i = 0; i < 60; i++) expect((await call('POST', '/api/identity/sign-up', { body: body(i), headers: { 'x-forwarded-for': '10.7.0.1' } })).status).toBe(400);
      const refused = await call('POST', '/api/identity/sign-up', { body: { ...body(61), password: PASSWORD }, headers: { 'x-forwarded-for': '10.7.0.1' } });
      expect(refused).toMatchObject({ status: 429, body: { code: 'IDENTITY.TOO_MANY_SIGN_UPS' } });
      expect(await call('POST', '/api/identity/sign-up', { body: { ...body(62), password: PASSWORD }, headers: { 'x-forwarded-for': '10.7.0.2' } })).toMatchObject({ status: 201 });
    });
  });

  describe('password change and disabling', () => {
    it('changes the holder’s own password after proving the current one, and ends every session', async () => {
      clock.advance(10 * 60_000);
      const { username } = await activeAccount('OWNER', 'owner-pw');
      const session = (await login(username)).body;
      const path = '/api/identity/password';
      const token = session.accessToken;
      expect(await call('POST', path, { body: { currentPassword: PASSWORD, newPassword: 'lotus pond at dawn 9' } })).toMatchObject({ status: 401 });
      expect(await call('POST', path, { token, body: { currentPassword: 'not it at all', newPassword: 'lotus pond at dawn 9' } })).toMatchObject({ status: 403, body: { code: 'IDENTITY.WRONG_PASSWORD', field: 'currentPassword' } });
      expect(await call('POST', path, { token, body: { currentPassword: PASSWORD, newPassword: 'short' } })).toMatchObject({ status: 400, body: { field: 'newPassword' } });
      expect(await call('POST', path, { token, body: { currentPassword: PASSWORD, newPassword: PASSWORD } })).toMatchObject({ status: 400, body: { code: 'IDENTITY.PASSWORD_UNCHANGED' } });
      expect(await call('POST', path, { token, body: { currentPassword: PASSWORD, newPassword: 'lotus pond at dawn 9' } })).toMatchObject({ status: 204 });
      expect(await call('POST', '/api/identity/refresh', { body: { refreshToken: session.refreshToken } })).toMatchObject({ status: 401 });
      expect(await login(username)).toMatchObject({ status: 401 });
      expect(await login(username, 'lotus pond at dawn 9')).toMatchObject({ status: 200 });
    });

    it('disables an account with a reason: no sign-in, no refresh; an ADMIN cannot disable themself', async () => {
      const { id, username } = await activeAccount('AGENCY', 'agency-gone');
      const session = (await login(username)).body;
      expect(await call('POST', `/api/identity/accounts/${id}/disable`, { token: admin, body: { reason: ' ' } })).toMatchObject({ status: 400, body: { field: 'reason' } });
      expect(await call('POST', `/api/identity/accounts/${id}/disable`, { token: admin, body: { reason: 'firm blacklisted' } })).toMatchObject({ status: 200, body: { status: 'DISABLED' } });
      expect(await login(username)).toMatchObject({ status: 403, body: { code: 'IDENTITY.ACCOUNT_DISABLED' } });
      expect(await call('POST', '/api/identity/refresh', { body: { refreshToken: session.refreshToken } })).toMatchObject({ status: 401 });
      expect(await call('POST', '/api/identity/accounts/not-a-uuid/disable', { token: admin, body: { reason: 'x' } })).toMatchObject({ status: 400 });
      expect(await call('POST', '/api/identity/accounts/00000000-0000-4000-8000-000000000000/disable', { token: admin, body: { reason: 'x' } })).toMatchObject({ status: 404 });

      const adminName = uniqueName('operator');
      const created = await call('POST', '/api/identity/accounts', { token: admin, body: { username: adminName, password: PASSWORD, displayName: '运营', role: 'ADMIN' } });
      const own = (await login(adminName)).body.accessToken;
      expect(await call('POST', `/api/identity/accounts/${created.body.id}/disable`, { token: own, body: { reason: 'bye' } })).toMatchObject({ status: 403, body: { code: 'IDENTITY.CANNOT_DISABLE_SELF' } });
    });
  });

  describe('access tokens', () => {
    it('are verifiable by anyone with the published JWK Set', async () => {
      const { username } = await activeAccount('OWNER', 'owner-jwks');
      const { accessToken } = (await login(username)).body;
      const jwks = await call('GET', '/api/identity/.well-known/jwks.json');
      expect(jwks).toMatchObject({ status: 200, body: { keys: [{ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' }] } });
      const [header, payload, signature] = accessToken.split('.');
      const jwk = jwks.body.keys.find((k: { kid: string }) => k.kid === JSON.parse(Buffer.from(header, 'base64url').toString()).kid);
      expect(verify(null, Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'))).toBe(true);
    });

    it('are refused with 401 when missing, expired, tampered, signed by another key, alg none, or HS256 keyed with the public key', async () => {
      const { id, username } = await activeAccount('AGENCY', 'agency-t');
      const { accessToken } = (await login(username)).body;
      const me = (token?: string) => call('GET', '/api/identity/me', { token });
      expect(await me(accessToken)).toMatchObject({ status: 200 });
      expect(await me()).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
      const refused = { status: 401, body: { code: 'AUTH.INVALID_TOKEN' } };
      expect(await me(issueTestToken(secret, { userId: id, role: 'AGENCY', organizationId: 'agency-t' }, -1))).toMatchObject(refused);
      const [header, payload, signature] = accessToken.split('.');
      expect(await me(`${header}.${b64({ ...claimsOf(accessToken), org: 'agency-other' })}.${signature}`)).toMatchObject(refused);
      expect(await me(issueTestToken('some-other-key-seed-0123456789abcdefghij', { userId: id, role: 'AGENCY', organizationId: 'agency-t' }))).toMatchObject(refused);
      const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid;
      expect(await me(`${b64({ alg: 'none', typ: 'at+jwt', kid })}.${payload}.`)).toMatchObject(refused);
      const jwk = (await call('GET', '/api/identity/.well-known/jwks.json')).body.keys[0];
      const hs = b64({ alg: 'HS256', typ: 'at+jwt', kid });
      for (const key of [Buffer.from(jwk.x, 'base64url'), String(createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }))]) {
        expect(await me(`${hs}.${payload}.${createHmac('sha256', key).update(`${hs}.${payload}`).digest('base64url')}`)).toMatchObject(refused);
      }
    });
  });

  it('answered every JSON success above as the routes declare it', () => {
    const { checked, violations } = responseCheckOf(app);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
