import { readFileSync } from 'node:fs';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { CreateAccountHandler } from '../create-account/create-account.handler';

/**
 * A deployment's first ADMIN: with `IDENTITY_BOOTSTRAP_ADMIN_USERNAME` and `IDENTITY_BOOTSTRAP_ADMIN_PASSWORD`
 * (or `…_PASSWORD_FILE`) set, the account is made at start-up while no ADMIN exists; once one does, nothing happens,
 * so the variables can stay set. Every other account is then made or approved by an ADMIN through the API.
 */
@Injectable()
export class BootstrapAdminHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger('identity');

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: CreateAccountHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const username = process.env['IDENTITY_BOOTSTRAP_ADMIN_USERNAME'];
    const file = process.env['IDENTITY_BOOTSTRAP_ADMIN_PASSWORD_FILE'];
    const password = process.env['IDENTITY_BOOTSTRAP_ADMIN_PASSWORD'] ?? (file ? readFileSync(file, 'utf8').trim() : undefined);
    if (!username || !password) return;
    const admins = await new AccountRepository(this.dataSource.manager).list({ role: 'ADMIN' });
    if (admins.length > 0) return;
    await this.accounts.execute({ username, password, displayName: 'Administrator', role: 'ADMIN', organizationId: null }, 'by-admin');
    this.logger.log(`first administrator account "${username}" created`);
  }
}
