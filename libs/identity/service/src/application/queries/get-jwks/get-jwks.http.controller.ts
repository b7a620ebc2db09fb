import { Controller, Get, Header } from '@nestjs/common';
import { AccessTokenService, Public } from '@mkt/shared/auth';

@Controller('api/identity/.well-known')
export class GetJwksHttpController {
  constructor(private readonly tokens: AccessTokenService) {}

  /** The public keys access tokens are verified with (RFC 7517), for anyone who wants to check a token. */
  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  jwks() {
    return this.tokens.jwks();
  }
}
