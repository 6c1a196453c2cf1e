import { dataSourceOptions } from '@linli/platform';
import { DataSource } from 'typeorm';
import { LINLI_SCHEMA } from './linli-schema';
import { loadLinliConfig } from './load-linli-config';

/** The one data source of the CLI (`npm run migrate`, typeorm migration commands). */
export function createLinliDataSource(databaseUrl = loadLinliConfig().databaseUrl): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, LINLI_SCHEMA));
}
