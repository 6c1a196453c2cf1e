import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, mapPage, NotFoundProblem, PageQueryDto, paginate, Permission, ScopeService, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { linkedPersonId } from '../volunteers.exception';
import { ProfileDto, ProfilePageDto } from './dto/profile.dto';
import { ProfilesQueryDto } from './dto/profiles-query.dto';
import { StageChangeDto, StageChangePageDto } from './dto/stage-change.dto';
import { ProfileViews } from './profile-views';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerStageChangeEntity } from './volunteer-stage-change.entity';

/** A profile and the current path of its home unit (scope is decided by that path). */
export interface LocatedProfile {
  profile: VolunteerProfileEntity;
  unitPath: string;
}

export interface AccessOptions {
  /** The person themselves may act too (their linked account), whatever their roles. */
  allowOwner?: boolean;
  manager?: EntityManager;
  /** Lock the profile row for the rest of the caller's transaction. */
  lock?: boolean;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Reading volunteer profiles: staff within their scope (by the home unit), a volunteer their own. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly views: ProfileViews,
  ) {}

  /**
   * The profile if the caller holds `permission` where its home unit is (or, with `allowOwner`, is
   * the volunteer); 404 when unknown or out of scope alike.
   */
  async findAccessible(user: AuthenticatedUser, id: string, permission: Permission, options: AccessOptions = {}): Promise<LocatedProfile> {
    const manager = options.manager ?? this.dataSource.manager;
    const profile = await manager.getRepository(VolunteerProfileEntity).findOne({ where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!profile) throw new NotFoundProblem('该志愿者');
    const unitPath = await this.scope.unitPath(profile.unitId);
    const own = options.allowOwner === true && user.personId !== null && user.personId === profile.personId;
    if (!own) this.scope.assertCanReach(user, permission, unitPath, '该志愿者');
    return { profile, unitPath };
  }

  async get(user: AuthenticatedUser, id: string): Promise<ProfileDto> {
    const { profile } = await this.findAccessible(user, id, Permission.VolunteersRead, { allowOwner: true });
    return this.views.renderOne(profile);
  }

  /** The caller's own profile: 403 without a linked person, 404 before registering. */
  async mine(user: AuthenticatedUser): Promise<ProfileDto> {
    const personId = linkedPersonId(user);
    const profile = await this.dataSource.getRepository(VolunteerProfileEntity).findOneBy({ personId });
    if (!profile) throw new NotFoundProblem('您的志愿者档案（请先登记）');
    return this.views.renderOne(profile);
  }

  async list(user: AuthenticatedUser, query: ProfilesQueryDto): Promise<ProfilePageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.VolunteersRead, query.unitId);
    const qb = this.dataSource.getRepository(VolunteerProfileEntity).createQueryBuilder('profile');
    if (scope !== 'all') {
      const condition = unitPathCondition('u.path', scope);
      qb.where(`profile.unitId IN (SELECT u.id FROM units u WHERE ${condition.sql})`, condition.params);
    }
    if (query.skill) qb.andWhere('profile.skills @> CAST(ARRAY[:skill] AS varchar[])', { skill: query.skill });
    if (query.availability) qb.andWhere('profile.availability @> CAST(ARRAY[:slot] AS varchar[])', { slot: query.availability });
    if (query.stage) qb.andWhere('profile.stage = :stage', { stage: query.stage });
    if (query.q) qb.andWhere(`profile.personId IN (SELECT p.id FROM people p WHERE p.name LIKE :namePrefix)`, { namePrefix: `${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, { sortColumn: 'profile.createdAt', sortKey: (p) => p.createdAt, tieBreaker: 'profile.id', tieKey: (p) => p.id, direction: 'DESC' });
    return { items: await this.views.render(page.items), nextCursor: page.nextCursor };
  }

  /** The growth-path history, newest first: the volunteer themselves or volunteers.read in scope. */
  async stageChanges(user: AuthenticatedUser, id: string, query: PageQueryDto): Promise<StageChangePageDto> {
    await this.findAccessible(user, id, Permission.VolunteersRead, { allowOwner: true });
    const qb = this.dataSource.getRepository(VolunteerStageChangeEntity).createQueryBuilder('change').where('change.profileId = :id', { id });
    const page = await paginate(qb, query, { sortColumn: 'change.changedAt', sortKey: (c) => c.changedAt, tieBreaker: 'change.id', tieKey: (c) => c.id, direction: 'DESC' });
    return mapPage(page, (change) => StageChangeDto.from(change));
  }
}
