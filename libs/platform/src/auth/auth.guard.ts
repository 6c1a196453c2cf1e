import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuditContext } from '../audit/audit-context';
import { ForbiddenProblem } from '../errors/common-problems';
import { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator';
import { hasPermission } from './permissions';
import { allowedBeforePasswordChange, routeAccessOf } from './route-access';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

/**
 * The api's one guard: a valid bearer token on every route but `@Public()` ones (401
 * `auth.unauthenticated`), a password of the owner's choosing (403 `auth.password-change-required` after an
 * administrator's reset, but on `@AllowedBeforePasswordChange()` routes), and a grant carrying the
 * route's `@RequirePermission()` (403 `auth.forbidden`).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = routeAccessOf(context.getHandler(), context.getClass());
    // RouteAccessCatalog refuses to boot with such a route; this only guards against bypassing it.
    if (!access) throw new ForbiddenProblem('该接口未声明访问规则');
    if (access.mode === 'public') return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const user = await this.authenticator.authenticate(request.headers.authorization, {
      beforePasswordChange: allowedBeforePasswordChange(context.getHandler()),
    });
    request.user = user;
    AuditContext.identify(user.userId);
    if (access.mode === 'permission' && !hasPermission(user, access.permission)) throw new ForbiddenProblem();
    return true;
  }
}
