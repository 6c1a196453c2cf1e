import { SchemaPart } from '../database/schema-part';

export const auditSchema: SchemaPart = { entities: [], migrations: [] };
