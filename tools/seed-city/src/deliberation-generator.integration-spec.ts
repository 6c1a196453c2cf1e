import { currentRun, currentWorker, databaseUrlFor, templateDatabaseName, withAdminClient } from '@linli/testing';
import { Client } from 'pg';
import { seedCity } from './seed-city';

const name = `linli_test_${currentRun()}_seed_deliberation_w${currentWorker()}`;
const url = databaseUrlFor(name);

async function query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('seed-city deliberation data, demo scale', () => {
  let adminId: string;

  beforeAll(async () => {
    await withAdminClient(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName(currentRun())}"`);
    });
    // The records need an author: an administrator exists (the api creates one on its first start).
    [{ id: adminId }] = await query<{ id: string }>(
      `WITH u AS (INSERT INTO users (username, password_hash) VALUES ('spec-admin', '!') RETURNING id)
       INSERT INTO role_grants (user_id, role) SELECT id, 'admin' FROM u RETURNING user_id AS id`,
    );
    const result = await seedCity({ databaseUrl: url, scale: 'demo', seed: 7, today: '2026-12-02' });
    expect(result.deliberation).toMatchObject({ deliberation_topics: 240, deliberation_monthly_reports: 120 });
  });
  afterAll(() =>
    withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined)),
  );

  it('gives every community a topic in each step and a withdrawn one, their history ending in that step', async () => {
    const perCommunity = await query<{ steps: string[]; withdrawn: number; authors: string[] }>(
      `SELECT array_agg(t.step ORDER BY t.step) FILTER (WHERE t.status = 'active') AS steps,
              count(*) FILTER (WHERE t.status = 'withdrawn')::int AS withdrawn,
              array_agg(DISTINCT t.created_by_user_id::text) AS authors
       FROM deliberation_topics t GROUP BY array_to_string((string_to_array(t.unit_path, '.'))[1:4], '.')`,
    );
    expect(perCommunity).toHaveLength(30);
    for (const community of perCommunity)
      expect(community).toEqual({
        steps: ['closed', 'collect', 'evaluate', 'execute', 'notice', 'resolve', 'review'],
        withdrawn: 1,
        authors: [adminId],
      });
    const [history] = await query<{ mismatched: number; future: number }>(
      `SELECT count(*) FILTER (WHERE l.to_step <> t.step OR l.changed_at <> t.step_entered_at)::int AS mismatched,
              count(*) FILTER (WHERE l.changed_at > '2026-12-02T01:00:00Z')::int AS future
       FROM deliberation_topics t
       JOIN LATERAL (SELECT to_step, changed_at FROM deliberation_step_changes s WHERE s.topic_id = t.id
                     ORDER BY changed_at DESC LIMIT 1) l ON true`,
    );
    expect(history).toEqual({ mismatched: 0, future: 0 });
  });

  it('keeps the counters, proposals and vote results consistent with their rows', async () => {
    const [drift] = await query<Record<string, number>>(
      `SELECT
         (SELECT count(*) FROM deliberation_topics t WHERE opinion_count <> (SELECT count(*) FROM deliberation_opinions o WHERE o.topic_id = t.id)
            OR rating_count <> (SELECT count(*) FROM deliberation_ratings r WHERE r.topic_id = t.id)
            OR rating_sum <> (SELECT coalesce(sum(score), 0) FROM deliberation_ratings r WHERE r.topic_id = t.id))::int AS topics,
         (SELECT count(*) FROM deliberation_proposals p WHERE cosigner_count <> (SELECT count(*) FROM deliberation_proposal_cosigners c WHERE c.proposal_id = p.id)
            OR (p.status = 'adopted' AND NOT EXISTS (SELECT 1 FROM deliberation_topics t WHERE t.id = p.topic_id AND t.proposal_id = p.id)))::int AS proposals,
         (SELECT count(*) FROM deliberation_votes v WHERE v.status = 'closed'
            AND (v.result->>'cast')::int <> (SELECT count(*) FROM deliberation_ballots b WHERE b.vote_id = v.id))::int AS votes,
         (SELECT count(*) FROM deliberation_votes WHERE status = 'closed')::int AS closed`,
    );
    expect(drift).toMatchObject({ topics: 0, proposals: 0, votes: 0 });
    expect(drift.closed).toBeGreaterThan(0);
  });

  it('stores monthly reports for the last three months and the current one, agreeing with the rows', async () => {
    const periods = await query<{ period: string; n: number }>(
      `SELECT period, count(*)::int AS n FROM deliberation_monthly_reports GROUP BY period ORDER BY period`,
    );
    expect(periods).toEqual(['2026-09', '2026-10', '2026-11', '2026-12'].map((period) => ({ period, n: 30 })));
    // November in Beijing time: [2026-10-31T16:00Z, 2026-11-30T16:00Z).
    const [november] = await query<Record<string, number>>(
      `SELECT (SELECT sum(opinions_collected) FROM deliberation_monthly_reports WHERE period = '2026-11')::int AS reported,
              (SELECT count(*) FROM deliberation_opinions WHERE created_at >= '2026-10-31T16:00Z' AND created_at < '2026-11-30T16:00Z')::int AS opinions,
              (SELECT sum(meetings_held) FROM deliberation_monthly_reports WHERE period = '2026-11')::int AS reported_meetings,
              (SELECT count(*) FROM deliberation_meetings WHERE status = 'held' AND starts_at >= '2026-10-31T16:00Z' AND starts_at < '2026-11-30T16:00Z')::int AS meetings`,
    );
    expect(november.reported).toBe(november.opinions);
    expect(november.reported_meetings).toBe(november.meetings);
    expect(november.opinions).toBeGreaterThan(0);
  });
});
