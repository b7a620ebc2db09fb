import { createServer } from 'node:net';
import { generateSigningKey, publicKeyOf, publicKeyPem } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createTestDatabases, jsonClient, startServiceProcesses, type ServiceProcess } from '@mkt/shared/testing';

/**
 * Distributed mode: identity holds the private key and signs; the registry, in another process, holds only the
 * public key and accepts identity's tokens — and nothing signed any other way.
 */
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

describe('tokens across processes (distributed mode)', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let identity: ServiceProcess;
  let registry: ServiceProcess;
  const signing = generateSigningKey();

  beforeAll(async () => {
    databases = await createTestDatabases(['identity', 'registry']);
    const [identityPort, registryPort] = [await freePort(), await freePort()];
    [identity, registry] = await startServiceProcesses([
      {
        name: 'identity-distributed-spec',
        app: 'identity',
        port: identityPort,
        env: {
          IDENTITY_DATABASE_URL: databases.urlOf('identity'),
          AUTH_PRIVATE_KEY: String(signing.export({ type: 'pkcs8', format: 'pem' })),
          IDENTITY_BOOTSTRAP_ADMIN_USERNAME: 'first-admin',
          IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: 'a long bootstrap passphrase',
        },
      },
      {
        name: 'registry-distributed-spec',
        app: 'registry',
        port: registryPort,
        env: { REGISTRY_DATABASE_URL: databases.urlOf('registry'), AUTH_PUBLIC_KEY: publicKeyPem(publicKeyOf(signing)) },
      },
    ]);
  }, 120000);

  afterAll(async () => {
    await Promise.all([identity?.stop(), registry?.stop()]);
    await databases?.drop();
  });

  it('creates the first ADMIN from the environment, whose token the registry accepts with the public key alone', async () => {
    const toIdentity = jsonClient(() => identity.url);
    const toRegistry = jsonClient(() => registry.url);
    const session = await toIdentity('POST', '/api/identity/login', { body: { username: 'first-admin', password: 'a long bootstrap passphrase' } });
    expect(session).toMatchObject({ status: 200, body: { account: { role: 'ADMIN' } } });
    const body = { name: '闽江测绘有限公司', creditCode: '91350100M000100Y43', region: '350100' };
    expect(await toRegistry('POST', '/api/registry/agencies', { token: session.body.accessToken, body })).toMatchObject({ status: 201 });

    const seeded = issueTestToken('a-seed-nobody-configured-here-0123456789', { userId: 'x', role: 'ADMIN', organizationId: null });
    expect(await toRegistry('POST', '/api/registry/agencies', { token: seeded, body })).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
    const jwks = await toIdentity('GET', '/api/identity/.well-known/jwks.json');
    expect(jwks.body.keys).toEqual([expect.objectContaining({ x: String(publicKeyOf(signing).export({ format: 'jwk' }).x) })]);
  });
});
