import { CommunitySecretaries, OrganizationDirectory } from '@linli/organization';
import { AuditLog, BusinessCalendar, Clock, NotificationOutbox, TransactionRunner } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { CommitteesRepository } from './committees.repository';
import { CommitteeDeadlinesJob } from './jobs/committee-deadlines.job';
import { CommitteeDeadlinesRepository } from './jobs/committee-deadlines.repository';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** 09:00 Beijing time, Wednesday 2 December 2026. */
const T0 = new Date('2026-12-02T01:00:00Z');
const URL = '/api/v1/property/committees';
const OWNERS = 13;
const FLAGGED = `SELECT count(*) FROM notification_requests WHERE dedupe_key LIKE 'property.committee-flagged:%'`;

describe('owners’ committees: elected by a passed decision, 5–11 odd owners, officers in 7 days, filing in 30, term', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let now: Date = T0;
  let secretaryA: string;
  let secretaryB: string;
  let staffOwner: { token: string; personId: string };
  let outsider: string;
  const owners: { personId: string; token: string }[] = [];
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const person = (i: number) => owners[i].personId;
  const first = (n: number) => owners.slice(0, n).map((owner) => owner.personId);

  const job = () => {
    const get = <T>(type: abstract new (...args: never[]) => T): T => api.app.get(type, { strict: false });
    return new CommitteeDeadlinesJob(
      new CommitteeDeadlinesRepository(),
      get(CommitteesRepository),
      get(CommunitySecretaries),
      get(OrganizationDirectory),
      get(NotificationOutbox),
      get(TransactionRunner),
      get(AuditLog),
      get(BusinessCalendar),
      get(Clock),
    );
  };

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(smallDistrict());
    const complex = unit('小区A1');
    const ids = await withTestDb(async (client) => {
      const people: string[] = [];
      for (let i = 0; i <= OWNERS; i += 1) {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO people (name, residence_unit_id, residence_path) VALUES ($1, $2, $3) RETURNING id`,
          [`业委会业主${i}`, unit('楼栋A1-1').id, unit('楼栋A1-1').path],
        );
        people.push(rows[0].id);
        const part = await client.query<{ id: string }>(
          `INSERT INTO property_parts (complex_id, unit_path, building, number, area_m2, status)
           VALUES ($1, $2, '1栋', $3, 100, 'delivered') RETURNING id`,
          [complex.id, complex.path, String(101 + i)],
        );
        await client.query(
          `INSERT INTO property_part_owners (part_id, person_id, started_on) VALUES ($1, $2, '2020-01-01')`,
          [part.rows[0].id, rows[0].id],
        );
      }
      return people;
    });
    for (let i = 0; i < OWNERS; i += 1)
      owners.push({
        personId: ids[i],
        token: i < 10 ? (await createLoggedInUser(api, { personId: ids[i] })).token : '',
      });
    const staff = (community: string, personId?: string) =>
      createLoggedInUser(api, {
        role: 'secretary',
        unitId: unit(community).id,
        unitPath: unit(community).path,
        personId,
      });
    secretaryA = (await staff('社区A')).token;
    secretaryB = (await staff('社区B')).token;
    staffOwner = { personId: ids[OWNERS], token: (await staff('社区A', ids[OWNERS])).token };
    outsider = (await createLoggedInUser(api)).token;
  });
  afterAll(() => api.close());

  /** A decision of `matter` at 小区A1 on `day` (days after T0), ten owners voting `choice`, closed by staff: its id. */
  async function decided(matter: string, day: number, choice = 'agree'): Promise<string> {
    now = new Date(T0.getTime() + day * DAY);
    serial += 1;
    const decision = await api.post(
      '/api/v1/property/decisions',
      {
        complexId: unit('小区A1').id,
        title: `第${serial}次表决`,
        matter,
        opensAt: now.toISOString(),
        closesAt: new Date(now.getTime() + 2 * HOUR).toISOString(),
      },
      secretaryA,
    );
    expect(decision.status).toBe(201);
    for (const owner of owners.slice(0, 10))
      expect(
        (await api.post(`/api/v1/property/decisions/${decision.body.id}/ballots`, { choice }, owner.token)).status,
      ).toBe(201);
    now = new Date(now.getTime() + 3 * HOUR);
    expect((await api.post(`/api/v1/property/decisions/${decision.body.id}/close`, {}, secretaryA)).status).toBe(200);
    return decision.body.id;
  }

  const elect = (electionDecisionId: string, memberPersonIds: string[], token = secretaryA, termYears?: number) =>
    api.post(URL, { electionDecisionId, memberPersonIds, termYears }, token);
  const runJob = async (day: number) => {
    now = new Date(T0.getTime() + day * DAY);
    return job().run({ period: { key: `day-${day}` } } as never);
  };

  it('records a lawful committee once, refusing even sizes, more than 11, non-owners, failed elections and other matters', async () => {
    const election = await decided('committee_election', 0);
    const noCommittee = `SELECT count(*) FROM property_committees WHERE election_decision_id = '${election}'`;
    expectProblem(await elect(election, first(6)), 400, 'property.committee-size');
    expect((await elect(election, first(6))).body).toMatchObject({ members: 6, minimum: 5, maximum: 11 });
    expectProblem(await elect(election, first(13)), 400, 'property.committee-size');
    expectProblem(await elect(election, first(4)), 400, 'property.committee-size');
    const stranger = (
      await withTestDb((client) =>
        client.query<{ id: string }>(
          `INSERT INTO people (name, residence_unit_id, residence_path) VALUES ('非业主', $1, $2) RETURNING id`,
          [unit('楼栋A1-1').id, unit('楼栋A1-1').path],
        ),
      )
    ).rows[0].id;
    const notOwner = await elect(election, [...first(4), stranger]);
    expectProblem(notOwner, 400, 'property.committee-member-not-owner');
    expect(notOwner.body.personIds).toEqual([stranger]);
    expectProblem(
      await elect(election, [...first(4), staffOwner.personId], staffOwner.token),
      403,
      'property.self-authorization',
    );
    expectProblem(await elect(election, first(5), secretaryB), 404, 'resource.not-found');
    expect(await countRows(noCommittee)).toBe(0);

    expectProblem(await elect(await decided('company_hiring', 1), first(5)), 400, 'property.not-an-election');
    expectProblem(
      await elect(await decided('committee_election', 2, 'disagree'), first(5)),
      409,
      'property.election-not-passed',
    );

    const racing = await Promise.all(Array.from({ length: 6 }, () => elect(election, first(7))));
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await countRows(noCommittee)).toBe(1);
    expect(
      await countRows(
        `SELECT count(*) FROM outbox_events WHERE type = 'property.committee.elected' AND data->>'electionDecisionId' = $1`,
        [election],
      ),
    ).toBe(1);
    const committee = racing.find((response) => response.status === 201)!.body;
    expect(committee).toMatchObject({
      title: '小区A1业主委员会',
      electedOn: '2026-12-02',
      termEndsOn: '2031-12-02',
      status: 'active',
      deadlines: { officersDueOn: '2026-12-09', filingDueOn: '2027-01-01', termWarningFrom: '2031-09-03' },
    });
    expect(committee.members.map((member: { personId: string }) => member.personId).sort()).toEqual(first(7).sort());
    expect(committee.members[0]).toMatchObject({
      name: expect.stringMatching(/^业委会业主/),
      office: 'member',
      officeDisplay: '委员',
    });
  });

  it('is seen by owners of the complex and staff in scope; 404 for anyone else', async () => {
    const [committee] = (await api.get(`${URL}?complexId=${unit('小区A1').id}&status=active`, secretaryA)).body.items;
    expect((await api.get(`${URL}/${committee.id}`, owners[12].token || owners[0].token)).status).toBe(200);
    expectProblem(await api.get(`${URL}/${committee.id}`, secretaryB), 404, 'resource.not-found');
    expectProblem(await api.get(`${URL}/${committee.id}`, outsider), 404, 'resource.not-found');
    expect((await api.get(URL, outsider)).body.items).toEqual([]);
    expectProblem(
      await api.post(`${URL}/${committee.id}/filing`, { filedOn: '2026-12-03', filingReference: 'x' }, secretaryB),
      404,
      'resource.not-found',
    );
  });

  it('flags the officers after 7 days and the filing after 30 (counted from the next day), once, and resolves them', async () => {
    const [committee] = (await api.get(`${URL}?complexId=${unit('小区A1').id}&status=active`, secretaryA)).body.items;
    const flags = async () =>
      (await api.get(`${URL}/${committee.id}`, secretaryA)).body.flags as { kind: string; resolvedAt: string | null }[];
    const before = await countRows(FLAGGED);
    await runJob(7); // 9 December: the 7th day, still in time
    expect(await flags()).toEqual([]);
    const [one, two] = await Promise.all([runJob(8), runJob(8)]); // 10 December, two schedulers at once
    expect(one.flagged + two.flagged).toBe(1);
    expect(await flags()).toEqual([
      expect.objectContaining({ kind: 'officers-overdue', dueOn: '2026-12-09', resolvedAt: null }),
    ]);
    const told = await countRows(FLAGGED);
    expect(told).toBeGreaterThan(before); // the community's secretaries, each once
    await runJob(8);
    expect(await countRows(FLAGGED)).toBe(told);

    expectProblem(
      await api.post(
        `${URL}/${committee.id}/officers`,
        { chairPersonId: person(0), viceChairPersonId: person(0) },
        secretaryA,
      ),
      400,
      'property.committee-officers',
    );
    expectProblem(
      await api.post(
        `${URL}/${committee.id}/officers`,
        { chairPersonId: person(0), viceChairPersonId: person(9) },
        secretaryA,
      ),
      400,
      'property.committee-officers',
    );
    const chosen = await api.post(
      `${URL}/${committee.id}/officers`,
      { chairPersonId: person(0), viceChairPersonId: person(1) },
      secretaryA,
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ chairPersonId: person(0), officersChosenOn: '2026-12-10' });
    expect(chosen.body.flags[0].resolvedAt).not.toBeNull();

    await runJob(30); // 1 January 2027: the 30th day
    expect((await flags()).map((flag) => flag.kind)).toEqual(['officers-overdue']);
    await runJob(31);
    expect((await flags()).map((flag) => flag.kind)).toEqual(['officers-overdue', 'filing-overdue']);
    expectProblem(
      await api.post(
        `${URL}/${committee.id}/filing`,
        { filedOn: '2026-12-01', filingReference: '朝街备〔2026〕1号' },
        secretaryA,
      ),
      400,
      'property.committee-date',
    );
    const filed = await api.post(
      `${URL}/${committee.id}/filing`,
      { filedOn: '2027-01-02', filingReference: '朝街备〔2027〕1号' },
      secretaryA,
    );
    expect(filed.body).toMatchObject({ filedOn: '2027-01-02', filingReference: '朝街备〔2027〕1号' });
    expect(filed.body.flags.every((flag: { resolvedAt: string | null }) => flag.resolvedAt !== null)).toBe(true);
    expectProblem(
      await api.post(`${URL}/${committee.id}/filing`, { filedOn: '2027-01-02', filingReference: 'x' }, secretaryA),
      409,
      'property.committee-filed',
    );
  });

  it('records a change of members, flags its report after 30 days and resolves it once reported', async () => {
    const [committee] = (await api.get(`${URL}?complexId=${unit('小区A1').id}&status=active`, secretaryA)).body.items;
    now = new Date(T0.getTime() + 40 * DAY);
    expectProblem(
      await api.post(
        `${URL}/${committee.id}/changes`,
        { description: '补选', changedOn: '2027-01-10', joiningPersonIds: [person(1)] },
        secretaryA,
      ),
      400,
      'property.committee-change-members',
    );
    expectProblem(
      await api.post(
        `${URL}/${committee.id}/changes`,
        { description: '补选', changedOn: '2027-01-10', joiningPersonIds: [staffOwner.personId] },
        staffOwner.token,
      ),
      403,
      'property.self-authorization',
    );
    const changed = await api.post(
      `${URL}/${committee.id}/changes`,
      {
        description: '委员辞职，补选新委员',
        changedOn: '2027-01-10',
        leavingPersonIds: [person(0)],
        joiningPersonIds: [person(8)],
      },
      secretaryA,
    );
    expect(changed.status).toBe(201);
    expect(changed.body.chairPersonId).toBeNull();
    expect(changed.body.members.filter((member: { leftOn: string | null }) => member.leftOn === null)).toHaveLength(7);
    const [change] = changed.body.changes;
    expect(change).toMatchObject({ changedOn: '2027-01-10', reportDueOn: '2027-02-09', reportedOn: null });

    await runJob(69); // 9 February 2027: the 30th day after the change
    expect((await api.get(`${URL}/${committee.id}`, secretaryA)).body.flags).toHaveLength(2);
    await runJob(70);
    const flagged = (await api.get(`${URL}/${committee.id}`, secretaryA)).body.flags;
    expect(flagged[2]).toMatchObject({ kind: 'change-report-overdue', subjectId: change.id, resolvedAt: null });
    const reported = await api.post(
      `${URL}/${committee.id}/changes/${change.id}/report`,
      { reportedOn: '2027-02-10' },
      secretaryA,
    );
    expect(reported.body.changes[0].reportedOn).toBe('2027-02-10');
    expect(reported.body.flags[2].resolvedAt).not.toBeNull();
  });

  it('warns 90 days before the term ends, ends the term after its last day, and a new election replaces the committee', async () => {
    const election = await decided('committee_election', 100);
    const elected = await elect(election, first(5), secretaryA, 1);
    expect(elected.body).toMatchObject({ electedOn: '2027-03-12', termEndsOn: '2028-03-12' });
    const previous = (await api.get(`${URL}?complexId=${unit('小区A1').id}&status=ended`, secretaryA)).body.items;
    expect(previous).toHaveLength(1);
    expect(previous[0]).toMatchObject({ endedOn: '2027-03-12', status: 'ended' });

    const id = elected.body.id;
    const kinds = async () =>
      (await api.get(`${URL}/${id}`, secretaryA)).body.flags.map((flag: { kind: string }) => flag.kind);
    await api.post(`${URL}/${id}/officers`, { chairPersonId: person(0), viceChairPersonId: person(1) }, secretaryA);
    await api.post(`${URL}/${id}/filing`, { filedOn: '2027-03-12', filingReference: '朝街备〔2027〕9号' }, secretaryA);
    await runJob(100 + 275); // 2027-12-12: 91 days before 2028-03-12
    expect(await kinds()).toEqual([]);
    await runJob(100 + 276); // 2027-12-13: 90 days before
    expect(await kinds()).toEqual(['term-ending']);
    await runJob(100 + 366); // 2028-03-12, the last day of the term
    expect((await api.get(`${URL}/${id}`, secretaryA)).body.status).toBe('active');
    const ended = await runJob(100 + 367);
    expect(ended.ended).toBe(1);
    const after = (await api.get(`${URL}/${id}`, secretaryA)).body;
    expect(after).toMatchObject({ status: 'ended', endedOn: '2028-03-12' });
    expect(after.members.every((member: { leftOn: string | null }) => member.leftOn === '2028-03-12')).toBe(true);
    expectProblem(
      await api.post(`${URL}/${id}/officers`, { chairPersonId: person(2), viceChairPersonId: person(3) }, secretaryA),
      409,
      'property.committee-ended',
    );
  });

  it('lets a complex below the deployment’s small-complex heads elect the smaller odd minimum', async () => {
    const admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    const election = await decided('committee_election', 500);
    expectProblem(await elect(election, first(3)), 400, 'property.committee-size');
    const setting = (key: string, value: number) =>
      api.request('PUT', `/api/v1/property/settings/${key}`, { body: { value }, token: admin });
    expect((await setting('committee.small-complex-heads', 15)).status).toBe(200); // the roll has 14 heads
    expectProblem(await elect(election, first(4)), 400, 'property.committee-size');
    const small = await elect(election, first(3));
    expect(small.status).toBe(201);
    expect(small.body.members).toHaveLength(3);
  });
});
