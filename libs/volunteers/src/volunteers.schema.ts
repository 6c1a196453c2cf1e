import { mergeSchemaParts, SchemaPart } from '@linli/platform';
import { activitiesSchema } from './activities/activities.schema';
import { demandsSchema } from './demands/demands.schema';
import { postsSchema } from './posts/posts.schema';
import { profilesSchema } from './profiles/profiles.schema';
import { teamsSchema } from './teams/teams.schema';

const AREAS: SchemaPart[] = [profilesSchema, teamsSchema, demandsSchema, activitiesSchema, postsSchema];

/** Each area lists its own entities and migrations; migrations run in timestamp order. */
export const volunteersSchema: SchemaPart = mergeSchemaParts(...AREAS);
