import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, mapPage, NotFoundProblem, PageQueryDto, Permission, ScopeService } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { linkedPersonId } from '../volunteers.exception';
import { ProfileDto, ProfilePageDto } from './dto/profile.dto';
import { ProfilesQueryDto } from './dto/profiles-query.dto';
import { StageChangeDto, StageChangePageDto } from './dto/stage-change.dto';
import { ProfileViews } from './profile-views';
import { ProfileFilter, ProfilesRepository } from './profiles.repository';
import { VolunteerProfileEntity } from './volunteer-profile.entity';

/** A profile and the path of its home unit (scope is decided by that path). */
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

/** Reading volunteer profiles: staff within their scope (by the home unit), a volunteer their own. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly views: ProfileViews,
  ) {}

  /**
   * The profile if the caller holds `permission` where its home unit is (or, with `allowOwner`, is
   * the volunteer); 404 when unknown or out of scope alike.
   */
  async findAccessible(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    options: AccessOptions = {},
  ): Promise<LocatedProfile> {
    const profile = await this.profiles.findById(id, options.manager, options.lock);
    if (!profile) throw new NotFoundProblem('该志愿者');
    const own = options.allowOwner === true && user.personId !== null && user.personId === profile.personId;
    if (!own) this.scope.assertCanReach(user, permission, profile.unitPath, '该志愿者');
    return { profile, unitPath: profile.unitPath };
  }

  async get(user: AuthenticatedUser, id: string): Promise<ProfileDto> {
    const { profile } = await this.findAccessible(user, id, Permission.VolunteersRead, { allowOwner: true });
    return this.views.renderOne(profile);
  }

  /** The caller's own profile: 403 without a linked person, 404 before registering. */
  async mine(user: AuthenticatedUser): Promise<ProfileDto> {
    const profile = await this.profiles.findByPerson(linkedPersonId(user));
    if (!profile) throw new NotFoundProblem('您的志愿者档案（请先登记）');
    return this.views.renderOne(profile);
  }

  /** Newest first, within the caller's scope (or below `unitId`); a name prefix is matched by organization's directory among the candidates. */
  async list(user: AuthenticatedUser, query: ProfilesQueryDto): Promise<ProfilePageDto> {
    const filter: ProfileFilter = {
      scope: await this.scope.scopeFilterAt(user, Permission.VolunteersRead, query.unitId),
      skill: query.skill,
      availability: query.availability,
      stage: query.stage,
    };
    if (query.q)
      filter.personIds = [
        ...(await this.directory.people.withNamePrefix(query.q, await this.profiles.personIds(filter))),
      ];
    const page = await this.profiles.page(filter, query);
    return { items: await this.views.render(page.items), nextCursor: page.nextCursor };
  }

  /** The growth-path history, newest first: the volunteer themselves or volunteers.read in scope. */
  async stageChanges(user: AuthenticatedUser, id: string, query: PageQueryDto): Promise<StageChangePageDto> {
    await this.findAccessible(user, id, Permission.VolunteersRead, { allowOwner: true });
    return mapPage(await this.profiles.stageChanges(id, query), (change) => StageChangeDto.from(change));
  }
}
