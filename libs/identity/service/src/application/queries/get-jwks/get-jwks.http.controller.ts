import { Controller, Get, Header } from '@nestjs/common';
import { AccessTokenService, Public } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';

const JWK_SET = schema.object({
  keys: schema.array(schema.object({ kty: schema.oneOf(['OKP']), crv: schema.oneOf(['Ed25519']), x: schema.string(), kid: schema.string(), alg: schema.oneOf(['EdDSA']), use: schema.oneOf(['sig']) })),
});

@Controller('api/identity/.well-known')
export class GetJwksHttpController {
  constructor(private readonly tokens: AccessTokenService) {}

  /** The public keys access tokens are verified with (RFC 7517), for anyone who wants to check a token. */
  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @Responds(JWK_SET, { description: 'RFC 7517 JWK Set of the access-token verification keys' })
  jwks() {
    return this.tokens.jwks();
  }
}
