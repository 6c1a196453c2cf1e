import { Client } from 'pg';

/** Identifies one `npm test` run; set by the global setup and inherited by every Jest worker. */
export const TEST_RUN_ENV = 'LINLI_TEST_RUN';

export function adminDatabaseUrl(): string {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = '/postgres';
  return base.toString();
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function templateDatabaseName(run: string): string {
  return `linli_test_${run}_template`;
}

export function workerDatabaseName(run: string, worker: string): string {
  return `linli_test_${run}_w${worker}`;
}

export function currentRun(): string {
  const run = process.env[TEST_RUN_ENV];
  if (!run)
    throw new Error(`${TEST_RUN_ENV} is not set: run integration specs through \`npm test\` (jest global setup)`);
  return run;
}

export function currentWorker(): string {
  return process.env.JEST_WORKER_ID ?? '1';
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
