import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@mkt/shared/kernel';
import { InvalidTokenError, keyRing, signAccessToken, TOKEN_ISSUER, verifyAccessToken } from './access-token.codec';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options';
import { ROLES, type AuthenticatedUser, type Role } from './role';
import { publicJwkOf, publicKeyOf, type PublicJwk } from './signing-keys';

/** Short-lived signed tokens carrying role and organisation; identity issues them, every service verifies. */
@Injectable()
export class AccessTokenService {
  private readonly ring: ReturnType<typeof keyRing>;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions) {
    this.ring = keyRing(options.keys.verification);
  }

  get ttlSeconds(): number {
    return this.options.tokenTtlSeconds;
  }

  /** Whether this process holds the signing key (identity, embedded mode); other services only verify. */
  get canIssue(): boolean {
    return this.options.keys.signing !== null;
  }

  async issue(user: AuthenticatedUser): Promise<string> {
    const signing = this.options.keys.signing;
    if (!signing) throw new Error('this process has no token signing key: only the identity service issues tokens');
    const iat = Math.floor(this.options.clock.now().getTime() / 1000);
    return signAccessToken({ iss: TOKEN_ISSUER, sub: user.userId, role: user.role, org: user.organizationId, iat, exp: iat + this.options.tokenTtlSeconds }, signing, publicKeyOf(signing));
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    let claims;
    try {
      claims = verifyAccessToken(token, this.ring, Math.floor(this.options.clock.now().getTime() / 1000));
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      const message = error.reason === 'expired' ? 'the access token has expired: refresh it or sign in again' : 'the access token is invalid';
      throw new DomainError('AUTH.INVALID_TOKEN', message, 'unauthenticated');
    }
    if (!ROLES.includes(claims.role as Role)) {
      throw new DomainError('AUTH.INVALID_TOKEN', 'the access token carries no known role', 'unauthenticated');
    }
    return { userId: claims.sub, role: claims.role as Role, organizationId: claims.org };
  }

  /** The public verification keys as a JWK Set (RFC 7517), for /.well-known/jwks.json. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: this.options.keys.verification.map(publicJwkOf) };
  }
}
