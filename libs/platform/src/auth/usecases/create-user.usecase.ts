import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../audit/audit-log.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuthCode, AuthException } from '../auth.problems';
import { AuthenticatedUser } from '../authenticated-user';
import { CreateUserDto } from '../dto/create-user.dto';
import { UserDto } from '../dto/user.dto';
import { UserEntity } from '../entities/user.entity';
import { PasswordHasher } from '../password-hasher';
import { PersonLinks } from '../person-links';
import { Permission, roleHas } from '../permissions';
import { ScopeService } from '../scope.service';

interface HomeUnit {
  unitId: string | null;
  unitPath: string | null;
}

/**
 * An admin creates an account inside their scope (audited in the same transaction); a linked person
 * must exist within the admin's scope too (404 otherwise, nothing written).
 */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly personLinks: PersonLinks,
  ) {}

  async execute(caller: AuthenticatedUser, command: CreateUserDto): Promise<UserDto> {
    const home = await this.homeUnit(caller, command.unitId);
    if (command.personId !== undefined) await this.personLinks.assertLinkable(caller, command.personId);
    const passwordHash = await this.hasher.hash(command.password);
    const user = await this.transactions.run(async (manager) => {
      // ON CONFLICT DO NOTHING: a taken username or person answers 409 without a failed statement.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({
          username: command.username,
          passwordHash,
          displayName: command.displayName ?? null,
          personId: command.personId ?? null,
          unitId: home.unitId,
          unitPath: home.unitPath,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) {
        const taken = await manager.getRepository(UserEntity).existsBy({ username: command.username });
        throw new AuthException(taken ? AuthCode.UsernameTaken : AuthCode.PersonAlreadyLinked);
      }
      const saved = await manager.getRepository(UserEntity).findOneByOrFail({ id });
      await this.audit.record(
        {
          action: 'users.created',
          targetType: 'user',
          targetId: saved.id,
          unitId: home.unitId,
          unitPath: home.unitPath,
          data: { username: saved.username, personId: saved.personId },
        },
        manager,
      );
      return saved;
    });
    return UserDto.from(user, []);
  }

  /** The given unit if the caller administers it; else the caller's one admin subtree, or none for a deployment-wide admin. */
  private async homeUnit(caller: AuthenticatedUser, unitId: string | undefined): Promise<HomeUnit> {
    if (unitId !== undefined)
      return { unitId, unitPath: await this.scope.reachableUnitPath(caller, Permission.UsersManage, unitId) };
    const scope = this.scope.scopeFilter(caller, Permission.UsersManage);
    if (scope === 'all') return { unitId: null, unitPath: null };
    const grant =
      scope.length === 1
        ? caller.grants.find((g) => roleHas(g.role, Permission.UsersManage) && g.unitPath === scope[0])
        : undefined;
    if (!grant) throw new AuthException(AuthCode.UnitRequired);
    return { unitId: grant.unitId, unitPath: grant.unitPath };
  }
}
