import { DynamicModule, Module } from '@nestjs/common';
import { AppModuleImport } from '../app-options';
import { NotificationsWorkerModule } from '@linli/notifications';
import { JobWorkersModule, LinliConfig } from '@linli/platform';
import { CoreModule } from '../core.module';

/** The notifier: consumes the notifications queue and delivers per channel. */
@Module({})
export class NotifierModule {
  static forRoot(config: LinliConfig, extraModules: AppModuleImport[] = []): DynamicModule {
    return {
      module: NotifierModule,
      imports: [CoreModule.forRoot(config, 'notifier'), JobWorkersModule, NotificationsWorkerModule, ...extraModules],
    };
  }
}
