import { DynamicModule, Module } from '@nestjs/common';
import { AppModuleImport } from '../app-options';
import { NotificationsHttpModule } from '@linli/notifications';
import { AuditHttpModule, AuthHttpModule, LinliConfig, ThrottlingModule } from '@linli/platform';
import { CoreModule } from '../core.module';
import { enabledDomains } from '../domain-catalog';

/** The api: kernel HTTP (auth, users, audit, inbox) plus the HTTP face of each enabled domain. */
@Module({})
export class ApiModule {
  static forRoot(config: LinliConfig, extraModules: AppModuleImport[] = []): DynamicModule {
    const domains = enabledDomains(config.modules);
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, 'api'),
        ThrottlingModule,
        AuthHttpModule,
        AuditHttpModule,
        NotificationsHttpModule,
        ...domains.flatMap((d) => (d.httpModule ? [d.httpModule] : [])),
        ...extraModules,
      ],
    };
  }
}
