import { DynamicModule, Module } from '@nestjs/common';
import { NotificationsModule } from '@linli/notifications';
import {
  AuditModule,
  AuthModule,
  ClockModule,
  ConfigModule,
  DatabaseModule,
  eventQueueName,
  LinliConfig,
  LoggingModule,
  MessagingModule,
  OpsModule,
  OutboxModule,
  PiiModule,
  QueueName,
} from '@linli/platform';
import { enabledDomains } from './domain-catalog';
import { LINLI_SCHEMA } from './linli-schema';

/** What every app has: config, logs, clock, database, queues, outbox, audit, auth core, ops, the enabled domains. */
@Module({})
export class CoreModule {
  static forRoot(config: LinliConfig, app: string): DynamicModule {
    const domains = enabledDomains(config.modules);
    const queues = [...Object.values(QueueName), ...domains.flatMap((d) => d.subscribers ?? []).map(eventQueueName)];
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(app),
        ClockModule,
        DatabaseModule.forRoot(LINLI_SCHEMA),
        MessagingModule,
        PiiModule,
        OutboxModule,
        AuditModule,
        AuthModule,
        OpsModule.forRoot(queues),
        NotificationsModule,
        ...domains.map((d) => d.domainModule),
      ],
    };
  }
}
