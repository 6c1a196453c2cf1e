import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { NotFoundProblem } from '../errors/common-problems';
import { mapPage, Page, paginate } from '../pagination/page';
import { AuthenticatedUser } from './authenticated-user';
import { MeDto } from './dto/me.dto';
import { GrantDto } from './dto/grant.dto';
import { UserDto } from './dto/user.dto';
import { escapeLike } from '../database/sql-text';
import { UsersQueryDto } from './dto/users-query.dto';
import { RoleGrantEntity } from './entities/role-grant.entity';
import { UserEntity } from './entities/user.entity';
import { Permission, permissionsOf } from './permissions';
import { ScopeService } from './scope.service';
import { scopeCovers, UnitScope, unitPathCondition } from './unit-scope';

/** Reading accounts within the caller's scope. An account is in scope when its home unit is. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  async list(caller: AuthenticatedUser, query: UsersQueryDto): Promise<Page<UserDto>> {
    const scope = await this.scope.scopeFilterAt(caller, Permission.UsersRead, query.unitId);
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('account');
    const condition = unitPathCondition('account.unitPath', scope);
    qb.where(condition.sql, condition.params);
    if (query.q) {
      qb.andWhere('(account.username ILIKE :q OR account.displayName ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    const page = await paginate(qb, query, {
      sortColumn: 'account.username',
      sortKey: (user) => user.username,
      tieBreaker: 'account.id',
      tieKey: (user) => user.id,
    });
    const grants = await this.grantsOf(
      page.items.map((user) => user.id),
      this.scope.scopeFilter(caller, Permission.UsersRead),
    );
    return mapPage(page, (user) => UserDto.from(user, grants.get(user.id) ?? []));
  }

  async get(caller: AuthenticatedUser, userId: string): Promise<UserDto> {
    const user = await this.findInScope(caller, userId, Permission.UsersRead);
    const grants = await this.grantsOf([user.id], this.scope.scopeFilter(caller, Permission.UsersRead));
    return UserDto.from(user, grants.get(user.id) ?? []);
  }

  /** The account if the caller may manage it; 404 otherwise (missing and out of scope alike). */
  findManageable(caller: AuthenticatedUser, userId: string): Promise<UserEntity> {
    return this.findInScope(caller, userId, Permission.UsersManage);
  }

  async me(caller: AuthenticatedUser): Promise<MeDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: caller.userId });
    const dto = new MeDto();
    dto.id = user.id;
    dto.username = user.username;
    dto.displayName = user.displayName;
    dto.personId = user.personId;
    dto.unitId = user.unitId;
    dto.passwordChangeRequired = user.mustChangePassword;
    dto.grants = caller.grants.map((grant) => GrantDto.from(grant));
    const held = new Set(caller.grants.flatMap((grant) => permissionsOf(grant.role)));
    dto.permissions = (Object.values(Permission) as Permission[]).filter((permission) => held.has(permission));
    return dto;
  }

  private async findInScope(caller: AuthenticatedUser, userId: string, permission: Permission): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user || !this.scope.canReach(caller, permission, user.unitPath)) throw new NotFoundProblem('该账号');
    return user;
  }

  /** Grants of these accounts that lie within `scope` (others stay hidden), in one query. */
  private async grantsOf(userIds: string[], scope: UnitScope): Promise<Map<string, RoleGrantEntity[]>> {
    const byUser = new Map<string, RoleGrantEntity[]>();
    if (userIds.length === 0) return byUser;
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({
      where: { userId: In(userIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const grant of grants) {
      if (!scopeCovers(scope, grant.unitPath)) continue;
      byUser.set(grant.userId, [...(byUser.get(grant.userId) ?? []), grant]);
    }
    return byUser;
  }
}
