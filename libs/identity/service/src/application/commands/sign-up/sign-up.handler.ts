import { Injectable } from '@nestjs/common';
import { CreateAccountHandler, type NewAccountCommand } from '../create-account/create-account.handler';

@Injectable()
export class SignUpHandler {
  constructor(private readonly accounts: CreateAccountHandler) {}

  /** An agency's or owner's user signs up; the account waits for an ADMIN's approval. */
  execute(command: NewAccountCommand): Promise<{ id: string; status: string }> {
    return this.accounts.execute(command, 'sign-up');
  }
}
