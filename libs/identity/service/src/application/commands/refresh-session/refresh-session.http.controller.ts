import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { DomainError } from '@mkt/shared/kernel';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../../identity-settings';
import { clearSessionCookies, deliverSession, refreshTokenCookieOf, requireJsonRequest, sessionCookiePolicy } from '../../http/session-cookies';
import { SESSION_RESPONSE } from '../../session-tokens';
import { RefreshSessionHandler } from './refresh-session.handler';
import { RefreshSessionRequestDto } from './refresh-session.request.dto';

@Controller('api/identity')
export class RefreshSessionHttpController {
  constructor(
    private readonly handler: RefreshSessionHandler,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * A refresh token, good once, for a new access token and its successor; possession of it is the proof. The
   * successor travels the way the presented token came: in the body for `{ refreshToken }`, else as cookies.
   */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @Responds(SESSION_RESPONSE)
  async refresh(@Body() body: RefreshSessionRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const policy = sessionCookiePolicy(this.settings);
    if (body.refreshToken) return deliverSession(request, response, await this.handler.execute(body.refreshToken), 'body', policy);
    requireJsonRequest(request);
    const fromCookie = refreshTokenCookieOf(request);
    if (!fromCookie) {
      clearSessionCookies(request, response, policy);
      // 400 naming the field, as before the cookie existed: nothing was presented, so nothing was refused.
      throw new DomainError('IDENTITY.REFRESH_TOKEN_MISSING', 'no refresh token: send refreshToken in the body, or sign in again', 'invalid', 'refreshToken');
    }
    // A refused cookie is dead for good (unknown, expired, or its family revoked): drop it with the 401, so the
    // page stops offering it.
    const tokens = await this.handler.execute(fromCookie).catch((error: unknown) => {
      clearSessionCookies(request, response, policy);
      throw error;
    });
    return deliverSession(request, response, tokens, 'cookie', policy);
  }
}
