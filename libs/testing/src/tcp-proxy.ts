import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP forwarder to a real service (PostgreSQL, Redis) that a test can cut and restore on the same
 * port: point an app's DATABASE_URL or REDIS_URL at `urlThrough(url)`, then `stop()` makes the
 * service unreachable for that app only (new connections refused, open ones dropped).
 */
export class TcpProxy {
  port = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly upstream: { host: string; port: number }) {}

  /** A proxy to the host and port of `url` (e.g. `redis://127.0.0.1:6379`). */
  static to(url: string, defaultPort: number): TcpProxy {
    const parsed = new URL(url);
    return new TcpProxy({ host: parsed.hostname, port: Number(parsed.port || defaultPort) });
  }

  /** `url` with its host and port replaced by the proxy's (call after `start()`). */
  urlThrough(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.upstream.port, this.upstream.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Refuses new connections and drops the open ones: the service is "down" for whoever uses the proxy. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
