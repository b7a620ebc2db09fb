import { Body, Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../../identity-settings';
import { clientAddressOf } from '../../http/client-address';
import { TooManyAttemptsFilter } from '../../http/too-many-attempts.exception';
import { ChangePasswordHandler } from './change-password.handler';
import { ChangePasswordRequestDto } from './change-password.request.dto';

@Controller('api/identity')
export class ChangePasswordHttpController {
  constructor(
    private readonly handler: ChangePasswordHandler,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** Any signed-in user, for their own account only (the token's subject): no account id is taken from the request. */
  @Post('password')
  @HttpCode(204)
  @Roles('ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR')
  @UseFilters(TooManyAttemptsFilter)
  async change(@Body() body: ChangePasswordRequestDto, @CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<void> {
    await this.handler.execute(user, { ...body, address: clientAddressOf(request, this.settings.trustedProxyHops) });
  }
}
