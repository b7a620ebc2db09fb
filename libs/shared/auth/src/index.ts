export { ROLES, type Role, type AuthenticatedUser } from './role';
export { AccessTokenService } from './access-token.service';
export { Roles, Public, CurrentUser, ROLES_KEY, PUBLIC_KEY } from './access.decorators';
export { AuthModule, type AuthModuleOptions } from './auth.module';
export {
  authKeysFromEnv,
  generateSigningKey,
  keysFromSigningKey,
  parsePublicKeys,
  parseSigningKey,
  publicKeyOf,
  publicKeyPem,
  signingKeyInDataDir,
  SIGNING_KEY_FILE,
  PUBLIC_KEY_FILE,
  type AuthKeys,
  type PublicJwk,
} from './signing-keys';
