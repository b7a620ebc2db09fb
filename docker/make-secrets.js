// `node docker/make-secrets.js`: the secrets docker/compose.yaml reads, made once per machine and never committed
// (docker/.gitignore): docker/.env with the database passwords, the bid-sealing key and the audit log's signing
// key, and docker/secrets/ with identity's Ed25519 token key pair. Refuses to overwrite an existing .env
// (`--force` does): the Postgres volume keeps the passwords it was initialised with. Also the first ADMIN's password.
const { generateKeyPairSync, randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const here = __dirname;
const envFile = join(here, '.env');
const SERVICES = ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit'];

if (existsSync(envFile) && !process.argv.includes('--force')) {
  console.error(`${envFile} exists; keep it (the database volume was initialised with its passwords) or pass --force`);
  process.exit(1);
}

const password = () => randomBytes(24).toString('base64url');
const auditOrigin = process.env.AUDIT_LOG_ORIGIN ?? 'marketplace.localhost/audit-log';
const auditSigner = makeAuditSigner(auditOrigin);
const adminPassword = password();

const lines = [
  '# Made by docker/make-secrets.js; read by docker/compose.yaml. Not committed.',
  `POSTGRES_PASSWORD=${password()}`,
  ...SERVICES.map((s) => `${s.toUpperCase()}_DB_PASSWORD=${password()}`),
  `IDENTITY_BOOTSTRAP_ADMIN_PASSWORD=${adminPassword}`,
  `BIDDING_SEAL_KEY=${randomBytes(32).toString('hex')}`,
  `AUDIT_LOG_ORIGIN=${auditOrigin}`,
  `AUDIT_SIGNING_KEY=${auditSigner.signerKey}`,
];
writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });

// The containers run as uid 1000 and compose bind-mounts file secrets with their host permissions, so the key
// files must be readable by that user: on a shared host, chown them to 1000 and tighten to 0400 instead.
const secrets = join(here, 'secrets');
mkdirSync(secrets, { recursive: true });
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
writeFileSync(join(secrets, 'auth-private-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o644 });
writeFileSync(join(secrets, 'auth-public-key.pem'), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });

console.log(`wrote ${envFile} and ${secrets}/auth-{private,public}-key.pem`);
console.log(`first ADMIN: sign in as "admin" with the password IDENTITY_BOOTSTRAP_ADMIN_PASSWORD in ${envFile}`);
console.log(`audit log verifier key (give it to supervisors): ${auditSigner.verifierKey}`);

/** A C2SP note signer for the audit log, made by the audit core itself so its format is the one the service parses. */
function makeAuditSigner(origin) {
  require('@swc-node/register');
  const { generateSigner, signerKeyString, verifierKeyString, verifierOf } = require('../libs/audit/core/src');
  const signer = generateSigner(origin);
  return { signerKey: signerKeyString(signer), verifierKey: verifierKeyString(verifierOf(signer)) };
}
