import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { generateSigner, signerKeyString } from '@mkt/audit/core';
import { createTestDatabases, StopWaiting, waitFor } from '@mkt/shared/testing';

// What the images run: `npm run build:services` output started with `node`, as the Dockerfiles' CMD does, under a
// guard that fails any require of a package `npm ci --omit=dev` leaves out, with the settings compose gives.
const root = join(__dirname, '../..');
const SERVICES = ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit'] as const;
mkdirSync(join(root, 'tmp'), { recursive: true });

interface Started {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('the compiled services (what the images run)', () => {
  // Inside the workspace, as dist/ sits beside node_modules/ in the image: requires resolve upwards to it.
  const scratch = mkdtempSync(join(root, 'tmp', 'compiled-services-'));
  const distDir = join(scratch, 'dist');
  const started: Started[] = [];
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'docker/compile-services.js'), '--out-dir', distDir], { cwd: root, stdio: 'pipe' });
    databases = await createTestDatabases(SERVICES);
  }, 60_000);

  afterAll(async () => {
    for (const service of started) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    await databases?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('start with production dependencies only, answer /health, route through the gateway, and stop on SIGTERM', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const privateKeyFile = join(scratch, 'auth-private-key.pem');
    const publicKeyFile = join(scratch, 'auth-public-key.pem');
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
    const auditSigner = generateSigner('compiled-services.test/audit-log');
    const perService: Record<(typeof SERVICES)[number], NodeJS.ProcessEnv> = {
      identity: { AUTH_PRIVATE_KEY_FILE: privateKeyFile, IDENTITY_TRUSTED_PROXY_HOPS: '1' },
      registry: {},
      projects: {},
      draw: {},
      bidding: { BIDDING_SEAL_KEY: randomBytes(32).toString('hex') },
      audit: { AUDIT_SIGNING_KEY: signerKeyString(auditSigner), AUDIT_LOG_ORIGIN: 'compiled-services.test/audit-log' },
    };

    const services = await Promise.all(
      SERVICES.map(async (name) =>
        startCompiled(name, distDir, {
          EVENT_TRANSPORT: 'in-process',
          AUTH_PUBLIC_KEY_FILE: publicKeyFile,
          [`${name.toUpperCase()}_DATABASE_URL`]: databases.urlOf(name),
          ...perService[name],
        }),
      ),
    );
    started.push(...services);
    const gateway = await startCompiled('gateway', distDir, Object.fromEntries(services.map((s) => [`${s.name.toUpperCase()}_URL`, s.url])));
    started.push(gateway);

    for (const service of started) {
      const health = await fetch(`${service.url}/health`);
      expect({ service: service.name, status: health.status }).toEqual({ service: service.name, status: 200 });
    }
    // Through the gateway to the compiled registry: its own refusal, not the gateway's 502.
    const viaGateway = await fetch(`${gateway.url}/api/registry/agencies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(viaGateway.status).toBe(401);
    expect(await viaGateway.json()).toMatchObject({ code: expect.stringMatching(/^AUTH\./) });

    for (const service of started) service.child.kill('SIGTERM');
    for (const service of started) {
      const { code, signal } = await withTimeout(service.exit, 15_000, `${service.name} to stop after SIGTERM`);
      expect({ service: service.name, stoppedCleanly: code === 0 || signal === 'SIGTERM', output: code === 0 || signal === 'SIGTERM' ? '' : service.output() }).toEqual({
        service: service.name,
        stoppedCleanly: true,
        output: '',
      });
    }
  }, 120_000);
});

async function startCompiled(name: string, distDir: string, env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', join(__dirname, 'forbid-dev-dependencies.js'), join(distDir, 'apps', name, 'src/main.js')], {
    cwd: root,
    env: { PATH: process.env['PATH'], NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new StopWaiting(`${name} exited:\n${output}`);
      return fetch(`${url}/health`).then((r) => r.status, () => 0);
    },
    (status) => status === 200,
    { timeoutMs: 60_000, intervalMs: 200, what: `compiled ${name} to become healthy` },
  );
  return { name, url, child, exit, output: () => output };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
