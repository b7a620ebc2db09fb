import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { AccountFactory } from '../sign-up/sign-up.handler';
import { CreateAccountRequestDto } from './create-account.request.dto';

@Controller('api/identity/accounts')
export class CreateAccountHttpController {
  constructor(private readonly accounts: AccountFactory) {}

  /** An ADMIN makes an account of any role (supervisors, fellow operators), active at once. */
  @Post()
  @HttpCode(201)
  @Roles('ADMIN')
  create(@Body() body: CreateAccountRequestDto) {
    return this.accounts.create({ ...body, organizationId: body.organizationId ?? null }, 'by-admin');
  }
}
