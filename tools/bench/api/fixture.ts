import { BENCH_ADMIN } from '../lib/bench-setup';
import { withClient } from '../lib/database';

/** The ids and logins the api benchmark's routes use, made once against a freshly seeded database. */
export interface ApiFixture {
  community: { id: string; name: string };
  /** A person living in the community, with a points account. */
  personId: string;
  /** An activity in the community with room for every sign-up. */
  activityId: string;
  /** Volunteers of the community, one for each load connection, signed up and cancelled in turn. */
  volunteerIds: string[];
  admin: string;
  secretary: string;
}

export const SECRETARY = { username: 'bench-secretary', password: 'bench-secretary-0123' } as const;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(base: string, method: string, path: string, authorization?: string, body?: object) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(authorization ? { authorization } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> } as Answer;
}

async function expectOk(answer: Promise<Answer>, what: string): Promise<Record<string, unknown>> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function login(base: string, username: string, password: string): Promise<string> {
  const body = await expectOk(call(base, 'POST', '/auth/login', undefined, { username, password }), 'login');
  return `Bearer ${String(body.accessToken)}`;
}

const CHANGED_PASSWORD = `${SECRETARY.password}-changed`;

/**
 * The community secretary's login: the account is made (and its first password changed) on a fresh
 * database; a database kept by an earlier run (`--keep`, then `--skip-seed`) has it already.
 */
async function secretaryOf(base: string, admin: string, communityId: string): Promise<string> {
  const created = await call(base, 'POST', '/users', admin, {
    username: SECRETARY.username,
    password: SECRETARY.password,
    displayName: '压测书记',
    unitId: communityId,
  });
  if (created.status === 409 && created.body.code === 'users.username-taken')
    return login(base, SECRETARY.username, CHANGED_PASSWORD).catch(() =>
      login(base, SECRETARY.username, SECRETARY.password),
    );
  const user = await expectOk(Promise.resolve(created), 'create secretary');
  await expectOk(
    call(base, 'POST', `/users/${String(user.id)}/grants`, admin, { role: 'secretary', unitId: communityId }),
    'grant secretary',
  );
  const first = await login(base, SECRETARY.username, SECRETARY.password);
  const me = await expectOk(call(base, 'GET', '/me', first), 'me');
  if (!me.passwordChangeRequired) return first;
  await expectOk(
    call(base, 'POST', '/auth/password', first, { currentPassword: SECRETARY.password, newPassword: CHANGED_PASSWORD }),
    'secretary password',
  );
  return login(base, SECRETARY.username, CHANGED_PASSWORD);
}

/** The largest community, its secretary's account, an activity there and volunteers to sign up. */
export async function makeApiFixture(base: string, databaseUrl: string, connections: number): Promise<ApiFixture> {
  const { community, personId, volunteerIds } = await withClient(databaseUrl, async (client) => {
    const [picked] = (
      await client.query<{ id: string; name: string; path: string }>(
        `SELECT u.id, u.name, u.path FROM units u WHERE u.kind = 'community'
          ORDER BY (SELECT count(*) FROM people p WHERE p.residence_path LIKE u.path || '.%') DESC, u.id LIMIT 1`,
      )
    ).rows;
    // The demo has a volunteer in 25 residents: enough profiles here for one volunteer per connection.
    await client.query(
      `INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, skills, availability)
       SELECT id, residence_unit_id, residence_path, '{}', '{}' FROM people WHERE residence_path LIKE $1
        ORDER BY id LIMIT $2 ON CONFLICT (person_id) DO NOTHING`,
      [`${picked.path}.%`, connections],
    );
    const volunteers = await client.query<{ person_id: string }>(
      `SELECT person_id FROM volunteer_profiles WHERE unit_path LIKE $1 ORDER BY person_id LIMIT $2`,
      [`${picked.path}.%`, connections],
    );
    if (volunteers.rows.length < connections)
      throw new Error(`only ${volunteers.rows.length} volunteers in ${picked.name}`);
    const person = await client.query<{ id: string }>(
      `SELECT id FROM people WHERE residence_path LIKE $1 ORDER BY id LIMIT 1`,
      [`${picked.path}.%`],
    );
    return {
      community: { id: picked.id, name: picked.name },
      personId: person.rows[0].id,
      volunteerIds: volunteers.rows.map((row) => row.person_id),
    };
  });

  const admin = await login(base, BENCH_ADMIN.username, BENCH_ADMIN.password);
  const secretary = await secretaryOf(base, admin, community.id);

  const startsAt = new Date(Date.now() + 30 * 24 * 3600_000);
  const activity = await expectOk(
    call(base, 'POST', '/volunteers/activities', admin, {
      unitId: community.id,
      title: '压测志愿活动',
      kind: 'service',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      capacity: connections * 2,
    }),
    'create activity',
  );
  return { community, personId, activityId: String(activity.id), volunteerIds, admin, secretary };
}
