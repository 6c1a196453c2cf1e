import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import {
  bootApi,
  createLoggedInUser,
  createPartyOrganization,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  TestResponse,
  withTestDb,
} from '@linli/testing';
import { PointsLedger } from '../ledger/points-ledger.service';
import { PointsOwner } from '../ledger/points-owner';
import { ASSESSMENT_EXPORT_HEADERS, ENTRIES_EXPORT_HEADERS } from './points-exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function parseCsv(payload: Buffer): string[][] {
  expect([...payload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return payload
    .toString('utf8')
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

async function parseXlsx(payload: Buffer): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const rows: (string | number | null)[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    const cells: (string | number | null)[] = [];
    for (let i = 1; i <= row.cellCount; i += 1) {
      const value = row.getCell(i).value;
      cells.push(value === null || value === undefined ? null : typeof value === 'number' ? value : String(value));
    }
    rows.push(cells);
  });
  return rows;
}

describe('points exports (CSV and XLSX)', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const tokens: Record<string, string> = {};

  async function download(
    url: string,
    token: string,
  ): Promise<{ status: number; headers: TestResponse['headers']; payload: Buffer; json: () => unknown }> {
    const response = await api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.statusCode,
      headers: response.headers,
      payload: response.rawPayload,
      json: () => response.json(),
    };
  }

  function ledger<T>(
    work: (ledger: PointsLedger, manager: Parameters<Parameters<TransactionRunner['run']>[0]>[0]) => Promise<T>,
  ): Promise<T> {
    return api.app.get(TransactionRunner).run((manager) => work(api.app.get(PointsLedger), manager));
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
    tokens.admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    tokens.secretaryA = (await createLoggedInUser(api, { role: 'secretary', ...at('社区A') })).token;
    tokens.secretaryB = (await createLoggedInUser(api, { role: 'secretary', ...at('社区B') })).token;
  });
  afterAll(() => api.close());

  describe('assessment results', () => {
    beforeAll(async () => {
      const [wang, li] = await createPeople([
        { name: '王芳', residence: unit('楼栋A1-1') },
        { name: '李强', residence: unit('楼栋B1-1') },
      ]);
      const branch = await createPartyOrganization({ kind: 'branch', name: '小区A1党支部', unitId: unit('小区A1').id });
      const street = unit('示范街道').id;
      await withTestDb(async (client) => {
        await client.query(`INSERT INTO point_assessment_periods (period_key, computed_at) VALUES ('2026Q4', now())`);
        const insert = `INSERT INTO point_assessments (period_key, owner_type, owner_id, unit_path, community_id, street_id, assessment_points, evaluation_points, score, tier,
                                                       community_rank, street_rank, ineffective, leadership_review)
                        VALUES ('2026Q4', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;
        await client.query(insert, [
          'person',
          wang.id,
          wang.residencePath,
          unit('社区A').id,
          street,
          90,
          5,
          95,
          'excellent',
          1,
          1,
          false,
          false,
        ]);
        await client.query(insert, [
          'person',
          li.id,
          li.residencePath,
          unit('社区B').id,
          street,
          61,
          0,
          61,
          'pass',
          1,
          2,
          false,
          false,
        ]);
        await client.query(insert, [
          'organization',
          branch.id,
          branch.unitPath,
          unit('社区A').id,
          street,
          120,
          0,
          120,
          'below_standard',
          1,
          1,
          true,
          true,
        ]);
      });
    });

    it("exports the results of the caller's scope as CSV with Chinese headers, best score first", async () => {
      const response = await download('/api/v1/points/assessments/export?period=2026Q4&format=csv', tokens.secretaryA);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('季度考核结果-2026Q4.csv')}`,
      );
      expect(parseCsv(response.payload)).toEqual([
        ASSESSMENT_EXPORT_HEADERS,
        ['小区A1党支部', '党组织', '社区A', '120', '0', '不合格', '1', '1', '抓党建工作不力；转任非领导职务建议'],
        ['王芳', '党员', '社区A', '95', '5', '优秀', '1', '1', ''],
      ]);
    });

    it('exports the same rows as an XLSX workbook that parses back', async () => {
      const response = await download('/api/v1/points/assessments/export?period=2026Q4&format=xlsx', tokens.admin);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(await parseXlsx(response.payload)).toEqual([
        ['姓名/组织', '类型', '所属社区', '得分', '评价分', '等次', '社区排名', '街道排名', '标记'],
        ['小区A1党支部', '党组织', '社区A', 120, 0, '不合格', 1, 1, '抓党建工作不力；转任非领导职务建议'],
        ['王芳', '党员', '社区A', 95, 5, '优秀', 1, 1],
        ['李强', '党员', '社区B', 61, 0, '合格', 1, 2],
      ]);
    });

    it("limits the export to the subtree of unitId and answers 404 for a unit outside the caller's scope", async () => {
      const only = await download(
        `/api/v1/points/assessments/export?period=2026Q4&unitId=${unit('社区B').id}`,
        tokens.admin,
      );
      expect(parseCsv(only.payload).map((row) => row[0])).toEqual(['姓名/组织', '李强']);

      const outside = await download(
        `/api/v1/points/assessments/export?period=2026Q4&unitId=${unit('社区B').id}`,
        tokens.secretaryA,
      );
      expectProblem(
        { status: outside.status, headers: outside.headers, body: outside.json() },
        404,
        'resource.not-found',
      );
    });

    it('refuses a period that is not a quarter and an unknown format', async () => {
      const period = await download('/api/v1/points/assessments/export?period=2026-10', tokens.admin);
      expectProblem({ status: period.status, headers: period.headers, body: period.json() }, 400, 'validation.failed');
      const format = await download('/api/v1/points/assessments/export?period=2026Q4&format=pdf', tokens.admin);
      expectProblem({ status: format.status, headers: format.headers, body: format.json() }, 400, 'validation.failed');
    });
  });

  describe('ledger entries', () => {
    let zhao: PointsOwner & { token: string };

    beforeAll(async () => {
      const [created] = await createPeople([{ name: '赵敏', residence: unit('楼栋A1-1') }]);
      zhao = { type: 'person', id: created.id, token: (await createLoggedInUser(api, { personId: created.id })).token };
      const credit = (amount: number, at: string, reason: string) =>
        ledger((l, m) =>
          l.credit(m, {
            owner: zhao,
            kind: 'redeemable',
            amount,
            reason,
            idempotencyKey: randomUUID(),
            occurredAt: new Date(at),
          }),
        );
      await credit(10, '2026-09-30T15:59:59Z', '九月服务');
      await credit(20, '2026-09-30T16:00:00Z', '十月服务');
      await ledger((l, m) =>
        l.debit(m, {
          owner: zhao,
          kind: 'redeemable',
          amount: 5,
          reason: '兑换 洗衣液',
          idempotencyKey: randomUUID(),
          occurredAt: new Date('2026-10-15T02:00:00Z'),
        }),
      );
      await credit(7, '2026-11-01T00:00:00Z', '十一月服务');
    });

    it('exports the entries of [from, to) oldest first, times in Beijing time', async () => {
      const response = await download(
        `/api/v1/points/accounts/person/${zhao.id}/entries/export?from=2026-09-30T16:00:00Z&to=2026-11-01T00:00:00Z`,
        zhao.token,
      );

      expect(response.status).toBe(200);
      expect(parseCsv(response.payload)).toEqual([
        ENTRIES_EXPORT_HEADERS,
        ['2026-10-01 00:00:00', '兑换积分', '20', '30', '十月服务', '', ''],
        ['2026-10-15 10:00:00', '兑换积分', '-5', '25', '兑换 洗衣液', '', ''],
      ]);
    });

    it('exports all entries as XLSX for staff in scope', async () => {
      const response = await download(
        `/api/v1/points/accounts/person/${zhao.id}/entries/export?format=xlsx`,
        tokens.secretaryA,
      );

      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(`积分流水-${zhao.id}.xlsx`)}`,
      );
      const rows = await parseXlsx(response.payload);
      expect(rows[0]).toEqual(['时间', '账户', '变动', '余额', '事由', '规则', '规则版本']);
      expect(rows.slice(1).map((row) => [row[0], row[2], row[3]])).toEqual([
        ['2026-09-30 23:59:59', 10, 10],
        ['2026-10-01 00:00:00', 20, 30],
        ['2026-10-15 10:00:00', -5, 25],
        ['2026-11-01 08:00:00', 7, 32],
      ]);
    });

    it("answers 404 to staff outside the owner's scope and for an unknown owner", async () => {
      const outside = await download(`/api/v1/points/accounts/person/${zhao.id}/entries/export`, tokens.secretaryB);
      expectProblem(
        { status: outside.status, headers: outside.headers, body: outside.json() },
        404,
        'resource.not-found',
      );
      const unknown = await download(`/api/v1/points/accounts/person/${randomUUID()}/entries/export`, tokens.admin);
      expectProblem(
        { status: unknown.status, headers: unknown.headers, body: unknown.json() },
        404,
        'resource.not-found',
      );
    });
  });
});
