import { SchemaPart } from '../database/schema-part';
import { AuditEntryEntity } from './audit-entry.entity';
import { CreateAuditLog1795320001000 } from './migrations/1795320001000-CreateAuditLog';

export const auditSchema: SchemaPart = {
  tables: ['audit_log'],
  entities: [AuditEntryEntity],
  migrations: [CreateAuditLog1795320001000],
};
