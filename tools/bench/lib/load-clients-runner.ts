import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Below `base`, e.g. `/property/decisions/<id>/ballots`. */
  path: string;
  /** The `authorization` header; none when empty. */
  authorization: string;
  body?: object;
  /** Further headers (e.g. a signature over the JSON of `body`). */
  headers?: Record<string, string>;
}

export interface LoadPlan {
  base: string;
  clients: number;
  requests: LoadRequest[];
  /** Paced: request i leaves no earlier than i / ratePerSecond after the start. Unset: each client sends its next as soon as its last one answered. */
  ratePerSecond?: number;
}

export interface LoadResult {
  ms: number;
  latencies: number[];
  /** `ok` for 2xx, else `<status> <problem code>`. */
  statuses: Record<string, number>;
}

/**
 * Sends `plan.requests` from a separate Node process (`load-clients.ts`), as remote clients would:
 * the api under test keeps its event loop for itself while the benchmark's own process measures.
 * `onSending` is called when the first requests go out (after the child's start-up).
 */
export function runLoadClients(plan: LoadPlan, onSending: () => void = () => undefined): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const root = join(__dirname, '..', '..', '..');
    const child = spawn(
      process.execPath,
      ['-r', join(root, 'tools', 'register.js'), join(__dirname, 'load-clients.ts')],
      {
        cwd: root,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString('utf8');
      if (!before.includes('\n') && output.includes('\n')) onSending();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load clients exited with ${code}`));
      resolve(JSON.parse(output.slice(output.indexOf('\n') + 1)) as LoadResult);
    });
    child.stdin.end(JSON.stringify(plan));
  });
}
