import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export type AppName = 'api' | 'scheduler' | 'notifier';

export interface AppProcess {
  name: string;
  child: ChildProcess;
  /** Its health URL, answered once it is up. */
  healthUrl: string;
  /** Resident memory in bytes, read from /proc. */
  rssBytes(): number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every child still running; killed when the benchmark exits, however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Spawns a TypeScript entry point of the repository with `env` (on top of the process environment). */
export function spawnScript(
  name: string,
  script: string,
  env: Record<string, string>,
  healthUrl: string,
  log: (line: string) => void = () => undefined,
  nodeArgs: string[] = [],
): AppProcess {
  const preload = ['-r', join(ROOT, 'tools', 'register.js'), '-r', join(__dirname, 'exit-with-parent.js')];
  const child = spawn(process.execPath, [...nodeArgs, ...preload, join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  return {
    name,
    child,
    healthUrl,
    rssBytes: () => rssOf(child.pid),
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Spawns one of the three apps (`apps/<name>/src/main.ts`). */
export function spawnApp(
  app: AppName,
  label: string,
  env: Record<string, string>,
  port: number,
  log?: (line: string) => void,
  nodeArgs: string[] = [],
): AppProcess {
  const portVariable = { api: 'PORT', scheduler: 'SCHEDULER_PORT', notifier: 'NOTIFIER_PORT' }[app];
  return spawnScript(
    label,
    `apps/${app}/src/main.ts`,
    { ...env, [portVariable]: String(port), HOST: '127.0.0.1' },
    `http://127.0.0.1:${port}/health`,
    log,
    nodeArgs,
  );
}

/** Waits until every process answers its health URL; fails naming the one that died or stayed down. */
export async function waitHealthy(processes: AppProcess[], deadlineMs = 90_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (const app of processes) {
    for (;;) {
      if (app.child.exitCode !== null) throw new Error(`${app.name} exited with ${app.child.exitCode}`);
      try {
        if ((await fetch(app.healthUrl)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${app.name} not healthy at ${app.healthUrl}`);
      await sleep(250);
    }
  }
}

function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status);
    return kib ? Number(kib[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
