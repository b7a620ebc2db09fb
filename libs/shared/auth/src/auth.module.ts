import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenService } from './access-token.service';
import { AccessGuard } from './access.guard';

export interface AuthModuleOptions {
  /** HMAC secret shared by the issuer (identity) and every verifying service. */
  readonly secret: string;
  readonly tokenTtlSeconds?: number;
}

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    if (options.secret.length < 32) throw new Error('AUTH_TOKEN_SECRET must be at least 32 characters');
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          secret: options.secret,
          signOptions: { algorithm: 'HS256', expiresIn: options.tokenTtlSeconds ?? 900, issuer: 'mkt-identity' },
          verifyOptions: { algorithms: ['HS256'], issuer: 'mkt-identity' },
        }),
      ],
      providers: [AccessTokenService, { provide: APP_GUARD, useClass: AccessGuard }],
      exports: [AccessTokenService],
    };
  }
}
