// Distributed mode on one machine: every service its own process with its own Postgres database
// (<DATABASE_PREFIX>_<service>, default mkt_<service>, on POSTGRES_ADMIN_URL's server), events on the Kafka broker
// of tools/kafka, and the gateway on http://localhost:<PORT> (default 3000) in front of the API and the web UI.
// Waits until every process is healthy and says where the UI is; a service that dies is started again (the
// outbox, inbox and durable scheduler make that safe); Ctrl-C stops them all, and the broker if this started it.
//
// Environment: PORT (gateway, 3000), SERVICE_PORT_BASE (3100: identity 3101 … audit 3106), DATA_DIR (.data; keys
// and the process list live in DATA_DIR/distributed), DATABASE_PREFIX (mkt), POSTGRES_ADMIN_URL, KAFKA_BROKERS,
// DEMO_CATALOG=off (no demo catalog on a first start), and for tests AUTH_TOKEN_SECRET (test token keys) and
// MKT_CLOCK_OFFSET_FILE (a shifted clock).
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const base = Number(process.env.SERVICE_PORT_BASE ?? 3100);
const services = { identity: base + 1, registry: base + 2, projects: base + 3, draw: base + 4, bidding: base + 5, audit: base + 6 };
const gatewayPort = Number(process.env.PORT ?? 3000);
const prefix = process.env.DATABASE_PREFIX ?? 'mkt';
const adminUrl = process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const kafkaScript = join(root, 'tools/kafka/kafka.sh');

require('./ensure-web-build').ensureWebBuild();

execFileSync(process.execPath, [join(root, 'tools/db/create-databases.js')], { stdio: 'inherit', env: { ...process.env, DATABASE_PREFIX: prefix } });
const brokerWasRunning = spawnStatus(kafkaScript);
if (!brokerWasRunning) execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });

function spawnStatus(script) {
  try {
    execFileSync('bash', [script, 'status'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function databaseUrl(service) {
  const url = new URL(adminUrl);
  url.pathname = `/${prefix}_${service}`;
  return url.toString();
}

const common = {
  ...process.env,
  NODE_OPTIONS: '',
  EVENT_TRANSPORT: 'kafka',
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
};

// Identity signs tokens with the private key; every other service gets only the public key. The pair is made on
// first launch and kept in DATA_DIR (default .data/distributed), like embedded mode's.
const keyDir = join(process.env.DATA_DIR ?? join(root, '.data'), 'distributed');
mkdirSync(keyDir, { recursive: true });
require('@swc-node/register');
const { signingKeyInDataDir, SIGNING_KEY_FILE, PUBLIC_KEY_FILE } = require('../../libs/shared/auth/src/signing-keys');
signingKeyInDataDir(keyDir);
const keys = process.env.AUTH_TOKEN_SECRET
  ? { all: {}, identity: {} }
  : { all: { AUTH_PUBLIC_KEY: readFileSync(join(keyDir, PUBLIC_KEY_FILE), 'utf8') }, identity: { AUTH_PRIVATE_KEY_FILE: join(keyDir, SIGNING_KEY_FILE) } };

// Bidding seals bid contents at rest until the close with its own key, kept beside the token keys.
const { secretFromEnvOrDataFile } = require('../../libs/shared/persistence/src/local-secret');
const biddingSealKey = secretFromEnvOrDataFile(process.env, 'BIDDING_SEAL_KEY', join(keyDir, 'bidding-seal-key'), () => randomBytes(32).toString('hex'));

// The first administrator, made by identity while none exists; its password is kept beside the keys. The gateway
// appends the client's address to X-Forwarded-For, which identity's sign-in limits read (one trusted hop).
const adminPasswordFile = join(keyDir, 'admin-password');
if (!existsSync(adminPasswordFile)) writeFileSync(adminPasswordFile, randomBytes(12).toString('base64url'), { mode: 0o600 });
const identityOnly = { ...keys.identity, IDENTITY_BOOTSTRAP_ADMIN_USERNAME: 'admin', IDENTITY_BOOTSTRAP_ADMIN_PASSWORD_FILE: adminPasswordFile, IDENTITY_TRUSTED_PROXY_HOPS: '1' };

const processes = {
  ...Object.fromEntries(
    Object.entries(services).map(([name, port]) => [
      name,
      {
        app: name,
        port,
        env: {
          PORT: String(port),
          [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrl(name),
          ...keys.all,
          ...(name === 'identity' ? identityOnly : {}),
          ...(name === 'bidding' ? { BIDDING_SEAL_KEY: biddingSealKey } : {}),
        },
      },
    ]),
  ),
  gateway: {
    app: 'gateway',
    port: gatewayPort,
    env: { PORT: String(gatewayPort), WEB_DIST_DIR: join(root, 'dist/apps/web'), ...Object.fromEntries(Object.entries(services).map(([n, p]) => [`${n.toUpperCase()}_URL`, `http://127.0.0.1:${p}`])) },
  },
};

const running = new Map();
const processFile = join(keyDir, 'processes.json');
let stopping = false;

function writeProcessFile() {
  const list = Object.fromEntries([...running].map(([name, child]) => [name, { pid: child.pid, port: processes[name].port }]));
  writeFileSync(processFile, JSON.stringify(list, null, 2));
}

function start(name) {
  const { app, env } = processes[name];
  // Each service in its own process group: a terminal's Ctrl-C reaches only this launcher, which then stops every
  // service with one SIGTERM and lets it finish gracefully.
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], { cwd: root, env: { ...common, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => process.stdout.write(String(d).replace(/^(?=.)/gm, `[${name}] `)));
  child.on('exit', (code, signal) => {
    console.log(`[${name}] exited with ${code ?? signal}`);
    if (running.get(name) === child) running.delete(name);
    if (stopping) return;
    // A crashed service comes back; what it had accepted is in its database, what it owes others in its outbox.
    setTimeout(() => {
      if (stopping) return;
      console.log(`[${name}] starting again`);
      start(name);
    }, 1000);
  });
  running.set(name, child);
  writeProcessFile();
}

async function healthy(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
  } catch {
    return false;
  }
}

async function waitUntilHealthy(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(Object.entries(processes).map(async ([name, p]) => [name, await healthy(p.port)]));
    if (states.every(([, ok]) => ok)) return;
    if (Date.now() > deadline) throw new Error(`not healthy after ${timeoutMs / 1000} s: ${states.filter(([, ok]) => !ok).map(([n]) => n).join(', ')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('stopping every service…');
  const exits = [...running.values()].map((child) => new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done))));
  for (const child of running.values()) child.kill('SIGTERM');
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 15000))]);
  for (const child of running.values()) child.kill('SIGKILL');
  if (!brokerWasRunning) execFileSync('bash', [kafkaScript, 'stop'], { stdio: 'inherit' });
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop());

for (const name of Object.keys(processes)) start(name);
waitUntilHealthy(180000).then(
  async () => {
    if (process.env.DEMO_CATALOG !== 'off') {
      const adminPassword = readFileSync(adminPasswordFile, 'utf8').trim();
      await require('./demo-catalog')
        .loadDemoCatalog({ baseUrl: `http://127.0.0.1:${gatewayPort}`, adminUsername: 'admin', adminPassword })
        .catch((error) => console.warn(`demo catalog not loaded: ${error.message}`));
    }
    console.log(`\nMarketplace ready (distributed): http://localhost:${gatewayPort}  (web UI and /api/<service>/…)`);
    console.log(`Services: ${Object.entries(services).map(([n, p]) => `${n} :${p}`).join(', ')}; process list in ${processFile}`);
    console.log(`Sign in as admin with the password in ${adminPasswordFile}. Ctrl-C stops everything.`);
  },
  (error) => {
    console.error(error.message);
    void stop();
  },
);
