import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { MonthlyReportRepository } from '../../../libs/deliberation/src/reports/monthly-report.repository';
import { DeliberationRows } from './deliberation-rows';
import { Prng } from './prng';
import { SqlExecutor } from './table-buffer';

/** What the deliberation step wrote, per table. */
export type DeliberationCounts = Record<string, number>;

const ZONE = 'Asia/Shanghai';
const COMMUNITY_DEPTH = 4;
const RESIDENTS_PER_COMMUNITY = 24;
const STEPS = ['collect', 'review', 'resolve', 'notice', 'execute', 'evaluate', 'closed'] as const;
const TITLES = [
  '加装电梯',
  '楼道堆物清理',
  '停车位划线',
  '垃圾分类投放点调整',
  '小区绿化改造',
  '健身器材更新',
  '物业费公示',
];
const CATEGORIES = [
  'lift_installation',
  'public_space',
  'parking',
  'garbage_sorting',
  'old_complex_renovation',
  'public_space',
  'property_management',
];
const DAY = 24 * 3600_000;
const REPORT_MONTHS = 3;

interface Place {
  id: string;
  path: string;
}

function tables() {
  return {
    topics: new DeliberationRows('deliberation_topics', [
      'id uuid',
      'unit_id uuid',
      'unit_path text',
      'title varchar',
      'category varchar',
      'source varchar',
      'step varchar',
      'status varchar',
      'step_entered_at timestamptz',
      'required_parties text[]',
      'decision jsonb',
      'notice_ends_at timestamptz',
      'responsible_party varchar',
      'progress_percent smallint',
      'execution_ended_at timestamptz',
      'evaluation_opens_at timestamptz',
      'evaluation_closes_at timestamptz',
      'opinion_count integer',
      'rating_count integer',
      'rating_sum integer',
      'created_by_user_id uuid',
      'created_at timestamptz',
    ]),
    proposals: new DeliberationRows('deliberation_proposals', [
      'id uuid',
      'unit_id uuid',
      'unit_path text',
      'title varchar',
      'description text',
      'category varchar',
      'proposer_person_id uuid',
      'proposer_user_id uuid',
      'status varchar',
      'threshold integer',
      'cosigner_count integer',
      'topic_id uuid',
      'adopted_at timestamptz',
      'created_at timestamptz',
    ]),
    cosigners: new DeliberationRows('deliberation_proposal_cosigners', [
      'proposal_id uuid',
      'person_id uuid',
      'created_at timestamptz',
    ]),
    stepChanges: new DeliberationRows('deliberation_step_changes', [
      'id uuid',
      'topic_id uuid',
      'from_step varchar',
      'to_step varchar',
      'changed_by_user_id uuid',
      'changed_at timestamptz',
    ]),
    opinions: new DeliberationRows('deliberation_opinions', [
      'id uuid',
      'topic_id uuid',
      'author_person_id uuid',
      'author_user_id uuid',
      'content text',
      'created_at timestamptz',
    ]),
    reviews: new DeliberationRows('deliberation_reviews', [
      'id uuid',
      'topic_id uuid',
      'round smallint',
      'party varchar',
      'opinion text',
      'feasible boolean',
      'recorded_by_user_id uuid',
      'created_at timestamptz',
    ]),
    ratings: new DeliberationRows('deliberation_ratings', [
      'topic_id uuid',
      'person_id uuid',
      'score smallint',
      'created_at timestamptz',
    ]),
    representatives: new DeliberationRows('deliberation_representatives', [
      'id uuid',
      'unit_id uuid',
      'unit_path text',
      'person_id uuid',
      'started_on date',
      'created_by_user_id uuid',
    ]),
    votes: new DeliberationRows('deliberation_votes', [
      'id uuid',
      'unit_id uuid',
      'unit_path text',
      'topic_id uuid',
      'title varchar',
      'options text[]',
      'electorate varchar',
      'quorum varchar',
      'pass_rule varchar',
      'opens_at timestamptz',
      'closes_at timestamptz',
      'hide_results boolean',
      'status varchar',
      'eligible integer',
      'result jsonb',
      'closed_at timestamptz',
      'created_by_user_id uuid',
      'created_at timestamptz',
    ]),
    electors: new DeliberationRows('deliberation_vote_electors', ['vote_id uuid', 'person_id uuid', 'voter_key text']),
    ballots: new DeliberationRows('deliberation_ballots', [
      'id uuid',
      'vote_id uuid',
      'voter_key text',
      'person_id uuid',
      'option text',
      'cast_at timestamptz',
    ]),
    meetings: new DeliberationRows('deliberation_meetings', [
      'id uuid',
      'unit_id uuid',
      'unit_path text',
      'kind varchar',
      'title varchar',
      'starts_at timestamptz',
      'ends_at timestamptz',
      'status varchar',
      'check_in_secret varchar',
      'created_by_user_id uuid',
      'created_at timestamptz',
    ]),
    agenda: new DeliberationRows('deliberation_meeting_agenda', [
      'meeting_id uuid',
      'topic_id uuid',
      'position smallint',
    ]),
    attendance: new DeliberationRows('deliberation_meeting_attendance', [
      'meeting_id uuid',
      'person_id uuid',
      'method varchar',
      'recorded_by_user_id uuid',
      'attended_at timestamptz',
    ]),
    minutes: new DeliberationRows('deliberation_meeting_minutes', [
      'meeting_id uuid',
      'summary text',
      'attendee_count integer',
      'recorded_by_user_id uuid',
      'recorded_at timestamptz',
    ]),
  };
}

type Tables = ReturnType<typeof tables>;

/**
 * The account the generated records are attributed to (they all need an author): the oldest
 * deployment-wide administrator, else the oldest account. The seed creates no account itself: the
 * api creates the first administrator only while there is no account at all.
 */
async function authorAccount(sql: SqlExecutor): Promise<string | undefined> {
  const [row] = await sql.query(
    `SELECT u.id FROM users u LEFT JOIN role_grants g ON g.user_id = u.id AND g.role = 'admin' AND g.unit_id IS NULL
     ORDER BY (g.id IS NULL), u.created_at, u.id LIMIT 1`,
  );
  return row?.id as string | undefined;
}

/**
 * Deliberation data for every community of a seeded city, from its own seeded stream (so the
 * organization data of a seed stays what it was): seven topics, one in each step, and a withdrawn
 * one, with their step changes, opinions, joint reviews and ratings; an adopted proposal (the
 * collecting topic) and a collecting one with co-signers; nine representatives and a vote of theirs
 * on the resolving topic (ballots, a result once closed); two held meetings with agenda, attendance
 * and minutes and a scheduled one; then the monthly reports of the last three months and the
 * current one, computed by the report's own SQL. Dates are placed around `today`. Without any
 * account yet (a fresh database before the api's first start) nothing is written and `undefined`
 * is answered: run it again once the administrator exists (`seedDeliberation` is exported).
 */
export async function seedDeliberation(
  sql: SqlExecutor,
  options: { seed: number; today: string; log: (line: string) => void },
): Promise<DeliberationCounts | undefined> {
  const prng = new Prng(options.seed, 3);
  const now = DateTime.fromISO(options.today, { zone: ZONE }).set({ hour: 9 });
  const at = (ms: number) => new Date(now.toMillis() + ms).toISOString();
  const userId = await authorAccount(sql);
  if (userId === undefined) {
    options.log(
      'deliberation: no account to attribute the records to yet; skipped (run seedDeliberation once one exists)',
    );
    return undefined;
  }
  const communities = (await sql.query(`SELECT id, path FROM units WHERE kind = 'community' ORDER BY seq`)) as {
    id: string;
    path: string;
  }[];
  const placesOf = new Map<string, Place[]>();
  for (const row of (await sql.query(`SELECT id, path FROM units WHERE kind IN ('grid', 'complex') ORDER BY seq`)) as {
    id: string;
    path: string;
  }[]) {
    const community = row.path.split('.').slice(0, COMMUNITY_DEPTH).join('.');
    const list = placesOf.get(community) ?? [];
    if (list.length < 4) list.push(row);
    placesOf.set(community, list);
  }
  const residentsOf = new Map<string, string[]>();
  for (const row of (await sql.query(
    `SELECT id, community FROM (
       SELECT id, array_to_string((string_to_array(residence_path, '.'))[1:${COMMUNITY_DEPTH}], '.') AS community,
              row_number() OVER (PARTITION BY array_to_string((string_to_array(residence_path, '.'))[1:${COMMUNITY_DEPTH}], '.') ORDER BY id) AS n
       FROM people) p WHERE n <= ${RESIDENTS_PER_COMMUNITY} ORDER BY community, id`,
  )) as { id: string; community: string }[]) {
    const list = residentsOf.get(row.community) ?? [];
    list.push(row.id);
    residentsOf.set(row.community, list);
  }

  const t = tables();
  const counts: DeliberationCounts = {};
  const flush = async () => {
    for (const table of Object.values(t)) counts[table.table] = (counts[table.table] ?? 0) + (await table.flush(sql));
  };
  let done = 0;
  for (const community of communities) {
    const residents = residentsOf.get(community.path) ?? [];
    if (residents.length >= RESIDENTS_PER_COMMUNITY)
      generateCommunity(t, prng, community, placesOf.get(community.path) ?? [], residents, userId, at);
    done += 1;
    if (done % 200 === 0) {
      await flush();
      options.log(`deliberation: ${done}/${communities.length} communities`);
    }
  }
  await flush();
  await sql.query(
    `UPDATE deliberation_topics t SET proposal_id = p.id FROM deliberation_proposals p
     WHERE p.topic_id = t.id AND t.proposal_id IS NULL AND t.created_by_user_id = $1`,
    [userId],
  );
  await sql.query(
    `ANALYZE ${Object.values(t)
      .map((table) => table.table)
      .join(', ')}`,
  );

  // The monthly reports of the last months and the current one, by the report's own SQL.
  const repository = new MonthlyReportRepository(null as unknown as DataSource);
  const manager = { query: (text: string, params?: unknown[]) => sql.query(text, params) } as unknown as EntityManager;
  const reportCommunities = communities.map((c) => ({ id: c.id, path: c.path }));
  for (let back = REPORT_MONTHS; back >= 0; back--) {
    const start = now.startOf('month').minus({ months: back });
    const period = { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
    const months = await repository.compute(manager, reportCommunities, COMMUNITY_DEPTH, period);
    await repository.upsert(manager, start.toFormat('yyyy-MM'), months, now.toJSDate());
    counts.deliberation_monthly_reports = (counts.deliberation_monthly_reports ?? 0) + months.length;
  }
  return counts;
}

function generateCommunity(
  t: Tables,
  prng: Prng,
  community: Place,
  places: Place[],
  residents: string[],
  userId: string,
  at: (ms: number) => string,
): void {
  const where = [community, ...places];
  const topicIds: string[] = [];
  const held: string[] = [];
  // Two meetings held (about 1 and 2 months ago), one scheduled in three days.
  for (const [index, daysAgo] of [prng.int(3, 25), prng.int(35, 60), -3].entries()) {
    const id = prng.uuid();
    const startsAt = at(-daysAgo * DAY + 10 * 3600_000);
    t.meetings.push({
      id,
      unit_id: community.id,
      unit_path: community.path,
      kind: index === 1 ? 'council' : 'residents_meeting',
      title: index === 1 ? '社区协商议事会' : '居民议事会',
      starts_at: startsAt,
      ends_at: at(-daysAgo * DAY + 12 * 3600_000),
      status: daysAgo > 0 ? 'held' : 'scheduled',
      check_in_secret: prng.uuid().replace(/-/g, ''),
      created_by_user_id: userId,
      created_at: at(-(daysAgo + 10) * DAY),
    });
    if (daysAgo <= 0) continue;
    held.push(id);
    const attendees = prng.sample(residents, prng.int(8, 15));
    for (const person of attendees)
      t.attendance.push({
        meeting_id: id,
        person_id: person,
        method: 'staff',
        recorded_by_user_id: userId,
        attended_at: startsAt,
      });
    t.minutes.push({
      meeting_id: id,
      summary: '与会居民就议题充分协商，形成一致意见。',
      attendee_count: attendees.length,
      recorded_by_user_id: userId,
      recorded_at: at(-daysAgo * DAY + 13 * 3600_000),
    });
  }

  for (let i = 0; i <= STEPS.length; i++) {
    const withdrawn = i === STEPS.length;
    const stepIndex = withdrawn ? 0 : i;
    const id = prng.uuid();
    topicIds.push(id);
    const place = where[i % where.length];
    // The step was entered within the last 40 days; each earlier step lasted 3 to 12 days.
    const times: number[] = [];
    times[stepIndex] = -prng.int(2, 40) * DAY;
    for (let s = stepIndex - 1; s >= 0; s--) times[s] = times[s + 1] - prng.int(3, 12) * DAY;
    const created = times[0];
    const changedAt = times[stepIndex];
    for (let s = 0; s <= stepIndex; s++)
      t.stepChanges.push({
        id: prng.uuid(),
        topic_id: id,
        from_step: s === 0 ? null : STEPS[s - 1],
        to_step: STEPS[s],
        changed_by_user_id: userId,
        changed_at: at(times[s]),
      });
    const opinions = prng.int(2, 5);
    for (const person of prng.sample(residents, opinions))
      t.opinions.push({
        id: prng.uuid(),
        topic_id: id,
        author_person_id: person,
        author_user_id: userId,
        content: prng.pick(['赞成，希望尽快实施', '建议先征求全体住户意见', '费用分摊需要公开', '支持，注意施工安全']),
        created_at: at(created + prng.int(1, 48) * 3600_000),
      });
    if (stepIndex >= 2)
      for (const party of ['party_organization', 'residents_committee'])
        t.reviews.push({
          id: prng.uuid(),
          topic_id: id,
          round: 1,
          party,
          opinion: '方案可行',
          feasible: true,
          recorded_by_user_id: userId,
          created_at: at(times[1] + DAY + (party === 'party_organization' ? 0 : 3600_000)),
        });
    let ratingCount = 0;
    let ratingSum = 0;
    if (stepIndex >= 5)
      for (const person of prng.sample(residents, prng.int(3, 6))) {
        const score = prng.int(3, 5);
        ratingCount += 1;
        ratingSum += score;
        // During the evaluation: from its opening until now, or until the topic closed.
        const until = stepIndex === 6 ? times[6] : 0;
        const ratedAt = times[5] + Math.floor(prng.next() * (until - times[5]));
        t.ratings.push({ topic_id: id, person_id: person, score, created_at: at(ratedAt) });
      }
    const step = STEPS[stepIndex];
    t.topics.push({
      id,
      unit_id: place.id,
      unit_path: place.path,
      title: `${TITLES[i % TITLES.length]}${withdrawn ? '（已撤回）' : ''}`,
      category: CATEGORIES[i % CATEGORIES.length],
      source: i === 0 ? 'resident_proposal' : prng.pick(['grid_worker', 'residents_committee', 'party_organization']),
      step,
      status: withdrawn ? 'withdrawn' : 'active',
      step_entered_at: at(changedAt),
      required_parties: stepIndex >= 1 ? ['party_organization', 'residents_committee'] : [],
      decision:
        stepIndex >= 3
          ? {
              basis: 'meeting',
              meetingId: held[held.length - 1],
              summary: '议事会表决通过',
              decidedAt: at(times[2] + DAY),
              decidedByUserId: userId,
            }
          : null,
      notice_ends_at: stepIndex >= 3 ? at(times[3] + 7 * DAY) : null,
      responsible_party: stepIndex >= 4 ? '社区居委会' : null,
      progress_percent: stepIndex >= 5 ? 100 : stepIndex === 4 ? prng.int(10, 90) : 0,
      execution_ended_at: stepIndex >= 5 ? at(times[5] - DAY) : null,
      evaluation_opens_at: stepIndex >= 5 ? at(times[5]) : null,
      evaluation_closes_at: stepIndex === 6 ? at(times[6]) : stepIndex === 5 ? at(times[5] + 14 * DAY) : null,
      opinion_count: opinions,
      rating_count: ratingCount,
      rating_sum: ratingSum,
      created_by_user_id: userId,
      created_at: at(created),
    });
    if (stepIndex >= 1 && stepIndex <= 3 && held.length > 0)
      t.agenda.push({ meeting_id: held[0], topic_id: id, position: stepIndex });
  }

  // Proposals: the collecting topic came from an adopted one; another is still collecting.
  const adopted = prng.uuid();
  const proposer = residents[0];
  t.proposals.push({
    id: adopted,
    unit_id: where[0].id,
    unit_path: where[0].path,
    title: TITLES[0],
    description: '居民联名提议',
    category: CATEGORIES[0],
    proposer_person_id: proposer,
    proposer_user_id: userId,
    status: 'adopted',
    threshold: 10,
    cosigner_count: 10,
    topic_id: topicIds[0],
    adopted_at: at(-30 * DAY),
    created_at: at(-40 * DAY),
  });
  for (const person of residents.slice(1, 11))
    t.cosigners.push({ proposal_id: adopted, person_id: person, created_at: at(-35 * DAY) });
  const collecting = prng.uuid();
  t.proposals.push({
    id: collecting,
    unit_id: community.id,
    unit_path: community.path,
    title: '增设电动自行车充电桩',
    description: '居民联名提议',
    category: 'public_space',
    proposer_person_id: residents[11],
    proposer_user_id: userId,
    status: 'collecting',
    threshold: 10,
    cosigner_count: 3,
    topic_id: null,
    adopted_at: null,
    created_at: at(-5 * DAY),
  });
  for (const person of residents.slice(12, 15))
    t.cosigners.push({ proposal_id: collecting, person_id: person, created_at: at(-4 * DAY) });

  // Nine representatives and their vote on the resolving topic.
  const representatives = residents.slice(RESIDENTS_PER_COMMUNITY - 9);
  for (const person of representatives)
    t.representatives.push({
      id: prng.uuid(),
      unit_id: community.id,
      unit_path: community.path,
      person_id: person,
      started_on: at(-365 * DAY).slice(0, 10),
      created_by_user_id: userId,
    });
  const voteId = prng.uuid();
  const opensAt = -prng.int(4, 12) * DAY;
  const closesAt = opensAt + 7 * DAY;
  const options = ['同意', '不同意', '弃权'];
  const tally: Record<string, number> = { 同意: 0, 不同意: 0, 弃权: 0 };
  for (const person of representatives) t.electors.push({ vote_id: voteId, person_id: person, voter_key: person });
  for (const person of representatives.slice(0, 7)) {
    const option = prng.chance(0.75) ? '同意' : prng.pick(['不同意', '弃权']);
    tally[option] += 1;
    t.ballots.push({
      id: prng.uuid(),
      vote_id: voteId,
      voter_key: person,
      person_id: person,
      option,
      cast_at: at(opensAt + DAY),
    });
  }
  const closed = closesAt < 0;
  const passed = tally['同意'] * 2 > 7;
  t.votes.push({
    id: voteId,
    unit_id: community.id,
    unit_path: community.path,
    topic_id: topicIds[2],
    title: `${TITLES[2]}表决`,
    options,
    electorate: 'representatives',
    quorum: 'more_than_half',
    pass_rule: 'more_than_half',
    opens_at: at(opensAt),
    closes_at: at(closesAt),
    hide_results: true,
    status: closed ? 'closed' : 'open',
    eligible: representatives.length,
    result: closed
      ? {
          eligible: representatives.length,
          cast: 7,
          counts: tally,
          quorumMet: true,
          outcome: passed ? 'passed' : 'rejected',
          ...(passed ? { passingOption: '同意' } : {}),
        }
      : null,
    closed_at: closed ? at(closesAt) : null,
    created_by_user_id: userId,
    created_at: at(opensAt - DAY),
  });
}
