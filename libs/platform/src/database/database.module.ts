import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LinliConfig } from '../config/linli-config';
import { dataSourceOptions } from './data-source-options';
import { SchemaCatalog } from './schema-catalog';
import { SchemaPart } from './schema-part';
import { TransactionRunner } from './transaction-runner';

/** The TypeORM data source for the whole schema, and the transaction helper. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(parts: SchemaPart[]): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [LinliConfig],
          useFactory: (config: LinliConfig) => ({ ...dataSourceOptions(config.databaseUrl, parts), retryAttempts: 2 }),
        }),
      ],
      providers: [TransactionRunner, { provide: SchemaCatalog, useValue: new SchemaCatalog(parts) }],
      exports: [TransactionRunner, SchemaCatalog, TypeOrmModule],
    };
  }
}
