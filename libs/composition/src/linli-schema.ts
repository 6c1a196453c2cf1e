import { notificationsSchema } from '@linli/notifications';
import { platformSchema, SchemaPart } from '@linli/platform';
import { DOMAIN_CATALOG } from './domain-catalog';

/** The whole database: kernel, notifications and every domain (enabled or not). */
export const LINLI_SCHEMA: SchemaPart[] = [platformSchema, notificationsSchema, ...DOMAIN_CATALOG.map((d) => d.schema)];
