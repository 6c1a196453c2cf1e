import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, PageQueryDto, paginate, Permission, ScopeService, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TeamDto, TeamPageDto } from './dto/team.dto';
import { TeamMemberPageDto } from './dto/team-member.dto';
import { TeamsQueryDto } from './dto/teams-query.dto';
import { TeamViews } from './team-views';
import { VolunteerTeamMemberEntity } from './volunteer-team-member.entity';
import { VolunteerTeamEntity } from './volunteer-team.entity';

/** A team and the current path of its unit (scope is decided by that path). */
export interface LocatedTeam {
  team: VolunteerTeamEntity;
  unitPath: string;
}

/** Reading volunteer teams and their members, within the caller's scope (by the team's unit). */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly views: TeamViews,
  ) {}

  /** The team if the caller holds `permission` at its unit; 404 when unknown or out of scope alike. `lock` holds the team row for the caller's transaction. */
  async findInScope(user: AuthenticatedUser, id: string, permission: Permission, manager: EntityManager = this.dataSource.manager, lock = false): Promise<LocatedTeam> {
    const team = await manager.getRepository(VolunteerTeamEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!team) throw new NotFoundProblem('该服务队');
    const unitPath = await this.scope.unitPath(team.unitId);
    this.scope.assertCanReach(user, permission, unitPath, '该服务队');
    return { team, unitPath };
  }

  async get(user: AuthenticatedUser, id: string): Promise<TeamDto> {
    return this.views.team((await this.findInScope(user, id, Permission.VolunteersRead)).team);
  }

  async list(user: AuthenticatedUser, query: TeamsQueryDto): Promise<TeamPageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.VolunteersRead, query.unitId);
    const qb = this.dataSource.getRepository(VolunteerTeamEntity).createQueryBuilder('team');
    if (scope !== 'all') {
      const condition = unitPathCondition('u.path', scope);
      qb.where(`team.unitId IN (SELECT u.id FROM units u WHERE ${condition.sql})`, condition.params);
    }
    if (query.kind) qb.andWhere('team.kind = :kind', { kind: query.kind });
    const page = await paginate(qb, query, { sortColumn: 'team.name', sortKey: (t) => t.name, tieBreaker: 'team.id', tieKey: (t) => t.id });
    return { items: await this.views.teams(page.items), nextCursor: page.nextCursor };
  }

  /** Members in the order they joined. */
  async members(user: AuthenticatedUser, id: string, query: PageQueryDto): Promise<TeamMemberPageDto> {
    await this.findInScope(user, id, Permission.VolunteersRead);
    const qb = this.dataSource.getRepository(VolunteerTeamMemberEntity).createQueryBuilder('member').where('member.teamId = :id', { id });
    const page = await paginate(qb, query, { sortColumn: 'member.joinedAt', sortKey: (m) => m.joinedAt, tieBreaker: 'member.personId', tieKey: (m) => m.personId });
    return { items: await this.views.members(page.items), nextCursor: page.nextCursor };
  }
}
