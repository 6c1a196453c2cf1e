import { cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = (await client.query(`SHOW server_version`)).rows[0].server_version as string;
    const settings: Record<string, string> = {};
    for (const name of [
      'shared_buffers',
      'work_mem',
      'max_parallel_workers_per_gather',
      'effective_cache_size',
      'random_page_cost',
    ]) {
      settings[name] = (await client.query(`SHOW ${name}`)).rows[0][name];
    }
    return {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      postgres: version,
      postgresSettings: settings,
    };
  } finally {
    await client.end();
  }
}

/** The load average (1, 5, 15 min) as the reports print it: `1.02, 0.87, 0.60`. */
export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}
