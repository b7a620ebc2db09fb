import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mkt/shared/auth';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../../identity-settings';
import { clearSessionCookies, refreshTokenCookieOf, requireJsonRequest, sessionCookiePolicy } from '../../http/session-cookies';
import { RefreshSessionRequestDto } from '../refresh-session/refresh-session.request.dto';
import { LogoutHandler } from './logout.handler';

@Controller('api/identity')
export class LogoutHttpController {
  constructor(
    private readonly handler: LogoutHandler,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * Public, because the access token may already have expired: holding the refresh token (body or cookie) is the
   * proof. Always 204, so the answer says nothing about whether the token was live; the cookies are cleared.
   * The access token lapses by itself.
   */
  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Body() body: RefreshSessionRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const fromCookie = body.refreshToken ? null : refreshTokenCookieOf(request);
    if (fromCookie) requireJsonRequest(request);
    const token = body.refreshToken ?? fromCookie;
    if (token) await this.handler.execute(token);
    clearSessionCookies(request, response, sessionCookiePolicy(this.settings));
  }
}
