// Distributed mode on one machine: every service its own process with its own Postgres database
// (mkt_<service> on POSTGRES_ADMIN_URL's server), events on the Kafka broker of tools/kafka, and the
// gateway on http://localhost:3000 in front. Ctrl-C stops them all.
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const services = { identity: 3101, registry: 3102, projects: 3103, draw: 3104, bidding: 3105, audit: 3106 };
const server = new URL(process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

execFileSync(process.execPath, [join(root, 'tools/db/create-databases.js')], { stdio: 'inherit' });
execFileSync('bash', [join(root, 'tools/kafka/kafka.sh'), 'start'], { stdio: 'inherit' });

server.pathname = '/{db}';
const common = {
  ...process.env,
  NODE_OPTIONS: '',
  EVENT_TRANSPORT: 'kafka',
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  DATABASE_URL_TEMPLATE: decodeURI(server.toString()),
};

// Identity signs tokens with the private key; every other service gets only the public key. The pair is made on
// first launch and kept in DATA_DIR (default .data/distributed), like embedded mode's.
const keyDir = join(process.env.DATA_DIR ?? join(root, '.data'), 'distributed');
require('@swc-node/register');
const { signingKeyInDataDir, SIGNING_KEY_FILE, PUBLIC_KEY_FILE } = require('../../libs/shared/auth/src/signing-keys');
signingKeyInDataDir(keyDir);
const keys = process.env.AUTH_TOKEN_SECRET
  ? { all: {}, identity: {} }
  : { all: { AUTH_PUBLIC_KEY: readFileSync(join(keyDir, PUBLIC_KEY_FILE), 'utf8') }, identity: { AUTH_PRIVATE_KEY_FILE: join(keyDir, SIGNING_KEY_FILE) } };

// Bidding seals bid contents at rest until the close with its own key, kept beside the token keys.
const { secretFromEnvOrDataFile } = require('../../libs/shared/persistence/src/local-secret');
const biddingSealKey = secretFromEnvOrDataFile(process.env, 'BIDDING_SEAL_KEY', join(keyDir, 'bidding-seal-key'), () => require('node:crypto').randomBytes(32).toString('hex'));

const children = [];
function start(name, app, env) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], { cwd: root, env: { ...common, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => process.stdout.write(String(d).replace(/^(?=.)/gm, `[${name}] `)));
  child.on('exit', (code) => console.log(`[${name}] exited with ${code}`));
  children.push(child);
}

// The first administrator, made by identity while none exists; its password is kept beside the keys. The gateway
// appends the client's address to X-Forwarded-For, which identity's sign-in limits read (one trusted hop).
const adminPasswordFile = join(keyDir, 'admin-password');
if (!existsSync(adminPasswordFile)) writeFileSync(adminPasswordFile, randomBytes(12).toString('base64url'), { mode: 0o600 });
const identityOnly = { ...keys.identity, IDENTITY_BOOTSTRAP_ADMIN_USERNAME: 'admin', IDENTITY_BOOTSTRAP_ADMIN_PASSWORD_FILE: adminPasswordFile, IDENTITY_TRUSTED_PROXY_HOPS: '1' };
console.log(`Sign in as admin with the password in ${adminPasswordFile}`);

for (const [name, port] of Object.entries(services)) start(name, name, { PORT: String(port), ...keys.all, ...(name === 'identity' ? identityOnly : {}), ...(name === 'bidding' ? { BIDDING_SEAL_KEY: biddingSealKey } : {}) });
start('gateway', 'gateway', { PORT: process.env.PORT ?? '3000', ...Object.fromEntries(Object.entries(services).map(([n, p]) => [`${n.toUpperCase()}_URL`, `http://127.0.0.1:${p}`])) });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
