import { Global, Module } from '@nestjs/common';

@Global()
@Module({})
export class AuditModule {}

@Module({})
export class AuditHttpModule {}
