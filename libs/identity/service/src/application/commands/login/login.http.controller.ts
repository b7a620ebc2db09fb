import { Body, Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '@mkt/shared/auth';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../../identity-settings';
import { clientAddressOf } from '../../http/client-address';
import { TooManyAttemptsFilter } from '../../http/too-many-attempts.exception';
import { LoginHandler } from './login.handler';
import { LoginRequestDto } from './login.request.dto';

@Controller('api/identity')
export class LoginHttpController {
  constructor(
    private readonly handler: LoginHandler,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** Username and password for an access token (15 minutes) and a one-time refresh token. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @UseFilters(TooManyAttemptsFilter)
  login(@Body() body: LoginRequestDto, @Req() request: Request) {
    return this.handler.execute({ ...body, address: clientAddressOf(request, this.settings.trustedProxyHops) });
  }
}
