import { auditSchema } from './audit/audit.schema';
import { authSchema } from './auth/auth.schema';
import { mergeSchemaParts, SchemaPart } from './database/schema-part';
import { outboxSchema } from './outbox/outbox.schema';
import { schedulingSchema } from './scheduling/scheduling.schema';

/** The kernel's tables: users and grants, audit log, outbox, scheduled runs. */
export const platformSchema: SchemaPart = mergeSchemaParts(authSchema, auditSchema, outboxSchema, schedulingSchema);
