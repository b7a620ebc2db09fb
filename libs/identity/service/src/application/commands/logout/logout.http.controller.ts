import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { RefreshSessionRequestDto } from '../refresh-session/refresh-session.request.dto';
import { LogoutHandler } from './logout.handler';

@Controller('api/identity')
export class LogoutHttpController {
  constructor(private readonly handler: LogoutHandler) {}

  /**
   * Public, because the access token may already have expired: holding the refresh token is the proof. Always
   * 204, so the answer says nothing about whether the token was live. The access token lapses by itself.
   */
  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Body() body: RefreshSessionRequestDto): Promise<void> {
    await this.handler.execute(body.refreshToken);
  }
}
