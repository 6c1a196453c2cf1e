import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  BusinessCalendar,
  Period,
  Permission,
  queryRows,
  ScopeService,
  UnitScope,
  unitPathCondition,
  ValidationProblem,
} from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { DataSource } from 'typeorm';
import { OwnerType } from '../ledger/points-owner';
import { ASSESSMENT_TIER_NAMES, AssessmentTier } from './assessment-tiers';
import { AssessmentPageDto } from './dto/assessment-page.dto';
import { AssessmentQueryDto } from './dto/assessment-query.dto';
import { LeaderboardPageDto } from './dto/leaderboard-page.dto';
import { LeaderboardQueryDto } from './dto/leaderboard-query.dto';

const DEFAULT_LIMIT = 20;

interface AssessmentRow {
  id: string;
  period_key: string;
  owner_type: OwnerType;
  owner_id: string;
  assessment_points: string;
  evaluation_points: number;
  score: string;
  tier: AssessmentTier;
  community_id: string | null;
  street_id: string | null;
  community_rank: number | null;
  street_rank: number | null;
  ineffective: boolean;
  leadership_review: boolean;
  status: 'draft' | 'published';
}

function encode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

function decode(cursor: string | undefined): string | undefined {
  return cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
}

function badCursor(): ValidationProblem {
  return new ValidationProblem([{ field: 'cursor', message: '分页游标无效' }]);
}

/** Reads of assessment results and live leaderboards, limited to the caller's `points.read` scope. */
@Injectable()
export class AssessmentResults {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly calendar: BusinessCalendar,
    private readonly directory: OrganizationDirectory,
  ) {}

  private period(key: string, allowed: Period['granularity'][]): Period {
    try {
      const period = this.calendar.parse(key);
      if (allowed.includes(period.granularity)) return period;
    } catch {
      // reported below
    }
    throw new ValidationProblem([
      {
        field: 'period',
        message: allowed.includes('year') ? '期间须为季度或年度，如 2026Q4、2026' : '考核期须为季度，如 2026Q4',
      },
    ]);
  }

  /** Stored results (draft or published), best score first, filtered by unit subtree, quarter, owner type and tier. */
  async list(user: AuthenticatedUser, query: AssessmentQueryDto): Promise<AssessmentPageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.PointsRead, query.unitId);
    const condition = unitPathCondition('a.unit_path', scope);
    const params: Record<string, unknown> = { ...condition.params };
    const where = [condition.sql];
    if (query.period !== undefined) {
      params.period = this.period(query.period, ['quarter']).key;
      where.push('a.period_key = :period');
    }
    if (query.ownerType !== undefined) {
      params.ownerType = query.ownerType;
      where.push('a.owner_type = :ownerType');
    }
    if (query.tier !== undefined) {
      params.tier = query.tier;
      where.push('a.tier = :tier');
    }
    const after = decode(query.cursor);
    if (after !== undefined) {
      const [period, score, id] = after.split('|');
      if (!/^\d{4}Q[1-4]$/.test(period ?? '') || !/^-?\d+$/.test(score ?? '') || !/^[0-9a-f-]{36}$/.test(id ?? ''))
        throw badCursor();
      Object.assign(params, { afterPeriod: period, afterScore: score, afterId: id });
      where.push(
        '(a.period_key < :afterPeriod OR (a.period_key = :afterPeriod AND (a.score < :afterScore OR (a.score = :afterScore AND a.id > :afterId))))',
      );
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    params.limit = limit + 1;
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT a.*, ap.status
       FROM point_assessments a
       JOIN point_assessment_periods ap ON ap.period_key = a.period_key
       WHERE ${where.join(' AND ')}
       ORDER BY a.period_key DESC, a.score DESC, a.id
       LIMIT :limit`,
      params,
    );
    const rows: AssessmentRow[] = await this.dataSource.query(sql, values);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const names = await this.ownerNames(page);
    return {
      items: page.map((row) => ({
        id: row.id,
        period: row.period_key,
        ownerType: row.owner_type,
        ownerId: row.owner_id,
        ownerName: names.get(`${row.owner_type}:${row.owner_id}`) ?? null,
        assessmentPoints: Number(row.assessment_points),
        evaluationPoints: row.evaluation_points,
        score: Number(row.score),
        tier: row.tier,
        tierName: ASSESSMENT_TIER_NAMES[row.tier],
        communityId: row.community_id,
        streetId: row.street_id,
        communityRank: row.community_rank,
        streetRank: row.street_rank,
        ineffective: row.ineffective,
        leadershipReview: row.leadership_review,
        status: row.status,
      })),
      nextCursor: rows.length > limit && last ? encode(`${last.period_key}|${last.score}|${last.id}`) : null,
    };
  }

  /**
   * Persons or organizations of the caller's scope (or of `unitId`'s subtree) ranked live by the
   * assessment points of a quarter or a year. Within a scope, the owners there are found first
   * (organization's directory, by path), then their entries of the period through
   * `point_entries_account_time_idx`; a deployment-wide scope ranks every account.
   */
  async leaderboard(user: AuthenticatedUser, query: LeaderboardQueryDto): Promise<LeaderboardPageDto> {
    const period = this.period(query.period, ['quarter', 'year']);
    const ownerType: OwnerType = query.ownerType ?? 'person';
    const scope = await this.scope.scopeFilterAt(user, Permission.PointsRead, query.unitId);
    const decoded = decode(query.cursor);
    if (decoded !== undefined && !/^\d{1,9}$/.test(decoded)) throw badCursor();
    const offset = decoded === undefined ? 0 : Number(decoded);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const owners = scope === 'all' ? null : await this.ownersWithin(ownerType, scope);
    const rows = await queryRows<{ owner_id: string; points: string; rank: string; position: string }>(
      this.dataSource.manager,
      `WITH totals AS (
         SELECT a.owner_id, sum(e.amount) AS points
         FROM point_accounts a
         JOIN point_entries e ON e.account_id = a.id AND e.occurred_at >= $2 AND e.occurred_at < $3
         WHERE a.owner_type = $1 AND a.kind = 'assessment' AND ($4::uuid[] IS NULL OR a.owner_id = ANY($4::uuid[]))
         GROUP BY a.owner_id
       ),
       ranked AS (
         SELECT t.*, rank() OVER (ORDER BY t.points DESC) AS rank, row_number() OVER (ORDER BY t.points DESC, t.owner_id) AS position
         FROM totals t
       )
       SELECT * FROM ranked WHERE position > $5 ORDER BY position LIMIT $6`,
      [ownerType, period.start, period.end, owners, offset, limit + 1],
    );
    const page = rows.slice(0, limit);
    const names = await this.ownerNames(page.map((row) => ({ owner_type: ownerType, owner_id: row.owner_id })));
    return {
      period: period.key,
      ownerType,
      items: page.map((row) => ({
        rank: Number(row.rank),
        ownerType,
        ownerId: row.owner_id,
        name: names.get(`${ownerType}:${row.owner_id}`) ?? '',
        points: Number(row.points),
      })),
      nextCursor: rows.length > limit ? encode(String(offset + limit)) : null,
    };
  }

  /** The people residing, or the organizations anchored, within the scope's subtrees. */
  private async ownersWithin(ownerType: OwnerType, scope: Exclude<UnitScope, 'all'>): Promise<string[]> {
    if (ownerType === 'person') return this.directory.people.residentsWithin(scope);
    const ids = new Set<string>();
    for (const path of scope)
      for (const organization of await this.directory.organizations.within(path)) ids.add(organization.id);
    return [...ids];
  }

  /** `ownerType:ownerId` → the person's or the organization's name, one directory read per owner type. */
  private async ownerNames(owners: { owner_type: OwnerType; owner_id: string }[]): Promise<Map<string, string>> {
    const idsOf = (type: OwnerType) => owners.filter((o) => o.owner_type === type).map((o) => o.owner_id);
    const people = await this.directory.people.names(idsOf('person'));
    const organizations = await this.directory.organizations.byIds(idsOf('organization'));
    return new Map([
      ...[...people].map(([id, name]): [string, string] => [`person:${id}`, name]),
      ...[...organizations.values()].map((organization): [string, string] => [
        `organization:${organization.id}`,
        organization.name,
      ]),
    ]);
  }
}
