import { Controller, Get, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Roles } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { accountView, ACCOUNT_VIEW } from '../../account.view';
import { ListAccountsRequestDto } from './list-accounts.request.dto';

@Controller('api/identity/accounts')
export class ListAccountsHttpController {
  constructor(private readonly dataSource: DataSource) {}

  /** The operator's review list, e.g. `?status=PENDING`, oldest first. */
  @Get()
  @Roles('ADMIN')
  @Responds(schema.array(ACCOUNT_VIEW))
  async list(@Query() query: ListAccountsRequestDto) {
    return (await new AccountRepository(this.dataSource.manager).list(query)).map(accountView);
  }
}
