import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { TeamDto } from './dto/team.dto';
import { TeamMemberDto } from './dto/team-member.dto';
import { TEAM_KIND_DISPLAY, TEAM_ROLE_DISPLAY } from './team-kind';
import { TeamsRepository } from './teams.repository';
import { VolunteerTeamMemberEntity } from './volunteer-team-member.entity';
import { VolunteerTeamEntity } from './volunteer-team.entity';

/**
 * Turns teams and memberships into their responses, a whole page at a time: member count and
 * leader from the teams' own tables (one query), unit and person names from organization's
 * directory (one call each).
 */
@Injectable()
export class TeamViews {
  constructor(
    private readonly repository: TeamsRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async teams(teams: VolunteerTeamEntity[], manager?: EntityManager): Promise<TeamDto[]> {
    if (teams.length === 0) return [];
    const facts = await this.repository.facts(
      teams.map((team) => team.id),
      manager,
    );
    const leaders = [...facts.values()].flatMap((fact) => fact.leaderPersonId ?? []);
    const [units, names] = await Promise.all([
      this.directory.units.byIds(
        teams.map((team) => team.unitId),
        manager,
      ),
      this.directory.people.names(leaders, manager),
    ]);
    return teams.map((team) => {
      const unit = units.get(team.unitId);
      if (!unit) throw new Error(`volunteer team ${team.id}: its unit vanished while being read`);
      const fact = facts.get(team.id);
      const leader = fact?.leaderPersonId ?? null;
      const dto = new TeamDto();
      dto.id = team.id;
      dto.unit = { id: team.unitId, name: unit.name, kind: unit.kind };
      dto.name = team.name;
      dto.kind = team.kind;
      dto.kindDisplay = TEAM_KIND_DISPLAY[team.kind];
      dto.description = team.description;
      dto.memberCount = fact?.memberCount ?? 0;
      dto.leader = leader === null ? null : { personId: leader, personName: names.get(leader) ?? '' };
      dto.createdAt = team.createdAt.toISOString();
      dto.updatedAt = team.updatedAt.toISOString();
      return dto;
    });
  }

  async team(team: VolunteerTeamEntity, manager?: EntityManager): Promise<TeamDto> {
    const [dto] = await this.teams([team], manager);
    return dto;
  }

  async members(members: VolunteerTeamMemberEntity[], manager?: EntityManager): Promise<TeamMemberDto[]> {
    if (members.length === 0) return [];
    const names = await this.directory.people.names(
      members.map((m) => m.personId),
      manager,
    );
    return members.map((member) => {
      const dto = new TeamMemberDto();
      dto.teamId = member.teamId;
      dto.personId = member.personId;
      dto.personName = names.get(member.personId) ?? '';
      dto.role = member.role;
      dto.roleDisplay = TEAM_ROLE_DISPLAY[member.role];
      dto.joinedAt = member.joinedAt.toISOString();
      return dto;
    });
  }
}
