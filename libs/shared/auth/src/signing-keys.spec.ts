import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authKeysFromEnv, generateSigningKey, keyIdOf, parsePublicKeys, parseSigningKey, PUBLIC_KEY_FILE, publicKeyOf, publicKeyPem, SIGNING_KEY_FILE, signingKeyFromSeed, signingKeyInDataDir } from './signing-keys';

const pkcs8 = (key: ReturnType<typeof generateSigningKey>) => String(key.export({ type: 'pkcs8', format: 'pem' }));
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mkt-keys-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const kids = (keys: { verification: readonly ReturnType<typeof publicKeyOf>[] }) => keys.verification.map(keyIdOf);

describe('signing keys', () => {
  it('keeps embedded mode’s pair in the data folder: private key 0600, public key beside it, the same pair on every start', () => {
    const dir = tempDir();
    const first = signingKeyInDataDir(dir);
    const second = signingKeyInDataDir(dir);
    expect(keyIdOf(publicKeyOf(first))).toBe(keyIdOf(publicKeyOf(second)));
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, PUBLIC_KEY_FILE), 'utf8')).toBe(publicKeyPem(publicKeyOf(first)));
  });

  it('derives the same pair from the same seed, another from another, and refuses a short seed', () => {
    const seed = 'a-test-seed-that-is-long-enough-0123456789';
    expect(keyIdOf(publicKeyOf(signingKeyFromSeed(seed)))).toBe(keyIdOf(publicKeyOf(signingKeyFromSeed(seed))));
    expect(keyIdOf(publicKeyOf(signingKeyFromSeed(`${seed}!`)))).not.toBe(keyIdOf(publicKeyOf(signingKeyFromSeed(seed))));
    expect(() => signingKeyFromSeed('short')).toThrow(/at least 32/);
  });

  it('refuses keys of another kind', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => parseSigningKey(String(privateKey.export({ type: 'pkcs8', format: 'pem' })))).toThrow(/Ed25519/);
    expect(() => parsePublicKeys(String(publicKey.export({ type: 'spki', format: 'pem' })))).toThrow(/Ed25519/);
    expect(() => parsePublicKeys('not a key')).toThrow(/no PEM public key/);
  });
});

describe('authKeysFromEnv', () => {
  const identityKey = generateSigningKey();
  const nextKey = generateSigningKey();

  it('gives identity its signing key, and verifies with its public key plus any listed for rotation', () => {
    const keys = authKeysFromEnv({ AUTH_PRIVATE_KEY: pkcs8(identityKey), AUTH_PUBLIC_KEY: publicKeyPem(publicKeyOf(identityKey)) + publicKeyPem(publicKeyOf(nextKey)) });
    expect(keys.signing && keyIdOf(publicKeyOf(keys.signing))).toBe(keyIdOf(publicKeyOf(identityKey)));
    expect(kids(keys)).toEqual([keyIdOf(publicKeyOf(identityKey)), keyIdOf(publicKeyOf(nextKey))]);
  });

  it('gives every other service the public key only, from the variable or a file', () => {
    const keys = authKeysFromEnv({ AUTH_PUBLIC_KEY: publicKeyPem(publicKeyOf(identityKey)), AUTH_TOKEN_SECRET: 'ignored-when-keys-are-given-0123456789' });
    expect(keys.signing).toBeNull();
    expect(kids(keys)).toEqual([keyIdOf(publicKeyOf(identityKey))]);
    const dir = tempDir();
    signingKeyInDataDir(dir);
    const fromFile = authKeysFromEnv({ AUTH_PUBLIC_KEY_FILE: join(dir, PUBLIC_KEY_FILE) });
    expect(fromFile.signing).toBeNull();
    expect(kids(fromFile)).toEqual([keyIdOf(publicKeyOf(signingKeyInDataDir(dir)))]);
  });

  it('falls back to the test seed, then to the data folder, and otherwise refuses to start', () => {
    const seed = 'a-test-seed-that-is-long-enough-0123456789';
    expect(kids(authKeysFromEnv({ AUTH_TOKEN_SECRET: seed }))).toEqual([keyIdOf(publicKeyOf(signingKeyFromSeed(seed)))]);
    const dir = tempDir();
    expect(authKeysFromEnv({}, { dataDir: dir }).signing).not.toBeNull();
    expect(() => authKeysFromEnv({})).toThrow(/AUTH_PUBLIC_KEY/);
  });
});
