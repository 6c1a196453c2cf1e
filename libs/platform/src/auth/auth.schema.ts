import { SchemaPart } from '../database/schema-part';

export const authSchema: SchemaPart = { entities: [], migrations: [] };
