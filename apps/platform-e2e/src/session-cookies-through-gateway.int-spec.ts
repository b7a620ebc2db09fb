import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GATEWAY_APP_OPTIONS, GatewayModule } from '@mkt/gateway/service';
import { generateSigningKey } from '@mkt/shared/auth';
import { createTestDatabases, startServiceProcess, type ServiceProcess } from '@mkt/shared/testing';

/**
 * Distributed mode's browser session: the identity process behind the gateway (IDENTITY_TRUSTED_PROXY_HOPS=1, as
 * the launcher, compose and k8s run it). The cookies' Path is the public path, which the gateway forwards
 * unchanged; Secure follows the host the browser asked the gateway for, which a client cannot spoof.
 */
const ADMIN = { username: 'cookie-admin', password: 'a long bootstrap passphrase' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> | null;
  /** `name=value; Attr; …` as sent. */
  readonly setCookies: readonly string[];
}

describe('browser session cookies through the gateway (distributed mode)', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let identity: ServiceProcess;
  let gateway: INestApplication;
  let gatewayPort: number;

  /** node:http rather than fetch, so the Host header can be the public name a browser would send. */
  function post(path: string, options: { body?: unknown; cookie?: string; host?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const payload = JSON.stringify(options.body ?? {});
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...options.headers };
    if (options.cookie) headers['cookie'] = options.cookie;
    if (options.host) headers['host'] = options.host;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: gatewayPort, path, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, setCookies: res.headers['set-cookie'] ?? [] });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  const refreshTokenIn = (answer: Answer): string => {
    const match = answer.setCookies.map((c) => /^mkt_refresh=([^;]+);.*Path=\/api\/identity\/refresh/.exec(c)).find(Boolean);
    if (!match) throw new Error(`no refresh cookie in ${JSON.stringify(answer.setCookies)}`);
    return decodeURIComponent(match[1]);
  };

  beforeAll(async () => {
    databases = await createTestDatabases(['identity']);
    identity = await startServiceProcess({
      name: 'identity-cookie-spec',
      app: 'identity',
      port: await freePort(),
      env: {
        IDENTITY_DATABASE_URL: databases.urlOf('identity'),
        AUTH_PRIVATE_KEY: String(generateSigningKey().export({ type: 'pkcs8', format: 'pem' })),
        IDENTITY_BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
        IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        IDENTITY_TRUSTED_PROXY_HOPS: '1',
      },
    });
    gateway = await NestFactory.create(GatewayModule.forRoot({ routes: { identity: identity.url } }), { ...GATEWAY_APP_OPTIONS, logger: false });
    gatewayPort = await freePort();
    await gateway.listen(gatewayPort, '127.0.0.1');
  }, 120000);

  afterAll(async () => {
    await gateway?.close();
    await identity?.stop();
    await databases?.drop();
  });

  it('signs in, refreshes by the cookie alone and logs out through the gateway; cookies keep the public paths', async () => {
    const signedIn = await post('/api/identity/login', { body: ADMIN });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).not.toHaveProperty('refreshToken');
    expect(signedIn.setCookies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^mkt_refresh=mrt_[^;]+; Path=\/api\/identity\/refresh; HttpOnly; SameSite=Strict$/),
        expect.stringMatching(/^mkt_refresh=mrt_[^;]+; Path=\/api\/identity\/logout; HttpOnly; SameSite=Strict$/),
        'mkt_session=1; Path=/; SameSite=Strict',
      ]),
    );
    const first = refreshTokenIn(signedIn);

    const refreshed = await post('/api/identity/refresh', { cookie: `mkt_refresh=${first}` });
    expect(refreshed).toMatchObject({ status: 200, body: { account: { role: 'ADMIN' } } });
    const second = refreshTokenIn(refreshed);
    expect(second).not.toBe(first);
    expect(await post('/api/identity/refresh', { cookie: `mkt_refresh=${first}` })).toMatchObject({ status: 401, body: { code: 'IDENTITY.REFRESH_TOKEN_REUSED' } });

    const fresh = refreshTokenIn(await post('/api/identity/login', { body: ADMIN }));
    const out = await post('/api/identity/logout', { cookie: `mkt_refresh=${fresh}` });
    expect(out.status).toBe(204);
    expect(out.setCookies.filter((c) => c.includes('Expires=Thu, 01 Jan 1970'))).toHaveLength(3);
    expect(await post('/api/identity/refresh', { cookie: `mkt_refresh=${fresh}` })).toMatchObject({ status: 401, body: { code: 'IDENTITY.INVALID_REFRESH_TOKEN' } });
  }, 30000);

  it('marks the cookies Secure for a public host, even when the client claims a loopback X-Forwarded-Host', async () => {
    const publicHost = await post('/api/identity/login', { body: ADMIN, host: 'zhongjie.example.gov.cn' });
    expect(publicHost.status).toBe(200);
    expect(publicHost.setCookies).toHaveLength(3);
    for (const cookie of publicHost.setCookies) expect(cookie).toMatch(/; Secure(;|$)/);

    const spoofed = await post('/api/identity/login', { body: ADMIN, host: 'zhongjie.example.gov.cn', headers: { 'x-forwarded-host': 'localhost' } });
    for (const cookie of spoofed.setCookies) expect(cookie).toMatch(/; Secure(;|$)/);
  }, 30000);
});
