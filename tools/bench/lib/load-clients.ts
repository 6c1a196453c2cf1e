/**
 * A child process of a benchmark that plays remote clients: it reads `{ base, clients, requests }`
 * (JSON on stdin), writes `sending` on a line, sends the requests over HTTP from `clients` concurrent loops, each taking the
 * next request as soon as its last one answered, and writes `{ ms, latencies, statuses }` (a JSON
 * line on stdout); with `ratePerSecond`, request i leaves no earlier than i / rate after the start.
 * Run by `runLoadClients`, so that the clients' own work does not share the api's event loop.
 */
import { LoadPlan, LoadResult } from './load-clients-runner';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const plan = JSON.parse(await readStdin()) as LoadPlan;
  const queue = plan.requests.map((request, i) => ({ request, i }));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  process.stdout.write('sending\n');
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: plan.clients }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const { method, path, authorization, body, headers } = item.request;
        if (plan.ratePerSecond) {
          const due = Number(started) / 1e6 + (item.i * 1000) / plan.ratePerSecond;
          const wait = due - Number(process.hrtime.bigint()) / 1e6;
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        const sent = process.hrtime.bigint();
        const response = await fetch(`${plan.base}${path}`, {
          method,
          headers: {
            ...(authorization ? { authorization } : {}),
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(headers ?? {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await response.text();
        latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
        const code =
          response.status < 300 ? '' : ` ${String((JSON.parse(text || '{}') as { code?: string }).code ?? '')}`;
        const key = response.status < 300 ? 'ok' : `${response.status}${code}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
    }),
  );
  const result: LoadResult = { ms: Number(process.hrtime.bigint() - started) / 1e6, latencies, statuses };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
