import { DynamicModule, Global, Module } from '@nestjs/common';
import { LinliConfig } from './linli-config';

/** Makes the one validated `LinliConfig` injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: LinliConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: LinliConfig, useValue: config }], exports: [LinliConfig] };
  }
}
