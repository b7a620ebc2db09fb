import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@mkt/shared/kernel';
import { ROLES, type AuthenticatedUser, type Role } from './role';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  org: string | null;
}

/** Short-lived signed tokens carrying role and organisation; identity issues them, every service verifies. */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthenticatedUser): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.userId, role: user.role, org: user.organizationId };
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new DomainError('AUTH.INVALID_TOKEN', 'the access token is invalid or expired', 'unauthenticated');
    }
    if (!ROLES.includes(claims.role) || typeof claims.sub !== 'string') {
      throw new DomainError('AUTH.INVALID_TOKEN', 'the access token carries no known role', 'unauthenticated');
    }
    return { userId: claims.sub, role: claims.role, organizationId: claims.org ?? null };
  }
}
