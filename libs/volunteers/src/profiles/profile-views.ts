import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { ProfileDto } from './dto/profile.dto';
import { volunteerLevelOf } from './volunteer-level';
import { VolunteerSkills } from './volunteer-skills.service';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { AVAILABILITY_SLOT_DISPLAY, VOLUNTEER_STAGE_DISPLAY } from './volunteer-stage';

/**
 * Turns profiles into their response: the person's name and the home unit from organization's
 * directory (one call each for a whole page), skill names from the taxonomy, and the level from the
 * running totals (`volunteerLevelOf`, the one definition of the level).
 */
@Injectable()
export class ProfileViews {
  constructor(
    private readonly directory: OrganizationDirectory,
    private readonly skills: VolunteerSkills,
  ) {}

  async render(profiles: VolunteerProfileEntity[], manager?: EntityManager): Promise<ProfileDto[]> {
    if (profiles.length === 0) return [];
    const [names, units, skillNames] = await Promise.all([
      this.directory.people.names(
        profiles.map((profile) => profile.personId),
        manager,
      ),
      this.directory.units.byIds(
        profiles.map((profile) => profile.unitId),
        manager,
      ),
      this.skills.names([...new Set(profiles.flatMap((profile) => profile.skills))], manager),
    ]);
    return profiles.map((profile) => {
      const unit = units.get(profile.unitId);
      const personName = names.get(profile.personId);
      if (!unit || personName === undefined)
        throw new Error(`volunteer profile ${profile.id}: person or home unit vanished while being read`);
      return toDto(profile, personName, { id: unit.id, name: unit.name, kind: unit.kind }, skillNames);
    });
  }

  async renderOne(profile: VolunteerProfileEntity, manager?: EntityManager): Promise<ProfileDto> {
    const [dto] = await this.render([profile], manager);
    return dto;
  }
}

function toDto(
  profile: VolunteerProfileEntity,
  personName: string,
  unit: ProfileDto['unit'],
  skillNames: Map<string, string>,
): ProfileDto {
  const dto = new ProfileDto();
  dto.id = profile.id;
  dto.personId = profile.personId;
  dto.personName = personName;
  dto.unit = unit;
  dto.skills = profile.skills.map((code) => ({ code, name: skillNames.get(code) ?? code }));
  dto.availability = profile.availability.map((code) => ({ code, name: AVAILABILITY_SLOT_DISPLAY[code] ?? code }));
  dto.bio = profile.bio;
  dto.verifiedHours = profile.verifiedHours;
  dto.rating = {
    average: profile.ratingCount === 0 ? null : Math.round((profile.ratingSum / profile.ratingCount) * 100) / 100,
    count: profile.ratingCount,
  };
  dto.level = volunteerLevelOf(profile);
  dto.stage = profile.stage;
  dto.stageDisplay = VOLUNTEER_STAGE_DISPLAY[profile.stage];
  dto.createdAt = profile.createdAt.toISOString();
  dto.updatedAt = profile.updatedAt.toISOString();
  return dto;
}
