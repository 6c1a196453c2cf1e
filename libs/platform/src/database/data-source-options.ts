import { DataSourceOptions } from 'typeorm';
import { SchemaPart } from './schema-part';

/** The one way Linli talks to PostgreSQL: migrations only, never `synchronize`. */
export function dataSourceOptions(databaseUrl: string, parts: SchemaPart[]): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: parts.flatMap((p) => p.entities as never[]),
    migrations: parts.flatMap((p) => p.migrations as never[]),
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failing queries surface as exceptions (logged by the problem filter); TypeORM's own logger would print parameters, which may hold personal data.
    logging: false,
    // The session default TransactionRunner relies on, whatever the server's or database's default.
    extra: { max: 10, application_name: 'linli', options: '-c default_transaction_isolation=read\\ committed' },
  };
}
