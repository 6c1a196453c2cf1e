import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from './roles';

/** A role granted at a unit; it reaches the unit's whole subtree. `unitId` null = the whole deployment. */
export interface RoleGrant {
  id: string;
  role: Role;
  unitId: string | null;
  /** Opaque, `.`-separated materialized path of the unit (from the unit tree); null = whole deployment. */
  unitPath: string | null;
}

/** Who is calling: set on the request by the auth guard, read with `@CurrentUser()`. */
export interface AuthenticatedUser {
  userId: string;
  username: string;
  displayName: string | null;
  /** The person this account acts for (resident / member self-service), if linked. */
  personId: string | null;
  grants: RoleGrant[];
  /**
   * An administrator reset the password: until the owner changes it, the guard answers 403
   * `auth.password-change-required` on every route but those marked `@AllowedBeforePasswordChange()`.
   */
  passwordChangeRequired?: boolean;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
  if (!request.user) throw new Error('@CurrentUser() used on a route without authentication');
  return request.user;
});
