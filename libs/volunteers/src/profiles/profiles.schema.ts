import { SchemaPart } from '@linli/platform';
import { CreateVolunteerProfiles1795350000000 } from '../migrations/1795350000000-CreateVolunteerProfiles';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerSkillEntity } from './volunteer-skill.entity';
import { VolunteerStageChangeEntity } from './volunteer-stage-change.entity';

/** Entities and migrations of the profiles area (listed in volunteers.schema.ts); a profile keeps a copy of its home unit's path. */
export const profilesSchema: SchemaPart = {
  tables: ['volunteer_skills', 'volunteer_profiles', 'volunteer_stage_changes'],
  entities: [VolunteerSkillEntity, VolunteerProfileEntity, VolunteerStageChangeEntity],
  migrations: [CreateVolunteerProfiles1795350000000],
  pathCopies: [{ table: 'volunteer_profiles', column: 'unit_path' }],
};
