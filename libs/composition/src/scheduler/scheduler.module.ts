import { DynamicModule, Module } from '@nestjs/common';
import { AppModuleImport } from '../app-options';
import { JobWorkersModule, LinliConfig, OutboxRelayModule, SchedulingModule } from '@linli/platform';
import { CoreModule } from '../core.module';
import { enabledDomains } from '../domain-catalog';

/** The scheduler: outbox relay, event subscribers and schedules of the enabled domains, recorded runs. */
@Module({})
export class SchedulerModule {
  static forRoot(config: LinliConfig, extraModules: AppModuleImport[] = []): DynamicModule {
    const domains = enabledDomains(config.modules);
    return {
      module: SchedulerModule,
      imports: [
        CoreModule.forRoot(config, 'scheduler'),
        JobWorkersModule,
        OutboxRelayModule,
        SchedulingModule,
        ...domains.flatMap((d) => (d.jobsModule ? [d.jobsModule] : [])),
        ...extraModules,
      ],
    };
  }
}
