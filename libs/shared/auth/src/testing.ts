import { JwtService } from '@nestjs/jwt';
import type { AuthenticatedUser } from './role';

/** Mints a token as identity would, for tests that call services over HTTP with a known secret. */
export function issueTestToken(secret: string, user: AuthenticatedUser, ttlSeconds = 900): string {
  return new JwtService({ secret }).sign(
    { sub: user.userId, role: user.role, org: user.organizationId },
    { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: 'mkt-identity' },
  );
}
