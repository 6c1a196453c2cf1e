import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditContextInterceptor } from './audit-context.interceptor';
import { AuditLogController } from './audit-log.controller';
import { AuditLogReader } from './audit-log.reader';

/** `GET /audit-log` and the request-scoped audit context; mounted by the api. */
@Module({
  controllers: [AuditLogController],
  providers: [AuditLogReader, { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor }],
})
export class AuditHttpModule {}
