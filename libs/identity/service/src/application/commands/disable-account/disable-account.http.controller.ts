import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { DisableAccountHandler } from './disable-account.handler';
import { DisableAccountRequestDto } from './disable-account.request.dto';

@Controller('api/identity/accounts')
export class DisableAccountHttpController {
  constructor(private readonly handler: DisableAccountHandler) {}

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('ADMIN')
  disable(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DisableAccountRequestDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.handler.execute(id, body.reason, admin);
  }
}
