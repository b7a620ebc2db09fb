import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Account, passwordMustMeetPolicy, Username, type AccountRole, type PasswordHasher } from '@mkt/identity/core';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { PASSWORD_HASHER } from '../../../identity-settings';
import { publishAccountEvent } from '../../account-events.publisher';

export interface NewAccountCommand {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly organizationId: string | null;
}

/**
 * Makes an account, by self-service sign-up (PENDING) or by an ADMIN (ACTIVE). Validates and hashes first (slow,
 * outside any transaction), then stores the account and its event together.
 */
@Injectable()
export class CreateAccountHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: NewAccountCommand, how: 'sign-up' | 'by-admin'): Promise<{ id: string; status: string }> {
    const username = Username.parse(command.username).value;
    passwordMustMeetPolicy(command.password, username);
    const input = { id: randomUUID(), username, displayName: command.displayName, role: command.role, organizationId: command.organizationId ?? null, passwordHash: '', now: new Date(0) };
    // Rules on role and organisation run before the slow hash, so bad input is answered at once.
    (how === 'sign-up' ? Account.signUp : Account.createByAdmin)(input);
    const passwordHash = await this.hasher.hash(command.password);
    return this.unitOfWork.run(async (tx) => {
      const { account, event } = (how === 'sign-up' ? Account.signUp : Account.createByAdmin)({ ...input, passwordHash, now: tx.now });
      await new AccountRepository(tx.manager).insert(account);
      publishAccountEvent(tx, event);
      return { id: account.snapshot.id, status: account.snapshot.status };
    });
  }
}
