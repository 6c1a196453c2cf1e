import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { CreateTeamDto } from '../dto/create-team.dto';
import { TeamDto } from '../dto/team.dto';
import { withTeamConstraints } from '../team-conflicts';
import { TeamViews } from '../team-views';
import { TeamsRepository } from '../teams.repository';

/** `POST /volunteers/teams`: a team at a unit of the caller's volunteers.manage scope; its name is unique there (409 `volunteers.team-name-taken`). */
@Injectable()
export class CreateTeamUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly teams: TeamsRepository,
    private readonly views: TeamViews,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateTeamDto): Promise<TeamDto> {
    await this.scope.reachableUnitPath(user, Permission.VolunteersManage, command.unitId);
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      const team = await withTeamConstraints(() =>
        this.teams.insert(manager, {
          unitId: unit.id,
          unitPath: unit.path,
          name: command.name,
          kind: command.kind,
          description: command.description ?? null,
          createdBy: user.userId,
        }),
      );
      await this.audit.record(
        {
          action: 'volunteers.team-created',
          targetType: 'volunteer-team',
          targetId: team.id,
          unitId: team.unitId,
          unitPath: unit.path,
          data: { name: team.name, kind: team.kind },
        },
        manager,
      );
      return this.views.team(team, manager);
    });
  }
}
