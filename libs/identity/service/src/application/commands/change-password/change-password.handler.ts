import { Inject, Injectable } from '@nestjs/common';
import { LoginRateLimiter, passwordMustMeetPolicy, type PasswordHasher } from '@mkt/identity/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { DomainError, invalid, notFound } from '@mkt/shared/kernel';
import { CLOCK, UnitOfWork, type Clock } from '@mkt/shared/messaging';
import { DataSource } from 'typeorm';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { RefreshTokenRepository } from '../../../infrastructure/refresh-token.repository';
import { PASSWORD_HASHER } from '../../../identity-settings';
import { TooManyAttemptsException } from '../../http/too-many-attempts.exception';

export interface ChangePasswordCommand {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly address: string;
}

@Injectable()
export class ChangePasswordHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly limiter: LoginRateLimiter,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Only the holder changes their password, proving the current one; every session of the account ends. */
  async execute(user: AuthenticatedUser, command: ChangePasswordCommand): Promise<void> {
    const account = await new AccountRepository(this.dataSource.manager).find(user.userId);
    if (!account) throw notFound('IDENTITY.ACCOUNT_NOT_FOUND', 'this token’s account does not exist here');
    const { username, passwordHash } = account.snapshot;
    // A stolen access token must not become a way to guess the password: the sign-in limits apply here too.
    const rate = this.limiter.take(command.address, username, this.clock.now());
    if (!rate.allowed) throw new TooManyAttemptsException('IDENTITY.TOO_MANY_ATTEMPTS', 'too many attempts; wait and try again', Math.ceil(rate.retryAfterMs / 1000));
    if (!(await this.hasher.verify(passwordHash, command.currentPassword))) {
      throw new DomainError('IDENTITY.WRONG_PASSWORD', 'the current password is wrong', 'forbidden', 'currentPassword');
    }
    passwordMustMeetPolicy(command.newPassword, username, 'newPassword');
    if (command.newPassword === command.currentPassword) throw invalid('IDENTITY.PASSWORD_UNCHANGED', 'the new password is the current one', 'newPassword');
    const newHash = await this.hasher.hash(command.newPassword);
    await this.unitOfWork.run(async (tx) => {
      const accounts = new AccountRepository(tx.manager);
      const locked = await accounts.getForUpdate(user.userId);
      locked.changePassword(newHash);
      await accounts.save(locked);
      await new RefreshTokenRepository(tx.manager).revokeAllOf(user.userId, tx.now);
    });
  }
}
