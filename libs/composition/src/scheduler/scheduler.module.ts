import { DynamicModule, Module } from '@nestjs/common';
import { AppModuleImport } from '../app-options';
import { JobWorkersModule, LinliConfig, OutboxRelayModule, SchedulingModule } from '@linli/platform';
import { CoreModule } from '../core.module';
import { enabledDomains } from '../domain-catalog';

export interface SchedulerModuleOptions {
  /**
   * `true` (default): run the background work: queue workers (schedules, event subscribers), the
   * outbox relay, the BullMQ job schedulers. `false`: the same services with nothing running in the
   * background, for one-shot commands such as `npm run job`.
   */
  background?: boolean;
}

/** The scheduler: outbox relay, event subscribers and schedules of the enabled domains, recorded runs. */
@Module({})
export class SchedulerModule {
  static forRoot(
    config: LinliConfig,
    extraModules: AppModuleImport[] = [],
    options: SchedulerModuleOptions = {},
  ): DynamicModule {
    const background = options.background ?? true;
    const domains = enabledDomains(config.modules);
    return {
      module: SchedulerModule,
      imports: [
        CoreModule.forRoot(config, 'scheduler'),
        ...(background ? [JobWorkersModule] : []),
        OutboxRelayModule.forRoot({ background }),
        SchedulingModule.forRoot({ background }),
        ...domains.flatMap((d) => (d.jobsModule ? [d.jobsModule] : [])),
        ...extraModules,
      ],
    };
  }
}
