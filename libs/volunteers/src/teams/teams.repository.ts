import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginate, queryRows, UnitScope, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TeamKind, TeamRole } from './team-kind';
import { VolunteerTeamMemberEntity } from './volunteer-team-member.entity';
import { VolunteerTeamEntity } from './volunteer-team.entity';

/** What a team's response adds to its row: how many members, and who leads. */
export interface TeamFacts {
  memberCount: number;
  leaderPersonId: string | null;
}

/** The teams area's data access: teams (with a copy of their unit's path) and memberships. */
@Injectable()
export class TeamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The team; `lock` holds its row for the rest of the caller's transaction. */
  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<VolunteerTeamEntity | null> {
    return manager
      .getRepository(VolunteerTeamEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** Inserts a team (the unique key on unit and name may refuse it); returns it as stored. */
  async insert(
    manager: EntityManager,
    team: {
      unitId: string;
      unitPath: string;
      name: string;
      kind: TeamKind;
      description: string | null;
      createdBy: string;
    },
  ): Promise<VolunteerTeamEntity> {
    const repository = manager.getRepository(VolunteerTeamEntity);
    const saved = await repository.save(repository.create(team));
    return repository.findOneByOrFail({ id: saved.id });
  }

  /** Teams within `scope` (by their unit's path copy), by name. */
  page(scope: UnitScope, kind: TeamKind | undefined, page: PageQueryDto): Promise<Page<VolunteerTeamEntity>> {
    const inScope = unitPathCondition('team.unitPath', scope);
    const qb = this.dataSource
      .getRepository(VolunteerTeamEntity)
      .createQueryBuilder('team')
      .where(inScope.sql, inScope.params);
    if (kind) qb.andWhere('team.kind = :kind', { kind });
    return paginate(qb, page, {
      sortColumn: 'team.name',
      sortKey: (t) => t.name,
      tieBreaker: 'team.id',
      tieKey: (t) => t.id,
    });
  }

  /** Member count and leader of each team, in one query (teams without members are absent). */
  async facts(teamIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, TeamFacts>> {
    if (teamIds.length === 0) return new Map();
    const rows = await queryRows<{ team_id: string; member_count: string; leader_person_id: string | null }>(
      manager,
      `SELECT team_id, count(*) AS member_count, (array_agg(person_id) FILTER (WHERE role = 'leader'))[1] AS leader_person_id
         FROM volunteer_team_members WHERE team_id = ANY($1::uuid[]) GROUP BY team_id`,
      [teamIds],
    );
    return new Map(
      rows.map((row) => [row.team_id, { memberCount: Number(row.member_count), leaderPersonId: row.leader_person_id }]),
    );
  }

  /** A team's members in the order they joined. */
  members(teamId: string, page: PageQueryDto): Promise<Page<VolunteerTeamMemberEntity>> {
    const qb = this.dataSource
      .getRepository(VolunteerTeamMemberEntity)
      .createQueryBuilder('member')
      .where('member.teamId = :teamId', { teamId });
    return paginate(qb, page, {
      sortColumn: 'member.joinedAt',
      sortKey: (m) => m.joinedAt,
      tieBreaker: 'member.personId',
      tieKey: (m) => m.personId,
    });
  }

  /** The membership, row-locked for the caller's transaction; null when the person is not a member. */
  lockMember(manager: EntityManager, teamId: string, personId: string): Promise<VolunteerTeamMemberEntity | null> {
    return manager
      .getRepository(VolunteerTeamMemberEntity)
      .findOne({ where: { teamId, personId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a membership (the primary key and the one-leader index may refuse it); returns it. */
  async insertMember(
    manager: EntityManager,
    member: { teamId: string; personId: string; role: TeamRole; joinedAt: Date; addedBy: string },
  ): Promise<VolunteerTeamMemberEntity> {
    const repository = manager.getRepository(VolunteerTeamMemberEntity);
    const entity = repository.create(member);
    await repository.insert(entity);
    return entity;
  }

  async changeRole(manager: EntityManager, teamId: string, personId: string, role: TeamRole): Promise<void> {
    await manager.getRepository(VolunteerTeamMemberEntity).update({ teamId, personId }, { role });
  }

  async removeMember(manager: EntityManager, teamId: string, personId: string): Promise<void> {
    await manager.getRepository(VolunteerTeamMemberEntity).delete({ teamId, personId });
  }
}
