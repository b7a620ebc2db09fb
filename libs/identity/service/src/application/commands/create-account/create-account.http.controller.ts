import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { CreateAccountHandler } from './create-account.handler';
import { CreateAccountRequestDto } from './create-account.request.dto';

@Controller('api/identity/accounts')
export class CreateAccountHttpController {
  constructor(private readonly handler: CreateAccountHandler) {}

  /** An ADMIN makes an account of any role (supervisors, fellow operators), active at once. */
  @Post()
  @HttpCode(201)
  @Roles('ADMIN')
  create(@Body() body: CreateAccountRequestDto) {
    return this.handler.execute({ ...body, organizationId: body.organizationId ?? null }, 'by-admin');
  }
}
