import { Injectable } from '@nestjs/common';
import { AuthenticatedAccounts } from '../authenticated-accounts';
import { randomInt } from 'node:crypto';
import { AuditLog } from '../../audit/audit-log.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { NotFoundProblem } from '../../errors/common-problems';
import { AuthCode, AuthException } from '../auth.problems';
import { AuthenticatedUser } from '../authenticated-user';
import { ResetPasswordDto } from '../dto/reset-password.dto';
import { ResetPasswordResultDto } from '../dto/reset-password-result.dto';
import { UserEntity } from '../entities/user.entity';
import { PasswordHasher } from '../password-hasher';
import { UsersService } from '../users.service';

/** No 0/O, 1/l/I: read aloud or copied from a screen without mistakes. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GENERATED_LENGTH = 16;

/**
 * An admin resets the password of another account of their scope (never their own: 409
 * `users.own-password-reset`, they use `POST /auth/password`). The given temporary password, or a
 * generated one shown once in the answer, replaces the old; every token dies; the account must
 * choose a new password before anything else (`must_change_password`). Audited
 * `users.password-reset` (never the password).
 */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly accounts: AuthenticatedAccounts,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async execute(caller: AuthenticatedUser, userId: string, command: ResetPasswordDto): Promise<ResetPasswordResultDto> {
    if (userId === caller.userId) throw new AuthException(AuthCode.OwnPasswordReset);
    await this.users.findManageable(caller, userId);
    const generated = command.temporaryPassword === undefined;
    const password = command.temporaryPassword ?? generatePassword();
    const passwordHash = await this.hasher.hash(password);
    await this.transactions.run(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundProblem('该账号');
      await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ passwordHash, mustChangePassword: true, tokenVersion: () => 'token_version + 1' })
        .where('id = :id', { id: user.id })
        .execute();
      await this.audit.record(
        {
          action: 'users.password-reset',
          targetType: 'user',
          targetId: user.id,
          unitId: user.unitId,
          unitPath: user.unitPath,
          data: { generated },
        },
        manager,
      );
    });
    this.accounts.forget(userId);
    const result = new ResetPasswordResultDto();
    result.userId = userId;
    result.temporaryPassword = generated ? password : null;
    result.passwordChangeRequired = true;
    return result;
  }
}

function generatePassword(): string {
  return Array.from({ length: GENERATED_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
