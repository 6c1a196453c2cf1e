import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';

/** The audit log writer, in every app. */
@Global()
@Module({ providers: [AuditLog], exports: [AuditLog] })
export class AuditModule {}
