import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProfileDto, ProfileUnitDto } from './dto/profile.dto';
import { volunteerLevelOf } from './volunteer-level';
import { VolunteerSkills } from './volunteer-skills.service';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { AVAILABILITY_SLOT_DISPLAY, VOLUNTEER_STAGE_DISPLAY } from './volunteer-stage';

interface PersonAndUnitRow {
  profile_id: string;
  person_name: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
}

/**
 * Turns profiles into their response: the person's name and the home unit (read from `people` and
 * `units` in one query for a whole page: the organization module's public API has no bulk lookup),
 * skill names from the taxonomy, level from the running totals.
 */
@Injectable()
export class ProfileViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly skills: VolunteerSkills,
  ) {}

  async render(profiles: VolunteerProfileEntity[], manager: EntityManager = this.dataSource.manager): Promise<ProfileDto[]> {
    if (profiles.length === 0) return [];
    const rows = (await manager.query(
      `SELECT vp.id AS profile_id, p.name AS person_name, u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind
         FROM volunteer_profiles vp JOIN people p ON p.id = vp.person_id JOIN units u ON u.id = vp.unit_id
        WHERE vp.id = ANY($1::uuid[])`,
      [profiles.map((profile) => profile.id)],
    )) as PersonAndUnitRow[];
    const byProfile = new Map(rows.map((row) => [row.profile_id, row]));
    const skillNames = await this.skills.names([...new Set(profiles.flatMap((profile) => profile.skills))], manager);
    return profiles.map((profile) => {
      const row = byProfile.get(profile.id);
      if (!row) throw new Error(`volunteer profile ${profile.id} vanished while being read`);
      return toDto(profile, row, skillNames);
    });
  }

  async renderOne(profile: VolunteerProfileEntity, manager?: EntityManager): Promise<ProfileDto> {
    const [dto] = await this.render([profile], manager);
    return dto;
  }
}

function toDto(profile: VolunteerProfileEntity, row: PersonAndUnitRow, skillNames: Map<string, string>): ProfileDto {
  const unit: ProfileUnitDto = { id: row.unit_id, name: row.unit_name, kind: row.unit_kind };
  const dto = new ProfileDto();
  dto.id = profile.id;
  dto.personId = profile.personId;
  dto.personName = row.person_name;
  dto.unit = unit;
  dto.skills = profile.skills.map((code) => ({ code, name: skillNames.get(code) ?? code }));
  dto.availability = profile.availability.map((code) => ({ code, name: AVAILABILITY_SLOT_DISPLAY[code] ?? code }));
  dto.bio = profile.bio;
  dto.verifiedHours = profile.verifiedHours;
  dto.rating = { average: profile.ratingCount === 0 ? null : Math.round((profile.ratingSum / profile.ratingCount) * 100) / 100, count: profile.ratingCount };
  dto.level = volunteerLevelOf(profile);
  dto.stage = profile.stage;
  dto.stageDisplay = VOLUNTEER_STAGE_DISPLAY[profile.stage];
  dto.createdAt = profile.createdAt.toISOString();
  dto.updatedAt = profile.updatedAt.toISOString();
  return dto;
}
