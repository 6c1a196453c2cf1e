import createClient, { Client, ClientOptions } from 'openapi-fetch';
import type { paths } from './generated/schema';

/** A typed client of the api; `token` is sent as a bearer token while set (`login` sets it). */
export type LinliClient = Client<paths> & { token: string | undefined };

export interface LinliClientOptions {
  /** Where the api runs: `https://linli.example.cn`; a trailing `/api/v1` is accepted too. */
  baseUrl: string;
  /** An access token from `POST /api/v1/auth/login`. */
  token?: string;
  /** Another `fetch` (tests, a proxy agent); the global one by default. */
  fetch?: ClientOptions['fetch'];
}

/** The document names every path with its `/api/v1` prefix, so the client's base is the api's origin. */
function apiRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

/**
 * `createLinliClient({ baseUrl })`, then `client.GET('/api/v1/units/{id}', { params: { path: { id } } })`:
 * paths, parameters, bodies and answers are typed from the api's OpenAPI document.
 */
export function createLinliClient(options: LinliClientOptions): LinliClient {
  const client = createClient<paths>({ baseUrl: apiRoot(options.baseUrl), fetch: options.fetch }) as LinliClient;
  client.token = options.token;
  client.use({
    onRequest({ request }) {
      if (client.token) request.headers.set('authorization', `Bearer ${client.token}`);
      return request;
    },
  });
  return client;
}
