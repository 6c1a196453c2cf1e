import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, ForbiddenProblem, hasPermission, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { PeopleService } from '@linli/organization';
import { linkedPersonId, VolunteersCode, VolunteersException } from '../../volunteers.exception';
import { CreateProfileDto } from '../dto/create-profile.dto';
import { ProfileDto } from '../dto/profile.dto';
import { ProfileViews } from '../profile-views';
import { VolunteerProfileEntity } from '../volunteer-profile.entity';
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
    private readonly people: PeopleService,
    private readonly skills: VolunteerSkills,
    private readonly views: ProfileViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateProfileDto): Promise<ProfileDto> {
    const self = command.personId === undefined || command.personId === user.personId;
    let personId: string;
    let unitPath: string;
    if (self) {
      personId = linkedPersonId(user);
      unitPath = await this.scope.unitPath(command.unitId);
    } else {
      if (!hasPermission(user, Permission.VolunteersManage)) throw new ForbiddenProblem('只能登记本人，代他人登记需要志愿者管理权限');
      personId = (await this.people.findReachable(user, Permission.VolunteersManage, command.personId as string)).id;
      unitPath = await this.scope.reachableUnitPath(user, Permission.VolunteersManage, command.unitId);
    }
    await this.skills.assertKnown(command.skills);
    const now = this.clock.now();
    const profile = await this.transactions.run(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO volunteer_profiles (person_id, unit_id, skills, availability, bio, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (person_id) DO NOTHING RETURNING id`,
        [personId, command.unitId, command.skills, command.availability, command.bio ?? null, now],
      )) as { id: string }[];
      if (inserted.length === 0) {
        const existing = await manager.getRepository(VolunteerProfileEntity).findOneBy({ personId });
        throw new VolunteersException(VolunteersCode.ProfileExists, { extensions: { profileId: existing?.id ?? null } });
      }
      await this.audit.record(
        {
          action: 'volunteers.profile-registered',
          targetType: 'volunteer-profile',
          targetId: inserted[0].id,
          unitId: command.unitId,
          unitPath,
          data: { personId, self, skills: command.skills, availability: command.availability },
        },
        manager,
      );
      return manager.getRepository(VolunteerProfileEntity).findOneByOrFail({ id: inserted[0].id });
    });
    return this.views.renderOne(profile);
  }
}
