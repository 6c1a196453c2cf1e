import { Injectable } from '@nestjs/common';
import { DirectoryUnit, OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { ProfileDto } from '../dto/profile.dto';
import { UpdateProfileDto } from '../dto/update-profile.dto';
import { ProfileViews } from '../profile-views';
import { ProfilesRepository } from '../profiles.repository';
import { ProfilesService } from '../profiles.service';
import { VolunteerProfileEntity } from '../volunteer-profile.entity';
import { VolunteerSkills } from '../volunteer-skills.service';

/**
 * `PATCH /volunteers/profiles/:id`: skills, availability, home unit and bio, by the volunteer
 * themselves or by staff with volunteers.manage where the profile is (and, for a new home unit,
 * where it goes). Audited with the fields that changed.
 */
@Injectable()
export class UpdateProfileUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly profiles: ProfilesService,
    private readonly repository: ProfilesRepository,
    private readonly skills: VolunteerSkills,
    private readonly views: ProfileViews,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: UpdateProfileDto): Promise<ProfileDto> {
    return this.transactions.run(async (manager) => {
      // A new home unit is anchored (tree lock, shared) before the profile's row lock: a concurrent subtree move locks in that order too.
      const anchored =
        command.unitId === undefined
          ? new Map<string, DirectoryUnit>()
          : await this.directory.units.anchorMany(manager, [command.unitId]);
      const { profile, unitPath } = await this.profiles.findAccessible(user, id, Permission.VolunteersManage, {
        allowOwner: true,
        manager,
        lock: true,
      });
      const own = user.personId === profile.personId;
      const changes: Partial<VolunteerProfileEntity> = {};
      if (command.skills !== undefined && !sameList(command.skills, profile.skills)) {
        await this.skills.assertKnown(command.skills, manager);
        changes.skills = command.skills;
      }
      if (command.availability !== undefined && !sameList(command.availability, profile.availability))
        changes.availability = command.availability;
      if (command.bio !== undefined && command.bio !== profile.bio) changes.bio = command.bio;
      let newUnitPath = unitPath;
      if (command.unitId !== undefined && command.unitId !== profile.unitId) {
        if (own) await this.scope.unitPath(command.unitId);
        else await this.scope.reachableUnitPath(user, Permission.VolunteersManage, command.unitId);
        newUnitPath = (anchored.get(command.unitId) as DirectoryUnit).path;
        changes.unitId = command.unitId;
      }
      if (Object.keys(changes).length === 0) return this.views.renderOne(profile, manager);
      await this.repository.update(manager, id, { ...changes, ...(changes.unitId ? { unitPath: newUnitPath } : {}) });
      await this.audit.record(
        {
          action: 'volunteers.profile-updated',
          targetType: 'volunteer-profile',
          targetId: id,
          unitId: changes.unitId ?? profile.unitId,
          unitPath: newUnitPath,
          data: { ...changes, ...(changes.unitId ? { fromUnitId: profile.unitId } : {}), self: own },
        },
        manager,
      );
      return this.views.renderOne((await this.repository.findById(id, manager)) as VolunteerProfileEntity, manager);
    });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
