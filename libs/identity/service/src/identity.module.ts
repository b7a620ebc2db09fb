import { Module, type DynamicModule } from '@nestjs/common';
import { IDENTITY_TOPICS } from '@mkt/identity/contracts';
import { LoginRateLimiter, SlidingWindowRateLimiter } from '@mkt/identity/core';
import { ServicePlatformModule } from '@mkt/shared/messaging';
import { ApproveAccountHandler } from './application/commands/approve-account/approve-account.handler';
import { ApproveAccountHttpController } from './application/commands/approve-account/approve-account.http.controller';
import { BootstrapAdminHandler } from './application/commands/bootstrap-admin/bootstrap-admin.handler';
import { ChangePasswordHandler } from './application/commands/change-password/change-password.handler';
import { ChangePasswordHttpController } from './application/commands/change-password/change-password.http.controller';
import { CreateAccountHandler } from './application/commands/create-account/create-account.handler';
import { CreateAccountHttpController } from './application/commands/create-account/create-account.http.controller';
import { DisableAccountHandler } from './application/commands/disable-account/disable-account.handler';
import { DisableAccountHttpController } from './application/commands/disable-account/disable-account.http.controller';
import { LoginHandler } from './application/commands/login/login.handler';
import { LoginHttpController } from './application/commands/login/login.http.controller';
import { LogoutHandler } from './application/commands/logout/logout.handler';
import { LogoutHttpController } from './application/commands/logout/logout.http.controller';
import { RefreshSessionHandler } from './application/commands/refresh-session/refresh-session.handler';
import { RefreshSessionHttpController } from './application/commands/refresh-session/refresh-session.http.controller';
import { SignUpHandler } from './application/commands/sign-up/sign-up.handler';
import { SIGN_UP_LIMITER, SignUpHttpController } from './application/commands/sign-up/sign-up.http.controller';
import { GetJwksHttpController } from './application/queries/get-jwks/get-jwks.http.controller';
import { GetOwnAccountHttpController } from './application/queries/get-own-account/get-own-account.http.controller';
import { ListAccountsHttpController } from './application/queries/list-accounts/list-accounts.http.controller';
import { SessionTokenIssuer } from './application/session-tokens';
import { IDENTITY_SETTINGS, identitySettings, PASSWORD_HASHER, type IdentityModuleOptions, type IdentitySettings } from './identity-settings';
import { AccountOrmEntity } from './infrastructure/account.orm-entity';
import { CreateIdentityTables1764375200000 } from './infrastructure/migrations/1764375200000-create-identity-tables';
import { ScryptPasswordHasher } from './infrastructure/scrypt-password.hasher';

/**
 * The identity service: accounts with role and organisation, sign-up and approval, sign-in with rate limits and
 * lockout, access tokens (signed by `AuthModule`'s key) and rotating refresh tokens; events on `identity.account.v1`.
 */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityModuleOptions = {}): DynamicModule {
    const settings = identitySettings(options);
    return {
      module: IdentityModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'identity',
          produces: IDENTITY_TOPICS,
          entities: [AccountOrmEntity],
          migrations: [CreateIdentityTables1764375200000],
          database: options.database,
        }),
      ],
      controllers: [
        SignUpHttpController,
        LoginHttpController,
        RefreshSessionHttpController,
        LogoutHttpController,
        ChangePasswordHttpController,
        GetOwnAccountHttpController,
        CreateAccountHttpController,
        ListAccountsHttpController,
        ApproveAccountHttpController,
        DisableAccountHttpController,
        GetJwksHttpController,
      ],
      providers: [
        { provide: IDENTITY_SETTINGS, useValue: settings },
        { provide: PASSWORD_HASHER, useValue: new ScryptPasswordHasher(settings.passwordHashing) },
        // Per process: with several identity replicas each keeps its own window (the lockout is in the database).
        { provide: LoginRateLimiter, inject: [IDENTITY_SETTINGS], useFactory: (s: IdentitySettings) => new LoginRateLimiter(s.loginRateLimits) },
        { provide: SIGN_UP_LIMITER, inject: [IDENTITY_SETTINGS], useFactory: (s: IdentitySettings) => new SlidingWindowRateLimiter(s.signUpRateLimit) },
        SessionTokenIssuer,
        CreateAccountHandler,
        SignUpHandler,
        LoginHandler,
        RefreshSessionHandler,
        LogoutHandler,
        ChangePasswordHandler,
        ApproveAccountHandler,
        DisableAccountHandler,
        BootstrapAdminHandler,
      ],
      // For the embedded composition root's demo users; other services learn of accounts from events.
      exports: [CreateAccountHandler, ApproveAccountHandler],
    };
  }
}
