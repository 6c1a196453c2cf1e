import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnauthenticatedProblem } from '../errors/common-problems';
import { AccessTokenService } from './access-token.service';
import { AuthCode, AuthException } from './auth.problems';
import { AuthenticatedUser } from './authenticated-user';
import { UserEntity } from './entities/user.entity';

/**
 * Turns an `Authorization: Bearer …` header into the caller, or throws 401 `auth.unauthenticated`.
 * Used by the api's guard; usable by any HTTP surface outside Nest's router (e.g. a dashboard hook).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly dataSource: DataSource,
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
    const user = await this.load(claims.sub);
    if (!user || !user.isActive || user.tokenVersion !== claims.ver) {
      throw new UnauthenticatedProblem('登录凭证已失效，请重新登录');
    }
    if (user.mustChangePassword && !options.beforePasswordChange)
      throw new AuthException(AuthCode.PasswordChangeRequired);
    return toAuthenticatedUser(user);
  }

  /** The account with its grants, in one query. */
  load(userId: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.grants', 'grant')
      .where('user.id = :userId', { userId })
      .orderBy('grant.createdAt', 'ASC')
      .addOrderBy('grant.id', 'ASC')
      .getOne();
  }
}

export function toAuthenticatedUser(user: UserEntity): AuthenticatedUser {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    passwordChangeRequired: user.mustChangePassword,
    grants: (user.grants ?? []).map((grant) => ({
      id: grant.id,
      role: grant.role,
      unitId: grant.unitId,
      unitPath: grant.unitPath,
    })),
  };
}
