import { DataSource } from 'typeorm';
import { testConfig, withTestDb } from '@linli/testing';
import { dataSourceOptions } from './data-source-options';
import { TransactionRunner } from './transaction-runner';

/**
 * TransactionRunner's default (READ COMMITTED) sends no `SET TRANSACTION`: it relies on the session
 * default that `dataSourceOptions` pins, so a database configured otherwise must not change what
 * the domain's locking code gets.
 */
describe('TransactionRunner isolation', () => {
  let dataSource: DataSource;
  let databaseName: string;

  const isolationIn = (runner: TransactionRunner, level?: 'REPEATABLE READ' | 'SERIALIZABLE') =>
    runner.run(async (manager) => {
      const [row] = (await manager.query('SHOW transaction_isolation')) as { transaction_isolation: string }[];
      return row.transaction_isolation;
    }, level);

  beforeAll(async () => {
    databaseName = await withTestDb(async (client) => {
      const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
      await client.query(`ALTER DATABASE "${rows[0].name}" SET default_transaction_isolation = 'serializable'`);
      return rows[0].name;
    });
    dataSource = await new DataSource(dataSourceOptions(testConfig().databaseUrl, [])).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await withTestDb((client) => client.query(`ALTER DATABASE "${databaseName}" RESET default_transaction_isolation`));
  });

  it('runs READ COMMITTED by default even where the database defaults to SERIALIZABLE', async () => {
    const runner = new TransactionRunner(dataSource);
    expect(await isolationIn(runner)).toBe('read committed');
  });

  it('sets the level asked for', async () => {
    const runner = new TransactionRunner(dataSource);
    expect(await isolationIn(runner, 'REPEATABLE READ')).toBe('repeatable read');
    expect(await isolationIn(runner, 'SERIALIZABLE')).toBe('serializable');
    expect(await isolationIn(runner)).toBe('read committed');
  });
});
