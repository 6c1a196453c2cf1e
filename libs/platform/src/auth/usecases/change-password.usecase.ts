import { Injectable } from '@nestjs/common';
import { AuthenticatedAccounts } from '../authenticated-accounts';
import { AuditLog } from '../../audit/audit-log.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { ValidationProblem } from '../../errors/common-problems';
import { AccessTokenService } from '../access-token.service';
import { AuthCode, AuthException } from '../auth.problems';
import { AuthenticatedUser } from '../authenticated-user';
import { ChangePasswordDto } from '../dto/change-password.dto';
import { UserEntity } from '../entities/user.entity';
import { LoginResult } from '../login.service';
import { PasswordHasher } from '../password-hasher';

/**
 * Changes the caller's own password; every token issued before dies (token version bump), and a
 * reset's `must_change_password` is cleared. Returns a fresh token.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly accounts: AuthenticatedAccounts,
    private readonly transactions: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditLog,
  ) {}

  async execute(caller: AuthenticatedUser, command: ChangePasswordDto): Promise<LoginResult> {
    if (command.newPassword === command.currentPassword) {
      throw new ValidationProblem([
        { field: 'newPassword', constraint: 'differs', message: 'newPassword must differ from currentPassword' },
      ]);
    }
    const newHash = await this.hasher.hash(command.newPassword);
    const changed = await this.transactions.run(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOne({ where: { id: caller.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !(await this.hasher.verify(user.passwordHash, command.currentPassword)))
        throw new AuthException(AuthCode.WrongPassword);
      user.passwordHash = newHash;
      user.tokenVersion += 1;
      const wasRequired = user.mustChangePassword;
      user.mustChangePassword = false;
      await manager.getRepository(UserEntity).save(user);
      await this.audit.record(
        {
          action: 'auth.password-changed',
          targetType: 'user',
          targetId: user.id,
          unitId: user.unitId,
          unitPath: user.unitPath,
          data: wasRequired ? { afterReset: true } : undefined,
        },
        manager,
      );
      return user;
    });
    this.accounts.forget(changed.id);
    const token = await this.tokens.issue({ sub: changed.id, username: changed.username, ver: changed.tokenVersion });
    return { ...token, passwordChangeRequired: false };
  }
}
