import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  ForbiddenProblem,
  hasPermission,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { linkedPersonId } from '../../volunteers.exception';
import { CreateProfileDto } from '../dto/create-profile.dto';
import { ProfileDto } from '../dto/profile.dto';
import { ProfileViews } from '../profile-views';
import { ProfilesCode, ProfilesException } from '../profiles.exception';
import { ProfilesRepository } from '../profiles.repository';
import { VolunteerSkills } from '../volunteer-skills.service';

/**
 * `POST /volunteers/profiles`: a resident registers themselves (no `personId`), or staff with
 * volunteers.manage register a person who resides in their scope at a unit of their scope. One
 * profile per person, kept by the unique key: of two racing registrations one wins, the other
 * answers 409 `volunteers.profile-exists` naming the profile.
 */
@Injectable()
export class RegisterProfileUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly profiles: ProfilesRepository,
    private readonly skills: VolunteerSkills,
    private readonly views: ProfileViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateProfileDto): Promise<ProfileDto> {
    const self = command.personId === undefined || command.personId === user.personId;
    let personId: string;
    if (self) {
      personId = linkedPersonId(user);
      await this.scope.unitPath(command.unitId);
    } else {
      if (!hasPermission(user, Permission.VolunteersManage))
        throw new ForbiddenProblem('只能登记本人，代他人登记需要志愿者管理权限');
      personId = (await this.directory.people.reachable(user, Permission.VolunteersManage, command.personId as string))
        .id;
      await this.scope.reachableUnitPath(user, Permission.VolunteersManage, command.unitId);
    }
    await this.skills.assertKnown(command.skills);
    const profile = await this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      const id = await this.profiles.insert(manager, {
        personId,
        unit,
        skills: command.skills,
        availability: command.availability,
        bio: command.bio ?? null,
        at: this.clock.now(),
      });
      if (id === undefined) {
        const existing = await this.profiles.findByPerson(personId, manager);
        throw new ProfilesException(ProfilesCode.ProfileExists, { extensions: { profileId: existing?.id ?? null } });
      }
      await this.audit.record(
        {
          action: 'volunteers.profile-registered',
          targetType: 'volunteer-profile',
          targetId: id,
          unitId: command.unitId,
          unitPath: unit.path,
          data: { personId, self, skills: command.skills, availability: command.availability },
        },
        manager,
      );
      return this.profiles.findById(id, manager);
    });
    return this.views.renderOne(profile as NonNullable<typeof profile>);
  }
}
