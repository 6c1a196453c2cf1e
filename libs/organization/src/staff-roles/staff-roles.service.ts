import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  NotFoundProblem,
  paginate,
  Permission,
  ScopedReferences,
  ScopeService,
  unitPathCondition,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { PartyOrganizationsService } from '../party-organizations/party-organizations.service';
import { StaffRolePageDto } from './dto/staff-role-page.dto';
import { StaffRoleDto } from './dto/staff-role.dto';
import { StaffRolesQueryDto } from './dto/staff-roles-query.dto';
import { StaffRoleEntity } from './staff-role.entity';

/** Reading staff roles (网格员, 楼栋长, 党员中心户, 社区工作者) with people.read where they are held. */
@Injectable()
export class StaffRolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly organizations: PartyOrganizationsService,
    private readonly references: ScopedReferences,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<StaffRoleDto> {
    const role = await this.dataSource.getRepository(StaffRoleEntity).findOneBy({ id });
    if (!role || !this.scope.canReach(user, Permission.PeopleRead, role.unitPath)) throw new NotFoundProblem('该职务');
    return (await this.present([role]))[0];
  }

  async list(user: AuthenticatedUser, query: StaffRolesQueryDto): Promise<StaffRolePageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.PeopleRead, query.unitId);
    const qb = this.dataSource.getRepository(StaffRoleEntity).createQueryBuilder('staff');
    const condition = unitPathCondition('staff.unitPath', scope);
    qb.where(condition.sql, condition.params);
    if (query.role) qb.andWhere('staff.role = :role', { role: query.role });
    if (query.personId) await this.references.reachOne(user, Permission.PeopleRead, 'person', query.personId);
    if (query.personId) qb.andWhere('staff.personId = :personId', { personId: query.personId });
    if (!query.includeEnded) qb.andWhere('staff.endedAt IS NULL');
    const page = await paginate(qb, query, {
      sortColumn: 'staff.unitPath',
      sortKey: (r) => r.unitPath,
      tieBreaker: 'staff.id',
      tieKey: (r) => r.id,
    });
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async present(roles: StaffRoleEntity[]): Promise<StaffRoleDto[]> {
    const names = await this.organizations.personNames(roles.map((r) => r.personId));
    return roles.map((r) => StaffRoleDto.from(r, names.get(r.personId) ?? ''));
  }
}
