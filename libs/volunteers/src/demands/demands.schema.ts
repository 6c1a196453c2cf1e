import { SchemaPart } from '@linli/platform';

/** Entities and migrations of the demands area (listed in volunteers.schema.ts). */
export const demandsSchema: SchemaPart = { entities: [], migrations: [] };
