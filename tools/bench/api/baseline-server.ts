/**
 * The api benchmark's baseline: a bare Fastify server with a `pg` pool of the api's size, answering
 * the benchmarked routes at the same paths with the same statements the api runs for them (its
 * reads, its write transaction), and nothing else: no token check, no scope check, no validation,
 * no Nest, no ORM, no request log. `DATABASE_URL` and `PORT` from the environment.
 */
import Fastify, { FastifyReply } from 'fastify';
import { Pool, PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
const app = Fastify({ logger: false });
const prefix = '/api/v1';
const like = (path: string) => `${path}.%`;

/** The caller, as the token names it (not verified: the baseline trusts it). */
function subjectOf(authorization: string | undefined): string {
  const payload = (authorization ?? '').split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8') || '{}') as { sub?: string }).sub ?? '';
}

const notFound = (reply: FastifyReply) => reply.code(404).send({ code: 'resource.not-found' });

app.get<{ Params: { id: string } }>(`${prefix}/units/:id`, async (request, reply) => {
  const { rows } = await pool.query(
    `SELECT id, kind, name, code, parent_id, path, depth, residents, households, area_m2, created_at, updated_at
       FROM units WHERE id = $1`,
    [request.params.id],
  );
  return rows[0] ?? notFound(reply);
});

app.get<{ Params: { id: string } }>(`${prefix}/units/:id/coverage`, async (request, reply) => {
  const { rows } = await pool.query(`SELECT id, kind, path, residents, households FROM units WHERE id = $1`, [
    request.params.id,
  ]);
  const unit = rows[0] as { path: string } | undefined;
  if (!unit) return notFound(reply);
  const [counts, institutions] = await Promise.all([
    pool.query(`SELECT * FROM organization_subtree_counts($1)`, [unit.path]),
    pool.query(
      `SELECT kind, count(*)::integer AS total, count(party_organization_id)::integer AS covered
         FROM institutions WHERE unit_path = $1 OR unit_path LIKE $2 GROUP BY kind`,
      [unit.path, like(unit.path)],
    ),
  ]);
  return { counts: counts.rows[0], institutions: institutions.rows };
});

app.get(`${prefix}/me/notifications`, async (request) => {
  const { rows } = await pool.query(
    `SELECT id, template_key, title, body, data, created_at, read_at FROM notifications
      WHERE recipient_user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 21`,
    [subjectOf(request.headers.authorization)],
  );
  return { items: rows.slice(0, 20), nextCursor: null };
});

app.get<{ Params: { id: string } }>(`${prefix}/points/accounts/person/:id`, async (request, reply) => {
  const person = await pool.query(`SELECT id, residence_unit_id, residence_path FROM people WHERE id = $1`, [
    request.params.id,
  ]);
  if (!person.rows[0]) return notFound(reply);
  const { rows } = await pool.query(
    `SELECT id, kind, balance, pending FROM point_accounts WHERE owner_type = 'person' AND owner_id = $1`,
    [request.params.id],
  );
  const redeemable = rows.find((row: { kind: string }) => row.kind === 'redeemable') as { id: string } | undefined;
  const expiring = redeemable
    ? (
        await pool.query(
          `SELECT sum(remaining) AS amount, expires_at FROM point_lots
            WHERE account_id = $1 AND status = 'available' AND remaining > 0 AND expires_at IS NOT NULL
            GROUP BY expires_at ORDER BY expires_at`,
          [redeemable.id],
        )
      ).rows
    : [];
  return { accounts: rows, expiring };
});

app.get<{ Querystring: { unitId: string } }>(`${prefix}/volunteers/activities`, async (request, reply) => {
  const unit = await pool.query(`SELECT id, path FROM units WHERE id = $1`, [request.query.unitId]);
  const path = (unit.rows[0] as { path: string } | undefined)?.path;
  if (!path) return notFound(reply);
  const { rows } = await pool.query(
    `SELECT a.*, u.name AS unit_name FROM volunteer_activities a JOIN units u ON u.id = a.unit_id
      WHERE a.unit_path = $1 OR a.unit_path LIKE $2 ORDER BY a.starts_at DESC, a.id DESC LIMIT 21`,
    [path, like(path)],
  );
  return { items: rows.slice(0, 20), nextCursor: null };
});

async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const audit = (client: PoolClient, actor: string, action: string, target: string, unit: { id: string; path: string }) =>
  client.query(
    `INSERT INTO audit_log (occurred_at, actor_user_id, action, target_type, target_id, unit_id, unit_path, data)
     VALUES (now(), $1, $2, 'volunteer_activity_signup', $3, $4, $5, '{}')`,
    [actor, action, target, unit.id, unit.path],
  );

app.post<{ Params: { id: string }; Body: { personId: string } }>(
  `${prefix}/volunteers/activities/:id/signups`,
  async (request, reply) => {
    const actor = subjectOf(request.headers.authorization);
    const personId = request.body.personId;
    const person = await pool.query(`SELECT id, residence_path FROM people WHERE id = $1`, [personId]);
    if (!person.rows[0]) return notFound(reply);
    const signup = await inTransaction(async (client) => {
      const activity = (
        await client.query(`SELECT a.* FROM volunteer_activities a WHERE a.id = $1 FOR UPDATE OF a`, [
          request.params.id,
        ])
      ).rows[0] as { id: string; unit_id: string; unit_path: string; starts_at: Date; ends_at: Date } | undefined;
      if (!activity) return undefined;
      const existing = await client.query(
        `SELECT * FROM volunteer_activity_signups WHERE activity_id = $1 AND person_id = $2 AND status <> 'cancelled'`,
        [activity.id, personId],
      );
      if (existing.rows[0]) return existing.rows[0] as { id: string };
      const inserted = await client.query(
        `INSERT INTO volunteer_activity_signups (activity_id, person_id, status, activity_time, signed_up_at, signed_up_by, confirmed_at)
         VALUES ($1, $2, 'confirmed', tstzrange($3, $4), now(), $5, now()) RETURNING *`,
        [activity.id, personId, activity.starts_at, activity.ends_at, actor],
      );
      await client.query(`UPDATE volunteer_activities SET confirmed_count = confirmed_count + 1 WHERE id = $1`, [
        activity.id,
      ]);
      const row = inserted.rows[0] as { id: string };
      await audit(client, actor, 'volunteers.activity-signed-up', row.id, {
        id: activity.unit_id,
        path: activity.unit_path,
      });
      return row;
    });
    return signup ? reply.code(201).send(signup) : notFound(reply);
  },
);

app.delete<{ Params: { id: string; personId: string } }>(
  `${prefix}/volunteers/activities/:id/signups/:personId`,
  async (request, reply) => {
    const actor = subjectOf(request.headers.authorization);
    const cancelled = await inTransaction(async (client) => {
      const activity = (
        await client.query(`SELECT a.* FROM volunteer_activities a WHERE a.id = $1 FOR UPDATE OF a`, [
          request.params.id,
        ])
      ).rows[0] as { id: string; unit_id: string; unit_path: string } | undefined;
      if (!activity) return undefined;
      const signup = (
        await client.query(
          `SELECT * FROM volunteer_activity_signups WHERE activity_id = $1 AND person_id = $2 AND status <> 'cancelled'`,
          [activity.id, request.params.personId],
        )
      ).rows[0] as { id: string } | undefined;
      if (!signup) return undefined;
      await client.query(
        `UPDATE volunteer_activity_signups SET status = 'cancelled', cancelled_at = now() WHERE id = $1`,
        [signup.id],
      );
      await client.query(`UPDATE volunteer_activities SET confirmed_count = confirmed_count - 1 WHERE id = $1`, [
        activity.id,
      ]);
      await audit(client, actor, 'volunteers.activity-signup-cancelled', signup.id, {
        id: activity.unit_id,
        path: activity.unit_path,
      });
      return signup;
    });
    return cancelled ? cancelled : notFound(reply);
  },
);

app.get('/health', async () => ({ status: 'ok' }));

app.listen({ port: Number(process.env.PORT ?? 3990), host: '127.0.0.1' }).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
