import { SchemaPart } from '@linli/platform';

export const notificationsSchema: SchemaPart = { entities: [], migrations: [] };
