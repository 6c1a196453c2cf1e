import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModuleImport, createApiApp, createNotifierApp, createSchedulerApp } from '@linli/composition';
import { LinliConfig } from '@linli/platform';
import { testConfig } from './test-config';
import { prepareWorkerDatabase } from './test-database';

export interface BootOptions {
  env?: Record<string, string | undefined>;
  /** A whole configuration instead of `testConfig(env)`. */
  config?: LinliConfig;
  /** Test-only modules to mount next to the app's own (subscribers, schedules, a unit directory…). */
  modules?: AppModuleImport[];
}

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw payload (string or Buffer) sent as-is; overrides `body`. */
  payload?: string | Buffer;
}

/** The api booted in-process; requests go through Fastify's `inject`, no socket needed. */
export class TestApi {
  constructor(
    readonly app: NestFastifyApplication,
    readonly config: LinliConfig,
  ) {}

  async request<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined = options.payload;
    if (payload === undefined && options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({ method: method as 'GET', url, headers, payload });
    const type = String(response.headers['content-type'] ?? '');
    const body = type.includes('json') && response.body ? JSON.parse(response.body) : response.body;
    return { status: response.statusCode, headers: response.headers, body: body as T };
  }

  /** Logs in and returns the access token. */
  async login(username: string, password: string): Promise<string> {
    const response = await this.request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`login failed for ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken as string;
  }

  get<T = any>(url: string, token?: string): Promise<TestResponse<T>> {
    return this.request<T>('GET', url, { token });
  }

  post<T = any>(url: string, body: unknown, token?: string): Promise<TestResponse<T>> {
    return this.request<T>('POST', url, { body, token });
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

export async function bootApi(options: BootOptions = {}): Promise<TestApi> {
  await prepareWorkerDatabase();
  const config = options.config ?? testConfig(options.env);
  return new TestApi(await createApiApp(config, { extraModules: options.modules }), config);
}

export async function bootScheduler(options: BootOptions = {}): Promise<NestFastifyApplication> {
  await prepareWorkerDatabase();
  return createSchedulerApp(options.config ?? testConfig(options.env), { extraModules: options.modules });
}

export async function bootNotifier(options: BootOptions = {}): Promise<NestFastifyApplication> {
  await prepareWorkerDatabase();
  return createNotifierApp(options.config ?? testConfig(options.env), { extraModules: options.modules });
}
