import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission, rolesWith } from './permissions';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, ROUTE_ACCESS, ROUTE_ACCESS_EXTENSION, RouteAccess } from './route-access';

/**
 * The route needs a login and a grant whose role carries `permission` (see permissions.ts). Scope
 * (which units) is the handler's business: `ScopeService.assertCanReach` / `scopeFilter`.
 */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { mode: 'permission', permission } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiExtension(ROUTE_ACCESS_EXTENSION, { mode: 'permission', permission, roles: [...rolesWith(permission)] }),
    ApiUnauthorizedResponse({ description: 'auth.unauthenticated: missing, invalid or expired token' }),
    ApiForbiddenResponse({
      description: `auth.forbidden: needs permission ${permission} (${rolesWith(permission).join(', ')})`,
    }),
  );

/**
 * The route needs a login but no particular role: self-service (my profile, my inbox, the person
 * my account acts for). Handlers must still restrict what they return to the caller's own records.
 */
export const AnyAuthenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { mode: 'authenticated' } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiExtension(ROUTE_ACCESS_EXTENSION, { mode: 'authenticated' }),
    ApiUnauthorizedResponse({ description: 'auth.unauthenticated: missing, invalid or expired token' }),
  );

/**
 * The route stays open to an account whose password an administrator reset (`POST /auth/password`,
 * `GET /me`); every other authenticated route answers 403 `auth.password-change-required` until then.
 */
export const AllowedBeforePasswordChange = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true),
    ApiExtension('x-linli-allowed-before-password-change', true),
  );
