import { Inject, Injectable } from '@nestjs/common';
import { LoginRateLimiter, Username, type PasswordHasher } from '@mkt/identity/core';
import { DomainError } from '@mkt/shared/kernel';
import { CLOCK, UnitOfWork, type Clock } from '@mkt/shared/messaging';
import { DataSource } from 'typeorm';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { PASSWORD_HASHER } from '../../../identity-settings';
import { TooManyAttemptsException } from '../../http/too-many-attempts.exception';
import { SessionTokenIssuer, type SessionTokens } from '../../session-tokens';

export interface LoginCommand {
  readonly username: string;
  readonly password: string;
  /** The client's address, for the per-address rate limit. */
  readonly address: string;
}

type Outcome = { kind: 'signed-in'; tokens: SessionTokens } | { kind: 'wrong-password' } | { kind: 'locked'; until: Date } | { kind: 'refused'; error: DomainError };

const wrongCredentials = () => new DomainError('IDENTITY.INVALID_CREDENTIALS', 'wrong username or password', 'unauthenticated');
const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

@Injectable()
export class LoginHandler {
  /** Verified against when the username is unknown, so a miss costs as much time as a wrong password. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionTokenIssuer,
    private readonly limiter: LoginRateLimiter,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: LoginCommand): Promise<SessionTokens> {
    const now = this.clock.now();
    const username = String(command.username).normalize('NFKC').trim().toLowerCase();
    const rate = this.limiter.take(command.address, username, now);
    if (!rate.allowed) {
      throw new TooManyAttemptsException('IDENTITY.TOO_MANY_ATTEMPTS', 'too many sign-in attempts; wait and try again', Math.ceil(rate.retryAfterMs / 1000));
    }
    const found = isUsername(username) ? await new AccountRepository(this.dataSource.manager).findByUsername(username) : null;
    if (!found) {
      await this.hasher.verify(await this.decoy(), command.password);
      throw wrongCredentials();
    }
    // A locked account is not even checked: the lock must hold against a right guess too.
    if (found.isLocked(now)) throw locked(found.snapshot.lockedUntil as Date, now);
    const passwordIsRight = await this.hasher.verify(found.snapshot.passwordHash, command.password);
    const rehash = passwordIsRight && this.hasher.needsRehash(found.snapshot.passwordHash) ? await this.hasher.hash(command.password) : null;

    const outcome = await this.unitOfWork.run<Outcome>(async (tx) => {
      const accounts = new AccountRepository(tx.manager);
      // Re-read under a row lock: a burst of parallel guesses is counted one by one, and one that arrives
      // after a lock was set is refused even with the right password.
      const account = await accounts.getForUpdate(found.snapshot.id);
      if (account.isLocked(tx.now)) return { kind: 'locked', until: account.snapshot.lockedUntil as Date };
      if (!passwordIsRight) {
        const lockedNow = account.recordFailedLogin(tx.now);
        await accounts.save(account);
        return lockedNow ? { kind: 'locked', until: account.snapshot.lockedUntil as Date } : { kind: 'wrong-password' };
      }
      account.recordSuccessfulLogin();
      if (rehash) account.changePassword(rehash);
      await accounts.save(account);
      try {
        account.signInMustBeAllowed();
      } catch (error) {
        if (error instanceof DomainError) return { kind: 'refused', error };
        throw error;
      }
      return { kind: 'signed-in', tokens: await this.sessions.start(tx, account) };
    });
    // Failures are thrown only now, after the commit, so the count of wrong passwords is kept.
    switch (outcome.kind) {
      case 'signed-in':
        return outcome.tokens;
      case 'wrong-password':
        throw wrongCredentials();
      case 'locked':
        throw locked(outcome.until, now);
      case 'refused':
        throw outcome.error;
    }
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash(`decoy-${Math.random()}`);
    return this.decoyHash;
  }
}

function isUsername(value: string): boolean {
  try {
    Username.parse(value);
    return true;
  } catch {
    return false;
  }
}

function locked(until: Date, now: Date): TooManyAttemptsException {
  return new TooManyAttemptsException('IDENTITY.ACCOUNT_LOCKED', `too many wrong passwords: the account is locked until ${until.toISOString()}`, secondsUntil(until, now));
}
