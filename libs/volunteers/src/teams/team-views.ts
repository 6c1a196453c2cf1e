import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TeamDto, TeamLeaderDto } from './dto/team.dto';
import { TeamMemberDto } from './dto/team-member.dto';
import { TEAM_KIND_DISPLAY, TEAM_ROLE_DISPLAY } from './team-kind';
import { VolunteerTeamMemberEntity } from './volunteer-team-member.entity';
import { VolunteerTeamEntity } from './volunteer-team.entity';

interface TeamFactsRow {
  id: string;
  unit_name: string;
  unit_kind: string;
  member_count: string;
  leader: TeamLeaderDto | null;
}

/**
 * Turns teams and memberships into their responses, a whole page in one query: unit, member count
 * and leader for teams; names for members (read from `units` and `people`: the organization
 * module's public API has no bulk lookup).
 */
@Injectable()
export class TeamViews {
  constructor(private readonly dataSource: DataSource) {}

  async teams(teams: VolunteerTeamEntity[], manager: EntityManager = this.dataSource.manager): Promise<TeamDto[]> {
    if (teams.length === 0) return [];
    const rows = (await manager.query(
      `SELECT t.id, u.name AS unit_name, u.kind AS unit_kind,
              (SELECT count(*) FROM volunteer_team_members m WHERE m.team_id = t.id) AS member_count,
              (SELECT jsonb_build_object('personId', p.id, 'personName', p.name)
                 FROM volunteer_team_members m JOIN people p ON p.id = m.person_id
                WHERE m.team_id = t.id AND m.role = 'leader') AS leader
         FROM volunteer_teams t JOIN units u ON u.id = t.unit_id
        WHERE t.id = ANY($1::uuid[])`,
      [teams.map((team) => team.id)],
    )) as TeamFactsRow[];
    const facts = new Map(rows.map((row) => [row.id, row]));
    return teams.map((team) => {
      const row = facts.get(team.id);
      if (!row) throw new Error(`volunteer team ${team.id} vanished while being read`);
      const dto = new TeamDto();
      dto.id = team.id;
      dto.unit = { id: team.unitId, name: row.unit_name, kind: row.unit_kind };
      dto.name = team.name;
      dto.kind = team.kind;
      dto.kindDisplay = TEAM_KIND_DISPLAY[team.kind];
      dto.description = team.description;
      dto.memberCount = Number(row.member_count);
      dto.leader = row.leader;
      dto.createdAt = team.createdAt.toISOString();
      dto.updatedAt = team.updatedAt.toISOString();
      return dto;
    });
  }

  async team(team: VolunteerTeamEntity, manager?: EntityManager): Promise<TeamDto> {
    const [dto] = await this.teams([team], manager);
    return dto;
  }

  async members(members: VolunteerTeamMemberEntity[], manager: EntityManager = this.dataSource.manager): Promise<TeamMemberDto[]> {
    if (members.length === 0) return [];
    const rows = (await manager.query(`SELECT id, name FROM people WHERE id = ANY($1::uuid[])`, [[...new Set(members.map((m) => m.personId))]])) as { id: string; name: string }[];
    const names = new Map(rows.map((row) => [row.id, row.name]));
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
