import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@mkt/shared/kernel';
import { AccessTokenService } from './access-token.service';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import type { Role } from './role';

/**
 * Deny by default: a handler is reachable only if it is marked @Public() or names its roles with @Roles().
 * A handler with neither is a programming error and answers 403, so a forgotten decorator never opens a door.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) throw new DomainError('AUTH.UNAUTHENTICATED', 'sign in first: no bearer token was sent', 'unauthenticated');
    request.user = await this.tokens.verify(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(request.user.role)) {
      throw new DomainError('AUTH.FORBIDDEN', `this action is for ${roles.join(' or ') || 'nobody'}, not ${request.user.role}`, 'forbidden');
    }
    return true;
  }
}
