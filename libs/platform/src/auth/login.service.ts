import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { AccessTokenService, IssuedToken } from './access-token.service';
import { AuthCode, AuthException } from './auth.problems';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';

/** A login's answer: the token, and whether its owner must first choose a new password. */
export interface LoginResult extends IssuedToken {
  passwordChangeRequired: boolean;
}

/** Why a login failed, as the audit entry `auth.login-failed` records it (never the password). */
export type LoginFailure = 'unknown-username' | 'wrong-password' | 'deactivated';

/**
 * Username + password → access token. A wrong password and an unknown username give one answer in
 * about the same time; a deactivated account with the right password answers 403
 * `auth.account-deactivated`. Every attempt is audited (`auth.login-succeeded`, `auth.login-failed`).
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditLog,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username: username.toLowerCase() });
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNothing(password);
    if (!user || !valid) {
      await this.failed(user, user ? 'wrong-password' : 'unknown-username');
      throw new AuthException(AuthCode.InvalidCredentials);
    }
    if (!user.isActive) {
      await this.failed(user, 'deactivated');
      throw new AuthException(AuthCode.AccountDeactivated);
    }
    const token = await this.tokens.issue({ sub: user.id, username: user.username, ver: user.tokenVersion });
    await this.audit.record({
      action: 'auth.login-succeeded',
      targetType: 'user',
      targetId: user.id,
      unitId: user.unitId,
      unitPath: user.unitPath,
      actorUserId: user.id,
      data: { passwordChangeRequired: user.mustChangePassword },
    });
    return { ...token, passwordChangeRequired: user.mustChangePassword };
  }

  /**
   * An unknown username is recorded without the string typed (it may be a password typed in the
   * wrong field): deployment-wide readers see the failure, its time and request id.
   */
  private async failed(user: UserEntity | null, reason: LoginFailure): Promise<void> {
    await this.audit.record({
      action: 'auth.login-failed',
      targetType: 'user',
      targetId: user?.id ?? null,
      unitId: user?.unitId ?? null,
      unitPath: user?.unitPath ?? null,
      actorUserId: null,
      data: { reason },
    });
  }
}
