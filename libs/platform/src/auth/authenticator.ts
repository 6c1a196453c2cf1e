import { Injectable } from '@nestjs/common';
import { UnauthenticatedProblem } from '../errors/common-problems';
import { AccessTokenService } from './access-token.service';
import { AuthCode, AuthException } from './auth.problems';
import { AuthenticatedAccounts } from './authenticated-accounts';
import { AuthenticatedUser } from './authenticated-user';

/**
 * Turns an `Authorization: Bearer …` header into the caller, or throws 401 `auth.unauthenticated`.
 * Used by the api's guard; usable by any HTTP surface outside Nest's router (e.g. a dashboard hook).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly accounts: AuthenticatedAccounts,
  ) {}

  /**
   * An account whose password an administrator reset is refused with 403
   * `auth.password-change-required` unless `beforePasswordChange` (the routes that let it change
   * the password), so that every other surface (the queue dashboard too) refuses it by default.
   */
  async authenticate(
    authorization: string | string[] | undefined,
    options: { beforePasswordChange?: boolean } = {},
  ): Promise<AuthenticatedUser> {
    const header = Array.isArray(authorization) ? authorization[0] : authorization;
    const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(header?.trim() ?? '');
    if (!match) throw new UnauthenticatedProblem(header ? '登录凭证格式不正确' : '请先登录');
    const claims = await this.tokens.verify(match[1]);
    if (!claims) throw new UnauthenticatedProblem('登录凭证无效或已过期，请重新登录');
    const account = await this.accounts.get(claims.sub);
    if (!account || !account.isActive || account.tokenVersion !== claims.ver) {
      throw new UnauthenticatedProblem('登录凭证已失效，请重新登录');
    }
    if (account.mustChangePassword && !options.beforePasswordChange)
      throw new AuthException(AuthCode.PasswordChangeRequired);
    return account.user;
  }
}
