export * from './data-source-options';
export * from './database.module';
export * from './ensure-database';
export * from './schema-part';
export * from './transaction-runner';
export * from './query-rows';
