import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { NEW_ACCOUNT } from '../../account.view';
import { CreateAccountHandler } from './create-account.handler';
import { CreateAccountRequestDto } from './create-account.request.dto';

@Controller('api/identity/accounts')
export class CreateAccountHttpController {
  constructor(private readonly handler: CreateAccountHandler) {}

  /** An ADMIN makes an account of any role (supervisors, fellow operators), active at once. */
  @Post()
  @HttpCode(201)
  @Roles('ADMIN')
  @Responds(NEW_ACCOUNT, { description: 'The ACTIVE account' })
  create(@Body() body: CreateAccountRequestDto) {
    return this.handler.execute({ ...body, organizationId: body.organizationId ?? null }, 'by-admin');
  }
}
