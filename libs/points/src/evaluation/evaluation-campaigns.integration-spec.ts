import {
  bootApi,
  countRows,
  createLoggedInUser,
  createMember,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { QuarterlyAssessment } from '../assessment/quarterly-assessment.service';
import { EvaluationAnnualScores } from './evaluation-annual-scores.service';

interface Assignment {
  id: string;
  rater_type: string;
  rater_id: string;
  ratee_type: string;
  ratee_id: string;
}

describe('two-way evaluation campaigns over HTTP', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const tokens: Record<string, string> = {};
  let agency: { id: string };
  let memberPersonId: string;

  const criteria = [
    { code: 'service', name: '服务群众', weight: 60 },
    { code: 'cooperation', name: '共驻共建', weight: 40 },
  ];

  function register(
    kind: 'member' | 'organization',
    community: string,
    subjectId: string,
    ended = false,
  ): Promise<void> {
    return withTestDb(async (client) => {
      await client.query(
        `INSERT INTO dual_registrations (kind, community_unit_id, community_path, member_id, organization_id, period_start, ended_at)
         VALUES ($1, $2, $3, $4, $5, '2026-01-01', $6)`,
        [
          kind,
          unit(community).id,
          unit(community).path,
          kind === 'member' ? subjectId : null,
          kind === 'organization' ? subjectId : null,
          ended ? '2026-06-01T00:00:00Z' : null,
        ],
      );
    });
  }

  const createCampaign = (body: Record<string, unknown> = {}, token = tokens.district) =>
    api.post(
      '/api/v1/points/evaluation-campaigns',
      { year: 2026, name: '2026年度双向评价', criteria, unitId: unit('示范街道').id, ...body },
      token,
    );

  const assignmentsOf = (campaignId: string) =>
    withTestDb(
      async (client) =>
        (
          await client.query<Assignment>(
            'SELECT id, rater_type, rater_id, ratee_type, ratee_id FROM point_evaluation_assignments WHERE campaign_id = $1',
            [campaignId],
          )
        ).rows,
    );

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
    tokens.district = (await createLoggedInUser(api, { role: 'secretary', ...at('示范区') })).token;
    tokens.secretaryA = (await createLoggedInUser(api, { role: 'secretary', ...at('社区A') })).token;
    tokens.secretaryB = (await createLoggedInUser(api, { role: 'secretary', ...at('社区B') })).token;

    agency = await createPartyOrganization({ kind: 'branch', name: '区税务局机关党支部', unitId: unit('示范区').id });
    const person = await createPerson({ name: '党员甲', residenceUnitId: unit('楼栋A1-1').id });
    const member = await createMember({ personId: person.id, organizationId: agency.id });
    memberPersonId = person.id;
    const formerPerson = await createPerson({ name: '党员乙', residenceUnitId: unit('楼栋B1-1').id });
    const former = await createMember({ personId: formerPerson.id, organizationId: agency.id });

    await register('member', '社区A', member.id);
    await register('member', '社区B', former.id, true);
    await register('organization', '社区A', agency.id);
    await register('organization', '社区B', agency.id);
  });
  afterAll(() => api.close());

  it('generates assignments from the active dual registrations of the subtree, both ways for organizations', async () => {
    const created = await createCampaign();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      year: 2026,
      criteria,
      assignments: {
        total: 5,
        submitted: 0,
        communityRatesMember: 1,
        communityRatesOrganization: 2,
        organizationRatesCommunity: 2,
      },
    });
    const assignments = await assignmentsOf(created.body.id);
    const pairs = assignments.map((a) => `${a.rater_type}:${a.rater_id}->${a.ratee_type}:${a.ratee_id}`).sort();
    expect(pairs).toEqual(
      [
        `community:${unit('社区A').id}->person:${memberPersonId}`,
        `community:${unit('社区A').id}->organization:${agency.id}`,
        `community:${unit('社区B').id}->organization:${agency.id}`,
        `organization:${agency.id}->community:${unit('社区A').id}`,
        `organization:${agency.id}->community:${unit('社区B').id}`,
      ].sort(),
    );

    const narrow = await createCampaign({ unitId: unit('社区A').id, name: '社区A双向评价' });
    expect(narrow.body.assignments).toMatchObject({ total: 3 });
  });

  it('stores the weighted score of a submission and refuses a second one for the same assignment', async () => {
    const campaign = (await createCampaign()).body;
    const [rateMember] = (await assignmentsOf(campaign.id)).filter((a) => a.ratee_type === 'person');
    const url = `/api/v1/points/evaluation-campaigns/${campaign.id}/submissions`;

    const first = await api.post(
      url,
      { assignmentId: rateMember.id, scores: { service: 90, cooperation: 75 }, comment: '表现突出' },
      tokens.secretaryA,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ assignmentId: rateMember.id, weightedScore: 84, comment: '表现突出' });

    const second = await api.post(
      url,
      { assignmentId: rateMember.id, scores: { service: 10, cooperation: 10 } },
      tokens.secretaryA,
    );
    expectProblem(second, 409, 'points.evaluation-submitted');
    expect(
      await countRows('SELECT count(*) FROM point_evaluation_submissions WHERE assignment_id = $1', [rateMember.id]),
    ).toBe(1);

    const shown = await api.get(`/api/v1/points/evaluation-campaigns/${campaign.id}`, tokens.district);
    expect(shown.body.assignments).toMatchObject({ total: 5, submitted: 1 });
  });

  it('aggregates the submissions per rated owner and adds them as evaluation points to the Q4 assessment only', async () => {
    const campaign = (await createCampaign({ year: 2025, name: '2025年度双向评价' })).body;
    const assignments = await assignmentsOf(campaign.id);
    const url = `/api/v1/points/evaluation-campaigns/${campaign.id}/submissions`;
    const rating = (raterId: string) =>
      assignments.find((a) => a.rater_id === raterId && a.ratee_type === 'organization') as Assignment;
    expect(
      (
        await api.post(
          url,
          { assignmentId: rating(unit('社区A').id).id, scores: { service: 90, cooperation: 75 } },
          tokens.secretaryA,
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post(
          url,
          { assignmentId: rating(unit('社区B').id).id, scores: { service: 70, cooperation: 70 } },
          tokens.secretaryB,
        )
      ).status,
    ).toBe(201);

    const results = await api.get(`/api/v1/points/evaluation-campaigns/${campaign.id}/results`, tokens.district);
    expect(results.status).toBe(200);
    expect(results.body.items[0]).toEqual({
      rateeType: 'organization',
      rateeId: agency.id,
      assignments: 2,
      submissions: 2,
      score: 77,
    });
    expect(results.body.items.filter((r: { submissions: number }) => r.submissions === 0)).toHaveLength(3);

    const annual = await api.app.get(EvaluationAnnualScores).ofYear(2025);
    expect(annual).toEqual([{ ownerType: 'organization', ownerId: agency.id, score: 77, points: 15 }]);

    const assessment = api.app.get(QuarterlyAssessment);
    await assessment.assess(assessment.quarter('2025Q3'));
    await assessment.assess(assessment.quarter('2025Q4'));
    const scored = await withTestDb(
      async (client) =>
        (
          await client.query<{ period_key: string; evaluation_points: number; score: string }>(
            `SELECT period_key, evaluation_points, score FROM point_assessments WHERE owner_type = 'organization' AND owner_id = $1 ORDER BY period_key`,
            [agency.id],
          )
        ).rows,
    );
    expect(scored).toEqual([
      { period_key: '2025Q3', evaluation_points: 0, score: '0' },
      { period_key: '2025Q4', evaluation_points: 15, score: '15' },
    ]);
  });

  it('answers 404 for a campaign or a rater outside the caller scope', async () => {
    const campaign = (await createCampaign({ unitId: unit('社区A').id, name: '社区A双向评价' })).body;
    expectProblem(
      await api.get(`/api/v1/points/evaluation-campaigns/${campaign.id}`, tokens.secretaryB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/points/evaluation-campaigns/${campaign.id}/results`, tokens.secretaryB),
      404,
      'resource.not-found',
    );
    const [assignment] = (await assignmentsOf(campaign.id)).filter((a) => a.rater_type === 'community');
    const submitted = await api.post(
      `/api/v1/points/evaluation-campaigns/${campaign.id}/submissions`,
      { assignmentId: assignment.id, scores: { service: 1, cooperation: 1 } },
      tokens.secretaryB,
    );
    expectProblem(submitted, 404, 'resource.not-found');
    expectProblem(await createCampaign({ unitId: unit('社区A').id }, tokens.secretaryB), 404, 'resource.not-found');
    const listed = await api.get('/api/v1/points/evaluation-campaigns', tokens.secretaryB);
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(campaign.id);
  });

  it('answers bad input with problem+json', async () => {
    expectProblem(
      await createCampaign({ criteria: [{ code: 'service', name: '服务群众', weight: 50 }] }),
      400,
      'validation.failed',
    );
    expectProblem(await createCampaign({ year: 'next' }), 400, 'validation.failed');
    const campaign = (await createCampaign({ year: 2024 })).body;
    const [assignment] = (await assignmentsOf(campaign.id)).filter((a) => a.rater_type === 'community');
    const url = `/api/v1/points/evaluation-campaigns/${campaign.id}/submissions`;
    expectProblem(
      await api.post(url, { assignmentId: assignment.id, scores: { service: 120, cooperation: 80 } }, tokens.district),
      400,
      'validation.failed',
    );
    expectProblem(await api.post(url, { assignmentId: 'nope', scores: {} }, tokens.district), 400, 'validation.failed');
  });
});
