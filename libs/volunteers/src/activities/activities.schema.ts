import { SchemaPart } from '@linli/platform';
import { CreateVolunteerActivities1795350300000 } from '../migrations/1795350300000-CreateVolunteerActivities';
import { ActivitySignupEntity } from './activity-signup.entity';
import { ActivityEntity } from './activity.entity';
import { HourRequestEntity } from './hour-requests/hour-request.entity';

/** Entities and migrations of the activities area (listed in volunteers.schema.ts); activities and hour requests keep a copy of their unit's path. */
export const activitiesSchema: SchemaPart = {
  tables: ['volunteer_activities', 'volunteer_activity_signups', 'volunteer_hour_requests'],
  entities: [ActivityEntity, ActivitySignupEntity, HourRequestEntity],
  migrations: [CreateVolunteerActivities1795350300000],
  pathCopies: [
    { table: 'volunteer_activities', column: 'unit_path' },
    { table: 'volunteer_hour_requests', column: 'unit_path' },
  ],
};
