import { LinliClient } from './create-linli-client';
import type { components } from './generated/schema';
import { LinliProblemError, problemOf } from './problem';

export type AccessToken = components['schemas']['AccessTokenDto'];

/**
 * Logs in with username and password; from then on `client` sends the new token. Throws a
 * `LinliProblemError` on a refusal (`auth.invalid-credentials`, `auth.account-deactivated`, throttled).
 */
export async function login(client: LinliClient, username: string, password: string): Promise<AccessToken> {
  const { data, error, response } = await client.POST('/api/v1/auth/login', { body: { username, password } });
  if (!data) throw new LinliProblemError(response.status, problemOf(error));
  client.token = data.accessToken;
  return data;
}
