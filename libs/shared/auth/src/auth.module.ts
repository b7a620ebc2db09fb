import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { AccessGuard } from './access.guard';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options';
import { keysFromSigningKey, signingKeyFromSeed, type AuthKeys } from './signing-keys';

interface CommonAuthOptions {
  /** Access-token lifetime (default 900 s); revocation is by expiry, so keep it short. */
  readonly tokenTtlSeconds?: number;
  readonly clock?: { now(): Date };
}

export type AuthModuleOptions =
  | (CommonAuthOptions & {
      /** Public keys to verify with, and the signing key in the identity process (see `authKeysFromEnv`). */
      readonly keys: AuthKeys;
    })
  | (CommonAuthOptions & {
      /**
       * Tests and local experiments: the Ed25519 key pair is derived from this seed (at least 32 characters), the
       * same one `issueTestToken(secret, …)` signs with. Tokens are still EdDSA, verified with the public key.
       */
      readonly secret: string;
    });

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const keys = 'keys' in options ? options.keys : keysFromSigningKey(signingKeyFromSeed(options.secret));
    if (keys.verification.length === 0) throw new Error('AuthModule needs at least one public key to verify tokens with');
    const resolved: ResolvedAuthOptions = { keys, tokenTtlSeconds: options.tokenTtlSeconds ?? 900, clock: options.clock ?? { now: () => new Date() } };
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_OPTIONS, useValue: resolved }, AccessTokenService, { provide: APP_GUARD, useClass: AccessGuard }],
      exports: [AccessTokenService],
    };
  }
}
