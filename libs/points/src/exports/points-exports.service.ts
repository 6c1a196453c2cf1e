import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, LinliConfig, queryRows } from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { PointsOwners } from '../accounts/points-owners.service';
import { AssessmentResults } from '../assessment/assessment-results.service';
import { AssessmentResultDto } from '../assessment/dto/assessment-result.dto';
import { AccountKind, PointsOwner } from '../ledger/points-owner';
import { AssessmentExportQueryDto } from './dto/assessment-export-query.dto';
import { EntriesExportQueryDto } from './dto/entries-export-query.dto';
import { ExportCell, ExportTable, MAX_EXPORT_ROWS } from './export-table';

export const ASSESSMENT_EXPORT_HEADERS = [
  '姓名/组织',
  '类型',
  '所属社区',
  '得分',
  '评价分',
  '等次',
  '社区排名',
  '街道排名',
  '标记',
];
export const ENTRIES_EXPORT_HEADERS = ['时间', '账户', '变动', '余额', '事由', '规则', '规则版本'];

const OWNER_TYPE_NAMES = { person: '党员', organization: '党组织' } as const;
const ACCOUNT_KIND_NAMES: Record<AccountKind, string> = { redeemable: '兑换积分', assessment: '考核积分' };
/** Page size when walking the assessment results through their (scope-checked) reader. */
const ASSESSMENT_BATCH = 1000;

interface EntryRow {
  occurred_at: Date;
  kind: AccountKind;
  amount: string;
  balance_after: string;
  reason: string;
  rule_name: string | null;
  rule_version: number | null;
}

/** Builds the assessment and ledger exports from the same scope-checked reads as the JSON endpoints. */
@Injectable()
export class PointsExports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly results: AssessmentResults,
    private readonly owners: PointsOwners,
    private readonly config: LinliConfig,
    private readonly directory: OrganizationDirectory,
  ) {}

  async assessments(user: AuthenticatedUser, query: AssessmentExportQueryDto): Promise<ExportTable> {
    const items: AssessmentResultDto[] = [];
    let cursor: string | undefined;
    let truncated = false;
    for (;;) {
      const page = await this.results.list(user, {
        period: query.period,
        unitId: query.unitId,
        limit: ASSESSMENT_BATCH,
        cursor,
      });
      items.push(...page.items);
      if (items.length >= MAX_EXPORT_ROWS) {
        truncated = items.length > MAX_EXPORT_ROWS || page.nextCursor !== null;
        items.length = Math.min(items.length, MAX_EXPORT_ROWS);
        break;
      }
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    const communities = await this.unitNames(items.map((item) => item.communityId));
    const rows: ExportCell[][] = items.map((item) => [
      item.ownerName,
      OWNER_TYPE_NAMES[item.ownerType],
      item.communityId === null ? null : (communities.get(item.communityId) ?? null),
      item.score,
      item.evaluationPoints,
      item.tierName,
      item.communityRank,
      item.streetRank,
      this.flags(item),
    ]);
    const period = items[0]?.period ?? query.period;
    return {
      fileName: `季度考核结果-${period}`,
      sheetName: `考核结果 ${period}`,
      headers: ASSESSMENT_EXPORT_HEADERS,
      rows,
      truncated,
    };
  }

  /** An owner's entries in `[from, to)`, oldest first, times in the business time zone. */
  async entries(user: AuthenticatedUser, owner: PointsOwner, query: EntriesExportQueryDto): Promise<ExportTable> {
    await this.owners.assertReadable(user, owner);
    const rows = await queryRows<EntryRow>(
      this.dataSource.manager,
      `SELECT e.occurred_at, a.kind, e.amount, e.balance_after, e.reason, v.name AS rule_name, e.rule_version
         FROM point_accounts a
         JOIN point_entries e ON e.account_id = a.id
         LEFT JOIN point_rule_versions v ON v.rule_id = e.rule_id AND v.version = e.rule_version
        WHERE a.owner_type = $1 AND a.owner_id = $2
          AND ($3::varchar IS NULL OR a.kind = $3)
          AND ($4::timestamptz IS NULL OR e.occurred_at >= $4)
          AND ($5::timestamptz IS NULL OR e.occurred_at < $5)
        ORDER BY e.seq
        LIMIT $6`,
      [owner.type, owner.id, query.accountKind ?? null, query.from ?? null, query.to ?? null, MAX_EXPORT_ROWS + 1],
    );
    const truncated = rows.length > MAX_EXPORT_ROWS;
    const table = rows
      .slice(0, MAX_EXPORT_ROWS)
      .map((row): ExportCell[] => [
        DateTime.fromJSDate(row.occurred_at).setZone(this.config.timeZone).toFormat('yyyy-MM-dd HH:mm:ss'),
        ACCOUNT_KIND_NAMES[row.kind],
        Number(row.amount),
        Number(row.balance_after),
        row.reason,
        row.rule_name,
        row.rule_version,
      ]);
    return {
      fileName: `积分流水-${owner.id}`,
      sheetName: '积分流水',
      headers: ENTRIES_EXPORT_HEADERS,
      rows: table,
      truncated,
    };
  }

  private flags(item: AssessmentResultDto): string | null {
    const flags = [
      item.ineffective ? '抓党建工作不力' : null,
      item.leadershipReview ? '转任非领导职务建议' : null,
    ].filter((flag): flag is string => flag !== null);
    return flags.length === 0 ? null : flags.join('；');
  }

  private async unitNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const units = await this.directory.units.byIds(ids.filter((id): id is string => id !== null));
    return new Map([...units.values()].map((unit) => [unit.id, unit.name]));
  }
}
