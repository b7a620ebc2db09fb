import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The keys behind access tokens: identity signs with an Ed25519 private key; every service verifies with the
 * public key alone, so no service but identity can mint a token.
 */
export interface AuthKeys {
  /** Public keys accepted for verification (several while a key is being rotated). */
  readonly verification: readonly KeyObject[];
  /** Identity's private key; null in every other service. */
  readonly signing: KeyObject | null;
}

// RFC 8410 §7: PKCS#8 wrapping of a raw 32-byte Ed25519 private key (seed).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function generateSigningKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

/**
 * A key pair derived from a passphrase, for tests and local experiments only: whoever knows the seed can sign.
 * HKDF-SHA256 turns the seed into the 32-byte Ed25519 private key.
 */
export function signingKeyFromSeed(seed: string): KeyObject {
  if (seed.length < 32) throw new Error('a token key seed (AUTH_TOKEN_SECRET) must be at least 32 characters');
  const raw = Buffer.from(hkdfSync('sha256', seed, 'mkt-auth', 'ed25519 access-token signing key', 32));
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

export function publicKeyOf(signing: KeyObject): KeyObject {
  return createPublicKey(signing);
}

/** One PKCS#8 PEM private key, which must be Ed25519. */
export function parseSigningKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the token signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

/** One or more SPKI PEM public keys, one after the other (several while rotating); each must be Ed25519. */
export function parsePublicKeys(pems: string): KeyObject[] {
  const blocks = pems.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  if (blocks.length === 0) throw new Error('no PEM public key (-----BEGIN PUBLIC KEY-----) found');
  return blocks.map((pem) => {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a token verification key must be Ed25519, not ${key.asymmetricKeyType}`);
    return key;
  });
}

export function publicKeyPem(key: KeyObject): string {
  return String(key.export({ type: 'spki', format: 'pem' }));
}

export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly use: 'sig';
}

/** RFC 7638 JWK thumbprint: SHA-256 over the required members in lexicographic order, base64url. */
export function keyIdOf(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

export function publicJwkOf(publicKey: KeyObject): PublicJwk {
  const { x } = publicKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: String(x), kid: keyIdOf(publicKey), alg: 'EdDSA', use: 'sig' };
}

export const SIGNING_KEY_FILE = 'identity-signing-key.pem';
export const PUBLIC_KEY_FILE = 'identity-public-key.pem';

/**
 * Embedded mode's key pair, kept in the data folder: the private key (mode 0600) is made on first run and
 * reused after, so tokens survive restarts; the public key is written beside it for tools and other processes.
 */
export function signingKeyInDataDir(dataDir: string): KeyObject {
  const file = join(dataDir, SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside then hard-linked into place: linking fails if another process won the race, and then its key stands.
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, String(generateSigningKey().export({ type: 'pkcs8', format: 'pem' })), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const signing = parseSigningKey(readFileSync(file, 'utf8'));
  const publicFile = join(dataDir, PUBLIC_KEY_FILE);
  const pem = publicKeyPem(publicKeyOf(signing));
  if (!existsSync(publicFile) || readFileSync(publicFile, 'utf8') !== pem) writeFileSync(publicFile, pem);
  return signing;
}

/** Keys for a process that holds the signing key (identity, embedded mode, tests). */
export function keysFromSigningKey(signing: KeyObject): AuthKeys {
  return { signing, verification: [publicKeyOf(signing)] };
}

/**
 * Keys from the environment, first match wins:
 * - `AUTH_PRIVATE_KEY` / `AUTH_PRIVATE_KEY_FILE` (identity in distributed mode): PEM Ed25519 private key;
 *   its public key verifies too, with any in `AUTH_PUBLIC_KEY`;
 * - `AUTH_PUBLIC_KEY` / `AUTH_PUBLIC_KEY_FILE` (every other service): PEM public key(s), verify only;
 * - `AUTH_TOKEN_SECRET`: a seed the key pair is derived from — tests and local experiments only;
 * - else, with `dataDir` (embedded mode): the key pair kept in that folder, made on first run.
 */
export function authKeysFromEnv(env: NodeJS.ProcessEnv, options: { dataDir?: string | null } = {}): AuthKeys {
  const text = (name: string): string | null => env[name] || (env[`${name}_FILE`] ? readFileSync(env[`${name}_FILE`] as string, 'utf8') : null);
  const privatePem = text('AUTH_PRIVATE_KEY');
  const publicPems = text('AUTH_PUBLIC_KEY');
  const extra = publicPems ? parsePublicKeys(publicPems) : [];
  if (privatePem) {
    const signing = parseSigningKey(privatePem);
    return { signing, verification: [publicKeyOf(signing), ...extra.filter((k) => keyIdOf(k) !== keyIdOf(publicKeyOf(signing)))] };
  }
  if (extra.length > 0) return { signing: null, verification: extra };
  const seed = env['AUTH_TOKEN_SECRET'];
  if (seed) return keysFromSigningKey(signingKeyFromSeed(seed));
  if (options.dataDir) return keysFromSigningKey(signingKeyInDataDir(options.dataDir));
  throw new Error('token keys are not configured: set AUTH_PUBLIC_KEY (AUTH_PRIVATE_KEY for identity); see docs/decisions/0008-identity-and-access-tokens.md');
}
