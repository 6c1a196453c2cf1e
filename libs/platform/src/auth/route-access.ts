import { Permission } from './permissions';

/** Metadata key of a route's access rule (set by `@Public()`, `@AnyAuthenticated()`, `@RequirePermission()`). */
export const ROUTE_ACCESS = 'linli:route-access';

/** OpenAPI extension that documents the access rule on each operation. */
export const ROUTE_ACCESS_EXTENSION = 'x-linli-access';

/** Who may call a route. Every api route declares exactly one (checked at boot). */
export type RouteAccess =
  { mode: 'public' } | { mode: 'authenticated' } | { mode: 'permission'; permission: Permission };

/** The rule of a handler: its own, else its controller's. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function routeAccessOf(handler: Function, controller: Function): RouteAccess | undefined {
  return (Reflect.getMetadata(ROUTE_ACCESS, handler) ?? Reflect.getMetadata(ROUTE_ACCESS, controller)) as
    RouteAccess | undefined;
}

/** Metadata key: the route stays open to an account whose password an administrator reset. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'linli:allowed-before-password-change';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function allowedBeforePasswordChange(handler: Function): boolean {
  return Reflect.getMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, handler) === true;
}
