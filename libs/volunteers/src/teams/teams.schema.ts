import { SchemaPart } from '@linli/platform';

/** Entities and migrations of the teams area (listed in volunteers.schema.ts). */
export const teamsSchema: SchemaPart = { entities: [], migrations: [] };
