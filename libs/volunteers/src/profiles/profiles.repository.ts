import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginate, queryRows, UnitScope, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AvailabilitySlot, VolunteerStage } from './volunteer-stage';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerSkillEntity } from './volunteer-skill.entity';
import { VolunteerStageChangeEntity } from './volunteer-stage-change.entity';

/** A unit as a profile row stores it: its id and a copy of its path. */
export interface AnchoredUnit {
  id: string;
  path: string;
}

export interface NewProfile {
  personId: string;
  unit: AnchoredUnit;
  skills: string[];
  availability: AvailabilitySlot[];
  bio: string | null;
  at: Date;
}

/** Which profiles a list shows: the scope on the home unit's path copy, and the query's filters. */
export interface ProfileFilter {
  scope: UnitScope;
  skill?: string;
  availability?: AvailabilitySlot;
  stage?: VolunteerStage;
  /** Only these people (a name filter resolved through organization's directory). */
  personIds?: string[];
}

/** The profiles area's data access: profiles, their running totals, growth-path changes, and the skill taxonomy. */
@Injectable()
export class ProfilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a profile; undefined when the person has one already (the unique key decides between racing registrations). */
  async insert(manager: EntityManager, profile: NewProfile): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, skills, availability, bio, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (person_id) DO NOTHING RETURNING id`,
      [
        profile.personId,
        profile.unit.id,
        profile.unit.path,
        profile.skills,
        profile.availability,
        profile.bio,
        profile.at,
      ],
    );
    return row?.id;
  }

  /** The profile; `lock` holds its row for the rest of the caller's transaction. */
  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<VolunteerProfileEntity | null> {
    return manager
      .getRepository(VolunteerProfileEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findByPerson(
    personId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VolunteerProfileEntity | null> {
    return manager.getRepository(VolunteerProfileEntity).findOneBy({ personId });
  }

  async update(manager: EntityManager, id: string, changes: Partial<VolunteerProfileEntity>): Promise<void> {
    await manager.getRepository(VolunteerProfileEntity).update({ id }, changes);
  }

  /** The people whose profiles match `filter` (candidates for a name filter). */
  async personIds(filter: ProfileFilter): Promise<string[]> {
    const rows = await this.filtered(filter)
      .select('profile.personId', 'person_id')
      .getRawMany<{ person_id: string }>();
    return rows.map((row) => row.person_id);
  }

  /** A page of the profiles matching `filter`, newest first. */
  page(filter: ProfileFilter, page: PageQueryDto): Promise<Page<VolunteerProfileEntity>> {
    return paginate(this.filtered(filter), page, {
      sortColumn: 'profile.createdAt',
      sortKey: (p) => p.createdAt,
      tieBreaker: 'profile.id',
      tieKey: (p) => p.id,
      direction: 'DESC',
    });
  }

  async insertStageChange(
    manager: EntityManager,
    change: Omit<VolunteerStageChangeEntity, 'id'>,
  ): Promise<VolunteerStageChangeEntity> {
    const changes = manager.getRepository(VolunteerStageChangeEntity);
    return changes.save(changes.create(change));
  }

  /** A profile's growth-path history, newest first. */
  stageChanges(profileId: string, page: PageQueryDto): Promise<Page<VolunteerStageChangeEntity>> {
    const qb = this.dataSource
      .getRepository(VolunteerStageChangeEntity)
      .createQueryBuilder('change')
      .where('change.profileId = :profileId', { profileId });
    return paginate(qb, page, {
      sortColumn: 'change.changedAt',
      sortKey: (c) => c.changedAt,
      tieBreaker: 'change.id',
      tieKey: (c) => c.id,
      direction: 'DESC',
    });
  }

  /** Adds verified hours to each person's profile; a person without one gets one at `unit`. One statement for all. */
  async addVerifiedHours(
    manager: EntityManager,
    unit: AnchoredUnit,
    entries: { personId: string; hours: number }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, verified_hours)
       SELECT e.person_id, $1, $2, e.hours FROM unnest($3::uuid[], $4::numeric[]) AS e (person_id, hours)
       ON CONFLICT (person_id) DO UPDATE SET verified_hours = volunteer_profiles.verified_hours + EXCLUDED.verified_hours, updated_at = now()`,
      [unit.id, unit.path, entries.map((e) => e.personId), entries.map((e) => e.hours)],
    );
  }

  /** Takes hours off a profile (`delta` < 0); the total never goes below zero. */
  async subtractVerifiedHours(manager: EntityManager, personId: string, delta: number): Promise<void> {
    await manager.query(
      `UPDATE volunteer_profiles SET verified_hours = GREATEST(0, verified_hours + $2), updated_at = now() WHERE person_id = $1`,
      [personId, delta],
    );
  }

  /** Adds a requester's rating to the person's profile; a person without one gets one at `unit`. */
  async addRating(manager: EntityManager, unit: AnchoredUnit, personId: string, rating: number): Promise<void> {
    await manager.query(
      `INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, rating_sum, rating_count)
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (person_id) DO UPDATE SET rating_sum = volunteer_profiles.rating_sum + EXCLUDED.rating_sum,
         rating_count = volunteer_profiles.rating_count + 1, updated_at = now()`,
      [personId, unit.id, unit.path, rating],
    );
  }

  /** Every skill of the taxonomy: the built-in ones first (by code), then the city's. */
  skills(manager: EntityManager = this.dataSource.manager): Promise<VolunteerSkillEntity[]> {
    return manager.getRepository(VolunteerSkillEntity).find({ order: { builtin: 'DESC', code: 'ASC' } });
  }

  /** Adds a city's skill; false when its code or name is taken. */
  async insertSkill(
    manager: EntityManager,
    skill: { code: string; name: string; createdBy: string },
  ): Promise<boolean> {
    const inserted = await queryRows<{ code: string }>(
      manager,
      `INSERT INTO volunteer_skills (code, name, builtin, created_by) VALUES ($1, $2, false, $3) ON CONFLICT DO NOTHING RETURNING code`,
      [skill.code, skill.name, skill.createdBy],
    );
    return inserted.length > 0;
  }

  private filtered(filter: ProfileFilter): SelectQueryBuilder<VolunteerProfileEntity> {
    const qb = this.dataSource.getRepository(VolunteerProfileEntity).createQueryBuilder('profile');
    const inScope = unitPathCondition('profile.unitPath', filter.scope);
    qb.where(inScope.sql, inScope.params);
    if (filter.skill) qb.andWhere('profile.skills @> CAST(ARRAY[:skill] AS varchar[])', { skill: filter.skill });
    if (filter.availability)
      qb.andWhere('profile.availability @> CAST(ARRAY[:slot] AS varchar[])', { slot: filter.availability });
    if (filter.stage) qb.andWhere('profile.stage = :stage', { stage: filter.stage });
    if (filter.personIds) qb.andWhere('profile.personId = ANY(:personIds)', { personIds: filter.personIds });
    return qb;
  }
}
