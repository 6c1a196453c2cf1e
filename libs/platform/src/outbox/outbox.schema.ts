import { SchemaPart } from '../database/schema-part';

export const outboxSchema: SchemaPart = { entities: [], migrations: [] };
