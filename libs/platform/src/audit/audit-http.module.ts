import { Module } from '@nestjs/common';
import { AuditContextHook } from './audit-context.hook';
import { AuditLogController } from './audit-log.controller';
import { AuditLogReader } from './audit-log.reader';

/** `GET /audit-log` and the request-scoped audit context; mounted by the api. */
@Module({
  controllers: [AuditLogController],
  providers: [AuditLogReader, AuditContextHook],
})
export class AuditHttpModule {}
