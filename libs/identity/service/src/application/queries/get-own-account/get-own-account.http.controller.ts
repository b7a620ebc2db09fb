import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { notFound } from '@mkt/shared/kernel';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { accountView, ACCOUNT_VIEW } from '../../account.view';

@Controller('api/identity')
export class GetOwnAccountHttpController {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller's own account, by the token's subject: nobody reads another's here. */
  @Get('me')
  @Roles('ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR')
  @Responds(ACCOUNT_VIEW)
  async me(@CurrentUser() user: AuthenticatedUser) {
    const account = await new AccountRepository(this.dataSource.manager).find(user.userId);
    if (!account) throw notFound('IDENTITY.ACCOUNT_NOT_FOUND', 'this token’s account does not exist here');
    return accountView(account);
  }
}
