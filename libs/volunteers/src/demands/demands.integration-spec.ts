import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, FixedClock, JobQueue, JobRunner, NotificationRelay, QueueName } from '@linli/platform';
import {
  bootApi,
  bootScheduler,
  countRows,
  createLoggedInUser,
  createPartyOrganization,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  waitFor,
  withTestDb,
} from '@linli/testing';
import { RELEASE_LAPSED_CLAIMS_SCHEDULE } from './jobs/release-lapsed-claims.job';

const HOUR_MS = 3600 * 1000;

interface Resident {
  personId: string;
  token: string;
}

describe("service demands over HTTP: posting, one live claim, fulfilment and the requester's answer", () => {
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
  const tokens: Record<string, string> = {};
  let serial = 0;

  async function resident(residence = '楼栋A1-1'): Promise<Resident> {
    serial += 1;
    const [person] = await createPeople([{ name: `居民${serial}`, residence: unit(residence) }]);
    const account = await createLoggedInUser(api, { personId: person.id });
    return { personId: person.id, token: account.token };
  }

  async function postWish(
    requester: Resident,
    body: Record<string, unknown> = {},
  ): Promise<{ id: string; status: string }> {
    const response = await api.post(
      '/api/v1/volunteers/demands',
      { kind: 'micro_wish', unitId: unit('小区A1').id, title: '帮忙修理水龙头', ...body },
      requester.token,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  const act = (id: string, action: string, token: string, body: unknown = {}) =>
    api.post(`/api/v1/volunteers/demands/${id}/${action}`, body, token);

  /** The notifications queue once the scheduler's relay has queued every committed request. */
  async function queuedNotices() {
    await waitFor(
      async () => {
        await scheduler.get(NotificationRelay).relayOnce();
        return (await countRows(`SELECT count(*) FROM notification_requests WHERE relayed_at IS NULL`)) === 0;
      },
      { what: 'notification requests relayed' },
    );
    return scheduler
      .get(JobQueue)
      .get(QueueName.Notifications)
      .getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    scheduler = await bootScheduler();
    for (const app of [api.app, scheduler]) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => clock.now());
    units = await createUnitTree(smallDistrict());
    tokens.gridA = (await createLoggedInUser(api, { role: 'grid_worker', ...at('网格A1') })).token;
    tokens.gridB = (await createLoggedInUser(api, { role: 'grid_worker', ...at('网格B1') })).token;
    tokens.gridA2 = (await createLoggedInUser(api, { role: 'grid_worker', ...at('网格A1') })).token;
    tokens.staffWithoutPerson = (await createLoggedInUser(api, {})).token;
  });
  afterAll(async () => {
    await Promise.all([api.close(), scheduler.close()]);
  });

  it('lets exactly one of two members claiming the same demand at once hold it; the other gets volunteers.demand-taken', async () => {
    const requester = await resident();
    const [first, second] = [await resident(), await resident()];
    const demand = await postWish(requester);

    const answers = await Promise.all([act(demand.id, 'claim', first.token), act(demand.id, 'claim', second.token)]);

    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expectProblem(answers.find((a) => a.status === 409) as (typeof answers)[number], 409, 'volunteers.demand-taken');
    const winner = answers.find((a) => a.status === 201)?.body;
    expect([first.personId, second.personId]).toContain(winner.claim.personId);
    expect(winner).toMatchObject({
      status: 'claimed',
      claimExpiresAt: new Date(clock.now().getTime() + 72 * HOUR_MS).toISOString(),
      claimSecondsLeft: 72 * 3600,
    });
    expect(
      await countRows(`SELECT count(*) FROM volunteer_demand_claims WHERE demand_id = $1 AND status = 'live'`, [
        demand.id,
      ]),
    ).toBe(1);
  });

  it('runs a demand through fulfil, reject with a reason, a second fulfil and confirm, one event per step keyed by the attempt', async () => {
    const requester = await resident();
    const volunteer = await resident('楼栋A1-1');
    const demand = await postWish(requester, { description: '厨房水龙头漏水' });
    expect((await act(demand.id, 'claim', volunteer.token)).status).toBe(201);

    const fulfilled = await act(demand.id, 'fulfil', volunteer.token, { note: '已更换阀芯' });
    expect(fulfilled.body).toMatchObject({
      status: 'fulfilled',
      claimSecondsLeft: null,
      fulfilments: [{ status: 'pending', note: '已更换阀芯' }],
    });
    const rejected = await act(demand.id, 'reject', requester.token, { reason: '还在漏水' });
    expect(rejected.body).toMatchObject({
      status: 'claimed',
      fulfilments: [{ status: 'rejected', reason: '还在漏水' }],
    });
    await act(demand.id, 'fulfil', volunteer.token, {});
    const confirmed = await act(demand.id, 'confirm', requester.token, { rating: 4 });

    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      rating: 4,
      claim: null,
      fulfilments: [{ status: 'rejected' }, { status: 'confirmed', rating: 4 }],
    });
    const [firstAttempt, secondAttempt] = confirmed.body.fulfilments.map((f: { id: string }) => f.id);
    const events = await withTestDb(
      async (client) =>
        (
          await client.query(`SELECT type, data, actors FROM outbox_events WHERE data->>'demandId' = $1 ORDER BY seq`, [
            demand.id,
          ])
        ).rows as { type: string; data: Record<string, unknown>; actors: unknown[] }[],
    );
    expect(events.map((e) => [e.type, e.data.wishId])).toEqual([
      ['volunteers.wish.fulfilled', firstAttempt],
      ['volunteers.wish.rejected', firstAttempt],
      ['volunteers.wish.fulfilled', secondAttempt],
      ['volunteers.wish.confirmed', secondAttempt],
    ]);
    expect(events[3]).toMatchObject({
      data: { title: '帮忙修理水龙头', kind: 'micro_wish', rating: 4 },
      actors: [{ personId: volunteer.personId, role: 'claimant' }],
    });
    expect(
      await countRows(`SELECT rating_sum FROM volunteer_profiles WHERE person_id = $1`, [volunteer.personId]),
    ).toBe(4);
  });

  it("refuses the wrong actor with 403 and answers 404 outside the demand's community and the staff's scope", async () => {
    const requester = await resident();
    const volunteer = await resident();
    const neighbour = await resident();
    const stranger = await resident('楼栋B1-1');
    const demand = await postWish(requester);
    expect((await act(demand.id, 'claim', volunteer.token)).status).toBe(201);

    expectProblem(await act(demand.id, 'fulfil', neighbour.token), 403, 'volunteers.not-claimant');
    expectProblem(await act(demand.id, 'claim', requester.token), 409, 'volunteers.own-demand');
    await act(demand.id, 'fulfil', volunteer.token);
    expectProblem(await act(demand.id, 'confirm', volunteer.token, { rating: 5 }), 403, 'volunteers.not-requester');
    expectProblem(await api.get(`/api/v1/volunteers/demands/${demand.id}`, stranger.token), 404, 'resource.not-found');
    expectProblem(await act(demand.id, 'claim', stranger.token), 404, 'resource.not-found');
    expectProblem(await api.get(`/api/v1/volunteers/demands/${demand.id}`, tokens.gridB), 404, 'resource.not-found');
    expectProblem(
      await api.get(`/api/v1/volunteers/demands?unitId=${unit('社区A').id}`, tokens.gridB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/demands',
        { kind: 'task', unitId: unit('小区A1').id, title: '搬家具' },
        tokens.staffWithoutPerson,
      ),
      403,
      'volunteers.person-not-linked',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/demands',
        { kind: 'task', unitId: unit('小区A1').id, title: '搬家具', requesterPersonId: requester.personId },
        tokens.gridB,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/demands',
        { kind: 'task', unitId: unit('小区A1').id, title: '搬家具', requesterPersonId: neighbour.personId },
        volunteer.token,
      ),
      403,
      'auth.forbidden',
    );
  });

  it("lets a grid worker post for a resident and claim for a party organization, and lists by the caller's reach", async () => {
    const elder = await resident();
    const neighbour = await resident();
    const branch = await createPartyOrganization({ kind: 'branch', name: '社区A第一支部', unitId: unit('社区A').id });
    const posted = await api.post(
      '/api/v1/volunteers/demands',
      {
        kind: 'service_need',
        unitId: unit('楼栋A1-1').id,
        title: '陪同老人就医',
        requesterPersonId: elder.personId,
        requiredSkills: ['elderly_care'],
      },
      tokens.gridA,
    );
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      requesterPersonId: elder.personId,
      status: 'open',
      displayKind: '服务需求',
      requiredSkills: ['elderly_care'],
    });

    const openForNeighbour = await api.get(
      '/api/v1/volunteers/demands?status=open&skill=elderly_care',
      neighbour.token,
    );
    expect(openForNeighbour.body.items.map((d: { id: string }) => d.id)).toEqual([posted.body.id]);
    const claimed = await act(posted.body.id, 'claim', tokens.gridA, { organizationId: branch.id });
    expect(claimed.body.claim).toMatchObject({
      organizationId: branch.id,
      organizationKind: 'party_organization',
      personId: null,
    });
    expect(
      (await api.get('/api/v1/volunteers/demands?status=open&skill=elderly_care', neighbour.token)).body.items,
    ).toEqual([]);
    expect(
      (await api.get('/api/v1/volunteers/demands?mine=true', elder.token)).body.items.map((d: { id: string }) => d.id),
    ).toEqual([posted.body.id]);
    expect(
      (
        await api.get(`/api/v1/volunteers/demands?unitId=${unit('网格A1').id}&kind=service_need`, tokens.gridA)
      ).body.items.map((d: { id: string }) => d.id),
    ).toContain(posted.body.id);
    expect((await api.get('/api/v1/volunteers/demands', tokens.gridB)).body.items).toEqual([]);
  });

  it('extends a claim twice at most, and the hourly job releases a lapsed claim: the demand is open again and the claimant told', async () => {
    const requester = await resident();
    const volunteer = await resident();
    const demand = await postWish(requester, { claimHours: 24 });
    await act(demand.id, 'claim', volunteer.token);
    expect((await act(demand.id, 'extend', volunteer.token)).body).toMatchObject({ claimSecondsLeft: 48 * 3600 });
    await act(demand.id, 'extend', volunteer.token);
    expectProblem(await act(demand.id, 'extend', volunteer.token), 409, 'volunteers.claim-extension-limit');

    clock.advance(71 * HOUR_MS);
    const early = await scheduler
      .get(JobRunner)
      .run({ schedule: RELEASE_LAPSED_CLAIMS_SCHEDULE, period: '2026-11-26T09' });
    expect(early.run).toMatchObject({ status: 'succeeded', result: { released: 0 } });
    expect((await api.get(`/api/v1/volunteers/demands/${demand.id}`, volunteer.token)).body).toMatchObject({
      status: 'claimed',
      claimSecondsLeft: 3600,
    });

    clock.advance(2 * HOUR_MS);
    const run = await scheduler
      .get(JobRunner)
      .run({ schedule: RELEASE_LAPSED_CLAIMS_SCHEDULE, period: '2026-11-26T11' });

    expect(run.run.status).toBe('succeeded');
    expect((run.run.result as { released: number }).released).toBeGreaterThanOrEqual(1);
    const reopened = await api.get(`/api/v1/volunteers/demands/${demand.id}`, requester.token);
    expect(reopened.body).toMatchObject({ status: 'open', claim: null, claimSecondsLeft: null });
    const notices = await queuedNotices();
    const lapsedNotices = notices.filter(
      (job) =>
        job.data.templateKey === 'volunteers.demand-claim-lapsed' && job.data.recipient.personId === volunteer.personId,
    );
    expect(lapsedNotices.map((job) => job.data.data)).toEqual([{ title: '帮忙修理水龙头' }]);
    expect((await act(demand.id, 'claim', (await resident()).token)).status).toBe(201);
  });

  it('cancels an open demand for its requester only', async () => {
    const requester = await resident();
    const other = await resident();
    const demand = await postWish(requester);
    expectProblem(await act(demand.id, 'cancel', other.token), 403, 'volunteers.not-requester');
    expect((await act(demand.id, 'cancel', requester.token)).body).toMatchObject({
      status: 'cancelled',
      displayStatus: '已取消',
    });
    expectProblem(await act(demand.id, 'claim', other.token), 409, 'volunteers.demand-wrong-state');
  });
  const rowsOf = (demandId: string) =>
    withTestDb(async (client) => ({
      claims: Number(
        (await client.query(`SELECT count(*) FROM volunteer_demand_claims WHERE demand_id = $1`, [demandId])).rows[0]
          .count,
      ),
      invitations: Number(
        (await client.query(`SELECT count(*) FROM volunteer_demand_invitations WHERE demand_id = $1`, [demandId]))
          .rows[0].count,
      ),
      status: (await client.query(`SELECT status FROM volunteer_demands WHERE id = $1`, [demandId])).rows[0]?.status,
    }));

  it('answers 404 and writes nothing when staff name a person outside their scope: posting for, claiming for or inviting a resident of another community', async () => {
    const requester = await resident();
    const outsider = await resident('楼栋B1-1');
    const demand = await postWish(requester);

    expectProblem(
      await act(demand.id, 'claim', tokens.gridA, { personId: outsider.personId }),
      404,
      'resource.not-found',
    );
    expectProblem(
      await act(demand.id, 'invite', tokens.gridA, { personIds: [outsider.personId] }),
      404,
      'resource.not-found',
    );
    const branchB = await createPartyOrganization({ kind: 'branch', name: '社区B第一支部', unitId: unit('社区B').id });
    expectProblem(
      await act(demand.id, 'claim', tokens.gridA, { organizationId: branchB.id }),
      404,
      'resource.not-found',
    );
    expect(await rowsOf(demand.id)).toEqual({ claims: 0, invitations: 0, status: 'open' });
    const before = await countRows(`SELECT count(*) FROM volunteer_demands WHERE requester_person_id = $1`, [
      outsider.personId,
    ]);
    expectProblem(
      await api.post(
        '/api/v1/volunteers/demands',
        { kind: 'task', unitId: unit('小区A1').id, title: '搬家具', requesterPersonId: outsider.personId },
        tokens.gridA,
      ),
      404,
      'resource.not-found',
    );
    expect(
      await countRows(`SELECT count(*) FROM volunteer_demands WHERE requester_person_id = $1`, [outsider.personId]),
    ).toBe(before);

    const neighbour = await resident();
    expect((await act(demand.id, 'invite', tokens.gridA, { personIds: [neighbour.personId] })).status).toBe(200);
    expect((await act(demand.id, 'claim', tokens.gridA, { personId: neighbour.personId })).status).toBe(201);
  });

  it('refuses the staff loop of posting for a resident, claiming, fulfilling and confirming it: volunteers.self-authorization, no points event', async () => {
    const elder = await resident();
    const helper = await resident();
    const posted = await api.post(
      '/api/v1/volunteers/demands',
      { kind: 'micro_wish', unitId: unit('小区A1').id, title: '代购药品', requesterPersonId: elder.personId },
      tokens.gridA,
    );
    expect(posted.status).toBe(201);
    const id = posted.body.id;
    expect((await act(id, 'claim', tokens.gridA, { personId: helper.personId })).status).toBe(201);
    expect((await act(id, 'fulfil', tokens.gridA)).status).toBe(200);

    expectProblem(
      await act(id, 'confirm', tokens.gridA, { rating: 5, reason: '电话确认' }),
      403,
      'volunteers.self-authorization',
    );
    expectProblem(await act(id, 'confirm', tokens.gridA, { rating: 5 }), 403, 'volunteers.self-authorization');
    expect(
      await countRows(
        `SELECT count(*) FROM outbox_events WHERE type = 'volunteers.wish.confirmed' AND data->>'demandId' = $1`,
        [id],
      ),
    ).toBe(0);
    expect((await api.get(`/api/v1/volunteers/demands/${id}`, tokens.gridA)).body.status).toBe('fulfilled');
  });

  it("lets other staff confirm on the requester's behalf only with a reason, audited; whoever fulfilled for the claimant may not confirm", async () => {
    const elder = await resident();
    const volunteer = await resident();
    const demand = await postWish(elder);
    expect((await act(demand.id, 'claim', volunteer.token)).status).toBe(201);
    // gridA reports it done for the volunteer: gridA may no longer confirm it.
    expect((await act(demand.id, 'fulfil', tokens.gridA)).status).toBe(200);
    expectProblem(
      await act(demand.id, 'confirm', tokens.gridA, { rating: 4, reason: '上门确认' }),
      403,
      'volunteers.self-authorization',
    );
    expectProblem(await act(demand.id, 'confirm', volunteer.token, { rating: 5 }), 403, 'volunteers.not-requester');

    const withoutReason = await act(demand.id, 'confirm', tokens.gridA2, { rating: 4 });
    expectProblem(withoutReason, 400, 'validation.failed');
    expect(withoutReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const confirmed = await act(demand.id, 'confirm', tokens.gridA2, { rating: 4, reason: '张奶奶没有手机，电话确认' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', rating: 4 });
    const audit = await withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT data FROM audit_log WHERE action = 'volunteers.demand-confirmed' AND target_id = $1`,
            [demand.id],
          )
        ).rows as { data: Record<string, unknown> }[],
    );
    expect(audit.map((entry) => entry.data)).toEqual([
      expect.objectContaining({ rating: 4, onBehalf: true, reason: '张奶奶没有手机，电话确认' }),
    ]);
  });

  it('lets the requester confirm without a reason', async () => {
    const requester = await resident();
    const volunteer = await resident();
    const demand = await postWish(requester);
    await act(demand.id, 'claim', volunteer.token);
    await act(demand.id, 'fulfil', volunteer.token);
    expect((await act(demand.id, 'confirm', requester.token, { rating: 5 })).status).toBe(200);
  });
});
