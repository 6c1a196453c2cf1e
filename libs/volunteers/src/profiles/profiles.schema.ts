import { SchemaPart } from '@linli/platform';
import { CreateVolunteerProfiles1795350000000 } from '../migrations/1795350000000-CreateVolunteerProfiles';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerSkillEntity } from './volunteer-skill.entity';
import { VolunteerStageChangeEntity } from './volunteer-stage-change.entity';

/** Entities and migrations of the profiles area (listed in volunteers.schema.ts). */
export const profilesSchema: SchemaPart = {
  entities: [VolunteerSkillEntity, VolunteerProfileEntity, VolunteerStageChangeEntity],
  migrations: [CreateVolunteerProfiles1795350000000],
};
