import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { ACCOUNT_VIEW } from '../../account.view';
import { ApproveAccountHandler } from './approve-account.handler';

@Controller('api/identity/accounts')
export class ApproveAccountHttpController {
  constructor(private readonly handler: ApproveAccountHandler) {}

  /** The operator checked the organisation the sign-up claims (the agency's registration, the owner's mandate). */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('ADMIN')
  @Responds(ACCOUNT_VIEW)
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() admin: AuthenticatedUser) {
    return this.handler.execute(id, admin);
  }
}
