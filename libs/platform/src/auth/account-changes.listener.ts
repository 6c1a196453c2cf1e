import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { LinliConfig } from '../config/linli-config';

/** The channel the `linli_notify_account_changed` trigger notifies, with an account id, on commit. */
export const ACCOUNT_CHANGED_CHANNEL = 'linli_account_changed';

const RECONNECT_MS = 1000;

/**
 * One PostgreSQL connection of its own that `LISTEN`s to account changes, opened on first use.
 * `listening` is true only while the connection is up and subscribed: a cache must not trust what
 * it holds otherwise (it could have missed a change), and every loss of the connection is told to
 * `onReset` before anything else.
 */
@Injectable()
export class AccountChangesListener implements OnModuleDestroy {
  private readonly logger = new Logger(AccountChangesListener.name);
  private client?: Client;
  private starting = false;
  private closed = false;
  private retry?: NodeJS.Timeout;
  listening = false;
  onChange: (accountId: string) => void = () => undefined;
  onReset: () => void = () => undefined;

  constructor(private readonly config: LinliConfig) {}

  /** Connects and subscribes in the background, unless it already is or is on its way. */
  ensureStarted(): void {
    if (this.client || this.starting || this.closed || this.retry) return;
    this.starting = true;
    void this.start().finally(() => (this.starting = false));
  }

  private async start(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'linli-account-changes' });
    client.on('notification', (message) => {
      if (message.channel === ACCOUNT_CHANGED_CHANNEL && message.payload) this.onChange(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCOUNT_CHANGED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.onReset();
    this.listening = true;
  }

  private lost(client: Client, error?: Error): void {
    if (this.client && this.client !== client) return;
    const wasListening = this.listening;
    this.listening = false;
    this.client = undefined;
    this.onReset();
    if (this.closed || this.retry) return;
    if (wasListening)
      this.logger.warn(`account change listener lost its connection${error ? `: ${error.message}` : ''}`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.ensureStarted();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
