import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { publishAccountEvent } from '../../account-events.publisher';
import { accountView, type AccountView } from '../../account.view';

@Injectable()
export class ApproveAccountHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(accountId: string, admin: AuthenticatedUser): Promise<AccountView> {
    return this.unitOfWork.run(async (tx) => {
      const accounts = new AccountRepository(tx.manager);
      const account = await accounts.getForUpdate(accountId);
      publishAccountEvent(tx, account.approve(admin.userId));
      await accounts.save(account);
      return accountView(account);
    });
  }
}
