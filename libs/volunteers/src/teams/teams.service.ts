import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, PageQueryDto, Permission, ScopeService } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { TeamDto, TeamPageDto } from './dto/team.dto';
import { TeamMemberPageDto } from './dto/team-member.dto';
import { TeamsQueryDto } from './dto/teams-query.dto';
import { TeamViews } from './team-views';
import { TeamsRepository } from './teams.repository';
import { VolunteerTeamEntity } from './volunteer-team.entity';

/** A team and the path of its unit (scope is decided by that path). */
export interface LocatedTeam {
  team: VolunteerTeamEntity;
  unitPath: string;
}

/** Reading volunteer teams and their members, within the caller's scope (by the team's unit). */
@Injectable()
export class TeamsService {
  constructor(
    private readonly repository: TeamsRepository,
    private readonly scope: ScopeService,
    private readonly views: TeamViews,
  ) {}

  /** The team if the caller holds `permission` at its unit; 404 when unknown or out of scope alike. `lock` holds the team row for the caller's transaction. */
  async findInScope(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    manager?: EntityManager,
    lock = false,
  ): Promise<LocatedTeam> {
    const team = await this.repository.findById(id, manager, lock);
    if (!team) throw new NotFoundProblem('该服务队');
    this.scope.assertCanReach(user, permission, team.unitPath, '该服务队');
    return { team, unitPath: team.unitPath };
  }

  async get(user: AuthenticatedUser, id: string): Promise<TeamDto> {
    return this.views.team((await this.findInScope(user, id, Permission.VolunteersRead)).team);
  }

  async list(user: AuthenticatedUser, query: TeamsQueryDto): Promise<TeamPageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.VolunteersRead, query.unitId);
    const page = await this.repository.page(scope, query.kind, query);
    return { items: await this.views.teams(page.items), nextCursor: page.nextCursor };
  }

  /** Members in the order they joined. */
  async members(user: AuthenticatedUser, id: string, query: PageQueryDto): Promise<TeamMemberPageDto> {
    await this.findInScope(user, id, Permission.VolunteersRead);
    const page = await this.repository.members(id, query);
    return { items: await this.views.members(page.items), nextCursor: page.nextCursor };
  }
}
