export { ROLES, type Role, type AuthenticatedUser } from './role';
export { AccessTokenService } from './access-token.service';
export { Roles, Public, CurrentUser } from './access.decorators';
export { AuthModule, type AuthModuleOptions } from './auth.module';
export { authSecretFrom } from './auth-secret';
