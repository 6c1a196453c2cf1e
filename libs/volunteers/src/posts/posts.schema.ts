import { SchemaPart } from '@linli/platform';

/** Entities and migrations of the posts area (listed in volunteers.schema.ts). */
export const postsSchema: SchemaPart = { entities: [], migrations: [] };
