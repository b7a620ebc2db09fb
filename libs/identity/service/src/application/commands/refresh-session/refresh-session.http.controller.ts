import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { RefreshSessionHandler } from './refresh-session.handler';
import { RefreshSessionRequestDto } from './refresh-session.request.dto';

@Controller('api/identity')
export class RefreshSessionHttpController {
  constructor(private readonly handler: RefreshSessionHandler) {}

  /** A refresh token, good once, for a new access token and its successor; possession of it is the proof. */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  refresh(@Body() body: RefreshSessionRequestDto) {
    return this.handler.execute(body.refreshToken);
  }
}
