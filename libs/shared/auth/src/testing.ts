import { signAccessToken, TOKEN_ISSUER } from './access-token.codec';
import type { AuthenticatedUser } from './role';
import { publicKeyOf, signingKeyFromSeed } from './signing-keys';

/**
 * Mints a token as identity would (EdDSA, issuer mkt-identity) with the key pair derived from `secret`, for tests
 * whose services run `AuthModule.forRoot({ secret })` or `AUTH_TOKEN_SECRET=secret`. A negative ttl gives an expired token.
 */
export function issueTestToken(secret: string, user: AuthenticatedUser, ttlSeconds = 900): string {
  const signing = signingKeyFromSeed(secret);
  const iat = Math.floor(Date.now() / 1000);
  return signAccessToken({ iss: TOKEN_ISSUER, sub: user.userId, role: user.role, org: user.organizationId, iat, exp: iat + ttlSeconds }, signing, publicKeyOf(signing));
}
