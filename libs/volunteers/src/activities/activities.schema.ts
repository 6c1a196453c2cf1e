import { SchemaPart } from '@linli/platform';

/** Entities and migrations of the activities area (listed in volunteers.schema.ts). */
export const activitiesSchema: SchemaPart = { entities: [], migrations: [] };
