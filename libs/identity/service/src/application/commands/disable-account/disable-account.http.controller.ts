import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { ACCOUNT_VIEW } from '../../account.view';
import { DisableAccountHandler } from './disable-account.handler';
import { DisableAccountRequestDto } from './disable-account.request.dto';

@Controller('api/identity/accounts')
export class DisableAccountHttpController {
  constructor(private readonly handler: DisableAccountHandler) {}

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('ADMIN')
  @Responds(ACCOUNT_VIEW)
  disable(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DisableAccountRequestDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.handler.execute(id, body.reason, admin);
  }
}
