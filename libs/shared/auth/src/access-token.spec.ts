import { createHmac, generateKeyPairSync } from 'node:crypto';
import { DomainError } from '@mkt/shared/kernel';
import { AccessTokenService } from './access-token.service';
import { issueTestToken } from './testing';
import { generateSigningKey, keyIdOf, keysFromSigningKey, publicKeyOf, publicKeyPem, signingKeyFromSeed, type AuthKeys } from './signing-keys';

const SEED = 'access-token-spec-seed-0123456789abcdef';
const user = { userId: 'u-1', role: 'AGENCY', organizationId: 'agency-7' } as const;

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

class StepClock {
  constructor(public current = new Date('2026-05-01T08:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
}

const systemClock = { now: () => new Date() };

function service(keys: AuthKeys, clock: { now(): Date } = systemClock) {
  return new AccessTokenService({ keys, tokenTtlSeconds: 900, clock });
}

async function refusal(verifier: AccessTokenService, token: string): Promise<string> {
  try {
    await verifier.verify(token);
    return 'accepted';
  } catch (error) {
    return error instanceof DomainError ? `${error.code}/${error.kind}` : String(error);
  }
}

describe('AccessTokenService', () => {
  const keys = keysFromSigningKey(signingKeyFromSeed(SEED));
  const verifier = service({ signing: null, verification: keys.verification });

  it('issues an EdDSA token that a service holding only the public key accepts, with role and organisation', async () => {
    const clock = new StepClock();
    const token = await service(keys, clock).issue(user);
    const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: keyIdOf(keys.verification[0]) });
    expect(payload).toMatchObject({ iss: 'mkt-identity', sub: 'u-1', role: 'AGENCY', org: 'agency-7', exp: payload.iat + 900 });
    await expect(service({ signing: null, verification: keys.verification }, clock).verify(token)).resolves.toEqual(user);
  });

  it('refuses to issue without the signing key', async () => {
    await expect(verifier.issue(user)).rejects.toThrow(/no token signing key/);
  });

  it('refuses a token once it has expired, by the injected clock', async () => {
    const clock = new StepClock();
    const token = await service(keys, clock).issue(user);
    const at = service({ signing: null, verification: keys.verification }, clock);
    clock.current = new Date(clock.current.getTime() + 899_000);
    await expect(at.verify(token)).resolves.toEqual(user);
    clock.current = new Date(clock.current.getTime() + 1_000);
    expect(await refusal(at, token)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, issueTestToken(SEED, user, -1))).toBe('AUTH.INVALID_TOKEN/unauthenticated');
  });

  it('refuses a token whose claims or header were changed after signing', async () => {
    const [header, payload, signature] = issueTestToken(SEED, user).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(await refusal(verifier, `${header}.${b64({ ...claims, role: 'ADMIN' })}.${signature}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, `${header}.${b64({ ...claims, org: 'agency-8' })}.${signature}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    const flipped = Buffer.from(signature, 'base64url');
    flipped[10] ^= 1;
    expect(await refusal(verifier, `${header}.${payload}.${flipped.toString('base64url')}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, `${header}.${payload}.`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, `${header}.${payload}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, 'not a token')).toBe('AUTH.INVALID_TOKEN/unauthenticated');
  });

  it('accepts only the canonical spelling of a signature', async () => {
    const [header, payload, signature] = issueTestToken(SEED, user).split('.');
    // 64 bytes in base64url leave 2 unused bits in the last character; setting them decodes to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1) as string);
    const respelled = signature.slice(0, -1) + alphabet[last ^ 1];
    expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect(await refusal(verifier, `${header}.${payload}.${respelled}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
  });

  it('refuses a token signed with another key, even one that names our key id', async () => {
    const other = issueTestToken('another-seed-0123456789abcdef-xyz-0000', user);
    expect(await refusal(verifier, other)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    const stranger = generateSigningKey();
    const [, payload] = issueTestToken(SEED, user).split('.');
    const header = b64({ alg: 'EdDSA', typ: 'at+jwt', kid: keyIdOf(keys.verification[0]) });
    const { sign } = await import('node:crypto');
    const forged = `${header}.${payload}.${sign(null, Buffer.from(`${header}.${payload}`), stranger).toString('base64url')}`;
    expect(await refusal(verifier, forged)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
  });

  it('refuses alg none, HS256 keyed with the public key, and other algorithms', async () => {
    const [, payload] = issueTestToken(SEED, user).split('.');
    const kid = keyIdOf(keys.verification[0]);
    const none = b64({ alg: 'none', typ: 'at+jwt', kid });
    expect(await refusal(verifier, `${none}.${payload}.`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, `${none}.${payload}.${b64('x')}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    // The classic key-confusion attack: the public key is public, so an HMAC keyed with it proves nothing.
    const hs = b64({ alg: 'HS256', typ: 'at+jwt', kid });
    const publicPem = publicKeyPem(keys.verification[0]);
    const publicRaw = Buffer.from(String(keys.verification[0].export({ format: 'jwk' }).x), 'base64url');
    for (const secret of [publicPem, publicRaw]) {
      const mac = createHmac('sha256', secret).update(`${hs}.${payload}`).digest('base64url');
      expect(await refusal(verifier, `${hs}.${payload}.${mac}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    }
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const es = b64({ alg: 'ES256', typ: 'at+jwt', kid });
    const { sign } = await import('node:crypto');
    const esSig = sign('sha256', Buffer.from(`${es}.${payload}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    expect(await refusal(verifier, `${es}.${payload}.${esSig}`)).toBe('AUTH.INVALID_TOKEN/unauthenticated');
  });

  it('refuses a token of another type, with a critical extension, from another issuer or without a known role', async () => {
    const keysPrivate = signingKeyFromSeed(SEED);
    const { sign } = await import('node:crypto');
    const kid = keyIdOf(publicKeyOf(keysPrivate));
    const now = Math.floor(Date.now() / 1000);
    const mint = (header: object, claims: object) => {
      const input = `${b64(header)}.${b64(claims)}`;
      return `${input}.${sign(null, Buffer.from(input), keysPrivate).toString('base64url')}`;
    };
    const good = { iss: 'mkt-identity', sub: 'u', role: 'ADMIN', org: null, iat: now, exp: now + 60 };
    await expect(verifier.verify(mint({ alg: 'EdDSA', typ: 'at+jwt', kid }, good))).resolves.toMatchObject({ role: 'ADMIN' });
    expect(await refusal(verifier, mint({ alg: 'EdDSA', typ: 'JWT', kid }, good))).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, mint({ alg: 'EdDSA', typ: 'at+jwt', kid, crit: ['x'], x: 1 }, good))).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, mint({ alg: 'EdDSA', typ: 'at+jwt', kid }, { ...good, iss: 'someone-else' }))).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, mint({ alg: 'EdDSA', typ: 'at+jwt', kid }, { ...good, role: 'ROOT' }))).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, mint({ alg: 'EdDSA', typ: 'at+jwt', kid }, { ...good, exp: undefined }))).toBe('AUTH.INVALID_TOKEN/unauthenticated');
    expect(await refusal(verifier, mint({ alg: 'EdDSA', typ: 'at+jwt', kid }, { ...good, iat: now + 3600, exp: now + 4000 }))).toBe('AUTH.INVALID_TOKEN/unauthenticated');
  });

  it('verifies with any of several public keys while a key is rotated, and publishes them as a JWK Set', async () => {
    const next = generateSigningKey();
    const both = service({ signing: null, verification: [keys.verification[0], publicKeyOf(next)] });
    await expect(both.verify(issueTestToken(SEED, user))).resolves.toEqual(user);
    await expect(both.verify(await service(keysFromSigningKey(next)).issue(user))).resolves.toEqual(user);
    expect(both.jwks().keys).toEqual([
      expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: keyIdOf(keys.verification[0]) }),
      expect.objectContaining({ kid: keyIdOf(publicKeyOf(next)) }),
    ]);
  });
});
