import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser, Role } from './role';

export const ROLES_KEY = 'mkt:roles';
export const PUBLIC_KEY = 'mkt:public';

/** Only these roles may call the handler (ownership is then checked by the use case). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Readable by anyone, without a token: announcements, results in publicity, draw verification. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);
