import { DateTime } from 'luxon';
import { SqlExecutor } from './table-buffer';

/** What the cases step wrote, per table. */
export type CasesCounts = Record<string, number>;

const ZONE = 'Asia/Shanghai';

/** The seeded category tree: a demand, a dispute, a hazard and a city-management branch, with limits. */
const CATEGORIES: {
  code: string;
  name: string;
  parent?: string;
  response: number;
  days: number | null;
  hours: number | null;
}[] = [
  { code: 'demand', name: '诉求', response: 24, days: 10, hours: null },
  { code: 'demand.repair', name: '设施维修', parent: 'demand', response: 24, days: 5, hours: 48 },
  { code: 'demand.service', name: '便民服务', parent: 'demand', response: 24, days: 2, hours: null },
  { code: 'dispute', name: '矛盾纠纷', response: 24, days: 15, hours: null },
  { code: 'dispute.neighbour', name: '邻里纠纷', parent: 'dispute', response: 12, days: 10, hours: 24 },
  { code: 'dispute.property', name: '物业纠纷', parent: 'dispute', response: 24, days: 15, hours: null },
  { code: 'hazard', name: '安全隐患', response: 2, days: 3, hours: 24 },
  { code: 'hazard.fire', name: '消防隐患', parent: 'hazard', response: 2, days: 3, hours: 12 },
  { code: 'city_management', name: '城市管理', response: 24, days: 5, hours: null },
  {
    code: 'city_management.environment',
    name: '环境卫生',
    parent: 'city_management',
    response: 24,
    days: 3,
    hours: null,
  },
];

/**
 * Cases for a seeded city (../../docs/seed-city.md): `count` cases reported over the year before
 * `today`, at the city's complexes and grids, generated in SQL from `setseed(seed)` (same seed, same
 * cases). Shaped like the sources' reports (../shared/DOMAIN.md §8): about 60 % found by grid
 * workers, the rest from the 12345 hotline, police transfers, residents, mobile grid workers and
 * household visits; about 5 % rejected; of the cases older than a month about 95 % finished (closed,
 * 93 of every 95 by their deadline, by the draw thresholds), about 70 % of those visited, nearly
 * all satisfied, the few unsatisfied reopened (rework).
 * Each case starts at its complex's grid (or community), a few escalated to the community or street.
 * Without the cases tables nothing is written.
 */
export async function seedCases(
  sql: SqlExecutor,
  options: { seed: number; today: string; count: number; log: (line: string) => void },
): Promise<CasesCounts | undefined> {
  if ((await sql.query(`SELECT to_regclass('cases') IS NOT NULL AS present`))[0]?.present !== true) return undefined;
  const end = DateTime.fromISO(options.today, { zone: ZONE }).startOf('day');
  const start = end.minus({ years: 1 });
  for (const category of CATEGORIES)
    await sql.query(
      `INSERT INTO case_categories (code, name, parent_id, response_hours, resolve_working_days, resolve_hours)
       VALUES ($1, $2, (SELECT id FROM case_categories WHERE code = $3), $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
      [category.code, category.name, category.parent ?? null, category.response, category.days, category.hours],
    );
  // Deterministic: one sequential scan, no parallel workers, random() seeded once.
  await sql.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
  await sql.query(`SELECT setseed($1)`, [((options.seed * 7919) % 10_000) / 10_000]);
  await sql.query(`
    CREATE TEMP TABLE seed_case_locations ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY u.seq) AS n, u.id, u.path,
           CASE WHEN u.kind = 'grid' OR p.kind = 'grid' THEN 'grid' ELSE 'community' END AS level,
           CASE WHEN u.kind = 'grid' THEN u.id ELSE p.id END AS level_unit_id,
           CASE WHEN u.kind = 'grid' THEN p.id WHEN p.kind = 'grid' THEN gp.id ELSE p.id END AS community_id,
           CASE WHEN u.kind = 'grid' THEN p.parent_id WHEN p.kind = 'grid' THEN gp.parent_id ELSE p.parent_id END AS street_id
      FROM units u JOIN units p ON p.id = u.parent_id LEFT JOIN units gp ON gp.id = p.parent_id
     WHERE u.kind IN ('complex', 'grid')`);
  const [{ locations }] = (await sql.query(`SELECT count(*)::int AS locations FROM seed_case_locations`)) as {
    locations: number;
  }[];
  if (locations === 0) return { cases: 0 };
  await sql.query(`
    CREATE TEMP TABLE seed_case_categories ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY code) AS n, id, split_part(code, '.', 1) AS type, response_hours,
           coalesce(resolve_working_days, 3) AS days
      FROM case_categories WHERE code LIKE '%.%'`);
  const [{ categories }] = (await sql.query(`SELECT count(*)::int AS categories FROM seed_case_categories`)) as {
    categories: number;
  }[];
  options.log(`cases: ${options.count} over ${locations} complexes and grids`);
  // Reported until two days before the seed's day, so that every step of a finished case lies before it.
  const seconds = Math.floor(end.diff(start, 'seconds').seconds) - 2 * 86_400;
  const [{ written }] = (await sql.query(
    `WITH draws AS (
       SELECT g AS n, random() AS r_loc, random() AS r_cat, random() AS r_time, random() AS r_channel,
              random() AS r_status, random() AS r_respond, random() AS r_close, random() AS r_visit,
              random() AS r_satisfaction, random() AS r_level
         FROM generate_series(1, $1::int) AS g
     ), shaped AS (
       SELECT d.*, l.id AS unit_id, l.path AS unit_path, l.level AS first_level, l.level_unit_id, l.community_id,
              l.street_id, c.id AS category_id, c.type, c.response_hours, c.days,
              $2::timestamptz + make_interval(secs => floor(d.r_time * $3)) AS reported_at
         FROM draws d
         JOIN seed_case_locations l ON l.n = 1 + floor(d.r_loc * $4)::int
         JOIN seed_case_categories c ON c.n = 1 + floor(d.r_cat * $5)::int
     ), timed AS (
       SELECT s.*,
              CASE WHEN s.r_channel < 0.60 THEN 'grid_patrol' WHEN s.r_channel < 0.75 THEN 'hotline_12345'
                   WHEN s.r_channel < 0.80 THEN 'police_transfer' WHEN s.r_channel < 0.92 THEN 'resident'
                   WHEN s.r_channel < 0.97 THEN 'mobile_grid' ELSE 'household_visit' END AS channel,
              s.reported_at + make_interval(hours => s.response_hours) AS response_due_at,
              s.reported_at + interval '1 hour' AS registered_at,
              s.reported_at + interval '1 hour' + make_interval(days => s.days + 2) AS resolve_due_at,
              ((s.r_time * $3 < $3 - 30 * 86400) AND s.r_close < 0.95) OR s.r_close < 0.55 AS finished
         FROM shaped s
     ), decided AS (
       SELECT t.*,
              t.r_status >= 0.05 AND t.finished AND t.r_visit < 0.70 AS visited,
              CASE WHEN t.r_status < 0.05 THEN 'rejected'
                   WHEN t.finished AND t.r_visit < 0.70 AND t.r_satisfaction >= 0.985 THEN 'in_progress'
                   WHEN t.finished THEN 'closed'
                   WHEN t.r_close < 0.985 THEN 'in_progress' ELSE 'registered' END AS status,
              greatest(t.registered_at, least($6::timestamptz - interval '1 minute',
                CASE WHEN t.r_close < 0.93
                     THEN t.registered_at + (t.resolve_due_at - t.registered_at) * (0.2 + 0.8 * t.r_close / 0.93)
                     ELSE t.resolve_due_at + make_interval(hours => ceil((t.r_close - 0.93) * 100)::int) END)) AS done_at
         FROM timed t
     ), written AS (
       INSERT INTO cases (id, channel, type, category_id, unit_id, unit_path, title, status, level, level_unit_id,
         external_id, reported_at, response_due_at, responded_at, registered_at, resolve_due_at, level_started_at,
         level_due_at, handled_at, closed_at, closed_on_time, rejected_at, reject_reason, rework_count, reopen_count,
         escalation_count, visited_at, satisfaction, updated_at)
       SELECT md5('case-' || $7::int || '-' || d.n)::uuid, d.channel, d.type, d.category_id, d.unit_id, d.unit_path, '居民反映问题' || d.n, d.status,
              CASE WHEN d.r_level < 0.03 THEN 'street' WHEN d.r_level < 0.10 THEN 'community' ELSE d.first_level END,
              CASE WHEN d.r_level < 0.03 THEN d.street_id WHEN d.r_level < 0.10 THEN d.community_id
                   ELSE d.level_unit_id END,
              CASE WHEN d.channel = 'hotline_12345' THEN 'SEED-' || d.n END,
              d.reported_at, d.response_due_at,
              CASE WHEN d.status <> 'registered'
                   THEN d.reported_at + make_interval(mins => floor(d.r_respond * d.response_hours * 63)::int) END,
              CASE WHEN d.status <> 'rejected' THEN d.registered_at END,
              CASE WHEN d.status <> 'rejected' THEN d.resolve_due_at END,
              CASE WHEN d.status <> 'rejected' THEN d.registered_at END,
              CASE WHEN d.status <> 'rejected' THEN d.resolve_due_at END,
              CASE WHEN d.status = 'closed' THEN d.done_at END,
              CASE WHEN d.status = 'closed' THEN d.done_at END,
              CASE WHEN d.status = 'closed' THEN d.done_at <= d.resolve_due_at END,
              CASE WHEN d.status = 'rejected' THEN d.reported_at + interval '2 hours' END,
              CASE WHEN d.status = 'rejected' THEN CASE WHEN d.r_close < 0.6 THEN 'duplicate' ELSE 'not_in_jurisdiction' END END,
              CASE WHEN d.visited AND d.status = 'in_progress' THEN 1
                   WHEN d.status <> 'rejected' AND d.r_respond > 0.97 THEN 1 ELSE 0 END,
              CASE WHEN d.visited AND d.status = 'in_progress' THEN 1 ELSE 0 END,
              CASE WHEN d.r_level < 0.03 THEN 2 WHEN d.r_level < 0.10 THEN 1 ELSE 0 END,
              CASE WHEN d.visited THEN least($6::timestamptz - interval '1 minute', d.done_at + interval '1 day') END,
              CASE WHEN NOT d.visited THEN NULL WHEN d.status = 'in_progress' THEN 'unsatisfied'
                   WHEN d.r_satisfaction < 0.90 THEN 'satisfied' ELSE 'basically_satisfied' END,
              d.reported_at
         FROM decided d
       RETURNING 1
     )
     SELECT count(*)::int AS written FROM written`,
    [options.count, start.toJSDate(), seconds, locations, categories, end.toJSDate(), options.seed],
  )) as { written: number }[];
  return { cases: written, case_categories: CATEGORIES.length };
}
