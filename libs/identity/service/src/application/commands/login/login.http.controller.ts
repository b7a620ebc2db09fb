import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../../identity-settings';
import { clientAddressOf } from '../../http/client-address';
import { deliverSession, requireJsonRequest, sessionCookiePolicy } from '../../http/session-cookies';
import { TooManyAttemptsFilter } from '../../http/too-many-attempts.exception';
import { SESSION_RESPONSE } from '../../session-tokens';
import { LoginHandler } from './login.handler';
import { LoginRequestDto } from './login.request.dto';

@Controller('api/identity')
export class LoginHttpController {
  constructor(
    private readonly handler: LoginHandler,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * Username and password for an access token (15 minutes) and a one-time refresh token: as HttpOnly cookies
   * unless the client asks for `refreshTokenDelivery: "body"`.
   */
  @Post('login')
  @HttpCode(200)
  @Public()
  @UseFilters(TooManyAttemptsFilter)
  @Responds(SESSION_RESPONSE)
  async login(@Body() body: LoginRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const delivery = body.refreshTokenDelivery ?? 'cookie';
    // Another site's form must not be able to plant its own session in this browser (login CSRF).
    if (delivery === 'cookie') requireJsonRequest(request);
    const tokens = await this.handler.execute({ username: body.username, password: body.password, address: clientAddressOf(request, this.settings.trustedProxyHops) });
    return deliverSession(request, response, tokens, delivery, sessionCookiePolicy(this.settings));
  }
}
