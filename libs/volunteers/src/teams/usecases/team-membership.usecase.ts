import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, Permission, TransactionRunner } from '@linli/platform';
import { AddTeamMemberDto, ChangeTeamRoleDto } from '../dto/add-team-member.dto';
import { TeamMemberDto } from '../dto/team-member.dto';
import { withTeamConstraints } from '../team-conflicts';
import { TeamViews } from '../team-views';
import { TeamsRepository } from '../teams.repository';
import { TeamsService } from '../teams.service';

/**
 * Adding, re-roling and removing team members, with volunteers.manage at the team's unit. A person
 * is a member once (409 `volunteers.already-team-member`); a team has one leader at most (409
 * `volunteers.team-leader-taken`). Both are unique keys in the database, so racing requests
 * cannot break them. Every change is audited.
 */
@Injectable()
export class TeamMembershipUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly teams: TeamsService,
    private readonly repository: TeamsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly views: TeamViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async add(user: AuthenticatedUser, teamId: string, command: AddTeamMemberDto): Promise<TeamMemberDto> {
    const { team, unitPath } = await this.teams.findInScope(user, teamId, Permission.VolunteersManage);
    await this.directory.people.reachable(user, Permission.VolunteersManage, command.personId);
    return this.transactions.run(async (manager) => {
      const member = await withTeamConstraints(() =>
        this.repository.insertMember(manager, {
          teamId,
          personId: command.personId,
          role: command.role,
          joinedAt: this.clock.now(),
          addedBy: user.userId,
        }),
      );
      await this.audit.record(
        {
          action: 'volunteers.team-member-added',
          targetType: 'volunteer-team',
          targetId: teamId,
          unitId: team.unitId,
          unitPath,
          data: { personId: command.personId, role: command.role },
        },
        manager,
      );
      const [dto] = await this.views.members([member], manager);
      return dto;
    });
  }

  async changeRole(
    user: AuthenticatedUser,
    teamId: string,
    personId: string,
    command: ChangeTeamRoleDto,
  ): Promise<TeamMemberDto> {
    const { team, unitPath } = await this.teams.findInScope(user, teamId, Permission.VolunteersManage);
    return this.transactions.run(async (manager) => {
      const member = await this.repository.lockMember(manager, teamId, personId);
      if (!member) throw new NotFoundProblem('该服务队队员');
      if (member.role !== command.role) {
        await withTeamConstraints(() => this.repository.changeRole(manager, teamId, personId, command.role));
        await this.audit.record(
          {
            action: 'volunteers.team-member-role-changed',
            targetType: 'volunteer-team',
            targetId: teamId,
            unitId: team.unitId,
            unitPath,
            data: { personId, from: member.role, to: command.role },
          },
          manager,
        );
        member.role = command.role;
      }
      const [dto] = await this.views.members([member], manager);
      return dto;
    });
  }

  async remove(user: AuthenticatedUser, teamId: string, personId: string): Promise<void> {
    const { team, unitPath } = await this.teams.findInScope(user, teamId, Permission.VolunteersManage);
    await this.transactions.run(async (manager) => {
      const member = await this.repository.lockMember(manager, teamId, personId);
      if (!member) throw new NotFoundProblem('该服务队队员');
      await this.repository.removeMember(manager, teamId, personId);
      await this.audit.record(
        {
          action: 'volunteers.team-member-removed',
          targetType: 'volunteer-team',
          targetId: teamId,
          unitId: team.unitId,
          unitPath,
          data: { personId, role: member.role },
        },
        manager,
      );
    });
  }
}
