import { SchemaPart } from '../database/schema-part';

export const schedulingSchema: SchemaPart = { entities: [], migrations: [] };
