import { Injectable, Logger } from '@nestjs/common';
import {
  BusinessCalendar,
  Clock,
  NotificationOutbox,
  NotFoundProblem,
  Period,
  queryRows,
  TransactionRunner,
  ValidationProblem,
} from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { DataSource, EntityManager } from 'typeorm';
import { annualEvaluationSql } from '../evaluation/evaluation-annual-scores.service';
import { OwnerType } from '../ledger/points-owner';
import { AssessmentCode, AssessmentException } from './assessment.exception';
import { AssessmentTemplate } from './assessment-templates';
import { AssessmentThresholds, DEFAULT_ASSESSMENT_THRESHOLDS, tierSql } from './assessment-tiers';

export interface AssessmentRunSummary {
  period: string;
  persons: number;
  organizations: number;
  belowStandard: number;
  ineffective: number;
  leadershipReview: number;
  notified: number;
}

export interface PublishedPeriod {
  period: string;
  status: 'published';
  publishedAt: Date;
  results: number;
}

/** Who is assessed, as parallel arrays for `unnest`: every party member (their person) and every party organization. */
interface AssessedOwners {
  ownerTypes: OwnerType[];
  ownerIds: string[];
  /** A member's residence path, an organization's anchor path. */
  unitPaths: string[];
  /** The community and street of each path, when it lies that deep. */
  communityIds: (string | null)[];
  streetIds: (string | null)[];
}

/**
 * One set-based statement scores, tiers, ranks and flags every party member and party organization
 * of the quarter: $1 period key, $2/$3 the quarter's [start, end), $4–$9 the thresholds (person,
 * then organization: excellent, good, pass), $10 the previous quarter's key, $11 computed at,
 * $12 the year whose two-way evaluation counts (Q4 only), $13–$17 the owners (`AssessedOwners`).
 */
const ASSESS_SQL = `
  WITH thresholds (owner_type, excellent, good, pass) AS (
    VALUES ('person', $4::bigint, $5::bigint, $6::bigint), ('organization', $7::bigint, $8::bigint, $9::bigint)
  ),
  owners AS (
    SELECT * FROM unnest($13::varchar[], $14::uuid[], $15::text[], $16::uuid[], $17::uuid[]) AS o(owner_type, owner_id, unit_path, community_id, street_id)
  ),
  earned AS (
    SELECT a.owner_type, a.owner_id, sum(e.amount) AS points
    FROM point_accounts a JOIN point_entries e ON e.account_id = a.id
    WHERE a.kind = 'assessment' AND e.occurred_at >= $2 AND e.occurred_at < $3
    GROUP BY a.owner_type, a.owner_id
  ),
  scored AS (
    SELECT o.owner_type, o.owner_id, o.unit_path, o.community_id, o.street_id,
           COALESCE(ea.points, 0) AS assessment_points, COALESCE(ev.points, 0) AS evaluation_points, COALESCE(ea.points, 0) + COALESCE(ev.points, 0) AS score
    FROM owners o
    LEFT JOIN earned ea ON ea.owner_type = o.owner_type AND ea.owner_id = o.owner_id
    LEFT JOIN (${annualEvaluationSql('$12')}) ev ON ev.owner_type = o.owner_type AND ev.owner_id = o.owner_id
  ),
  tiered AS (
    SELECT s.*,
           ${tierSql('s.score', { excellent: 't.excellent', good: 't.good', pass: 't.pass' })} AS tier,
           CASE WHEN s.community_id IS NULL THEN NULL ELSE rank() OVER (PARTITION BY s.owner_type, s.community_id ORDER BY s.score DESC) END AS community_rank,
           CASE WHEN s.street_id IS NULL THEN NULL ELSE rank() OVER (PARTITION BY s.owner_type, s.street_id ORDER BY s.score DESC) END AS street_rank
    FROM scored s JOIN thresholds t ON t.owner_type = s.owner_type
  )
  INSERT INTO point_assessments (period_key, owner_type, owner_id, unit_path, community_id, street_id, assessment_points, evaluation_points, score, tier,
                                 community_rank, street_rank, ineffective, leadership_review, computed_at)
  SELECT $1, t.owner_type, t.owner_id, t.unit_path, t.community_id, t.street_id, t.assessment_points, t.evaluation_points, t.score, t.tier,
         t.community_rank, t.street_rank,
         t.owner_type = 'organization' AND t.tier = 'below_standard',
         t.owner_type = 'organization' AND t.tier = 'below_standard' AND EXISTS (
           SELECT 1 FROM point_assessments prev
           WHERE prev.period_key = $10 AND prev.owner_type = 'organization' AND prev.owner_id = t.owner_id AND prev.ineffective),
         $11
  FROM tiered t`;

/** The quarterly 双积分 assessment: computes a quarter's draft results (replacing them wholly), publishes them. */
@Injectable()
export class QuarterlyAssessment {
  private readonly logger = new Logger(QuarterlyAssessment.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
    private readonly notifications: NotificationOutbox,
    private readonly directory: OrganizationDirectory,
  ) {}

  /** A quarter key (`2026Q4`) as a period; 400 for anything else. */
  quarter(key: string): Period {
    let period: Period | undefined;
    try {
      period = this.calendar.parse(key);
    } catch {
      period = undefined;
    }
    if (!period || period.granularity !== 'quarter')
      throw new ValidationProblem([{ field: 'period', message: '考核期须为季度，如 2026Q4' }]);
    return period;
  }

  /** The tier thresholds in force: the deployment's rows over the defaults. */
  async thresholds(): Promise<Record<OwnerType, AssessmentThresholds>> {
    const rows: { owner_type: OwnerType; excellent: number; good: number; pass: number }[] =
      await this.dataSource.query('SELECT owner_type, excellent, good, pass FROM point_assessment_thresholds');
    const result = { ...DEFAULT_ASSESSMENT_THRESHOLDS };
    for (const row of rows) result[row.owner_type] = { excellent: row.excellent, good: row.good, pass: row.pass };
    return result;
  }

  /**
   * Computes the quarter's results, replacing any draft results wholly; refuses (409
   * `points.assessment-published`) once the quarter is published. Then notifies the secretary of
   * every ineffective organization (deduplicated per organization and quarter).
   */
  async assess(period: Period): Promise<AssessmentRunSummary> {
    if (period.granularity !== 'quarter') throw new Error(`the assessment covers quarters, not ${period.key}`);
    const thresholds = await this.thresholds();
    const previous = this.calendar.previousPeriodOf(period.start, 'quarter');
    const result = await this.transactions.run(async (manager) => {
      await manager.query(
        'INSERT INTO point_assessment_periods (period_key) VALUES ($1) ON CONFLICT (period_key) DO NOTHING',
        [period.key],
      );
      const [state] = await queryRows<{ status: string }>(
        manager,
        'SELECT status FROM point_assessment_periods WHERE period_key = $1 FOR UPDATE',
        [period.key],
      );
      if (state.status === 'published')
        throw new AssessmentException(AssessmentCode.AssessmentPublished, { extensions: { period: period.key } });
      await manager.query('DELETE FROM point_assessments WHERE period_key = $1', [period.key]);
      const p = thresholds.person;
      const o = thresholds.organization;
      const owners = await this.assessedOwners(manager);
      await manager.query(ASSESS_SQL, [
        period.key,
        period.start,
        period.end,
        p.excellent,
        p.good,
        p.pass,
        o.excellent,
        o.good,
        o.pass,
        previous.key,
        this.clock.now(),
        period.key.endsWith('Q4') ? Number(period.key.slice(0, 4)) : null,
        owners.ownerTypes,
        owners.ownerIds,
        owners.unitPaths,
        owners.communityIds,
        owners.streetIds,
      ]);
      await manager.query('UPDATE point_assessment_periods SET computed_at = $2 WHERE period_key = $1', [
        period.key,
        this.clock.now(),
      ]);
      const [counts] = await queryRows<
        Record<'persons' | 'organizations' | 'below_standard' | 'ineffective' | 'leadership_review', string>
      >(
        manager,
        `SELECT count(*) FILTER (WHERE owner_type = 'person') AS persons, count(*) FILTER (WHERE owner_type = 'organization') AS organizations,
                count(*) FILTER (WHERE tier = 'below_standard') AS below_standard, count(*) FILTER (WHERE ineffective) AS ineffective,
                count(*) FILTER (WHERE leadership_review) AS leadership_review
         FROM point_assessments WHERE period_key = $1`,
        [period.key],
      );
      // In the run's transaction: the notices are sent once the results commit, never for a failed run.
      return { counts, notified: await this.notifyIneffective(manager, period.key) };
    });
    const { counts: summary, notified } = result;
    this.logger.log(
      `assessment ${period.key}: ${summary.persons} members, ${summary.organizations} organizations, ${summary.ineffective} ineffective`,
    );
    return {
      period: period.key,
      persons: Number(summary.persons),
      organizations: Number(summary.organizations),
      belowStandard: Number(summary.below_standard),
      ineffective: Number(summary.ineffective),
      leadershipReview: Number(summary.leadership_review),
      notified,
    };
  }

  /** Whether a quarter's results are published (and so immutable). */
  async isPublished(period: Period): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM point_assessment_periods WHERE period_key = $1 AND status = 'published'`,
      [period.key],
    );
    return rows.length > 0;
  }

  /** Makes a computed quarter's results immutable; 404 if it was never computed, 409 if already published. */
  async publish(period: Period, userId: string): Promise<PublishedPeriod> {
    return this.transactions.run(async (manager) => {
      const [state] = await queryRows<{ status: string }>(
        manager,
        'SELECT status FROM point_assessment_periods WHERE period_key = $1 FOR UPDATE',
        [period.key],
      );
      if (!state) throw new NotFoundProblem('该季度考核结果');
      if (state.status === 'published')
        throw new AssessmentException(AssessmentCode.AssessmentPublished, {
          detail: '该季度考核结果已发布',
          extensions: { period: period.key },
        });
      const publishedAt = this.clock.now();
      await manager.query(
        `UPDATE point_assessment_periods SET status = 'published', published_at = $2, published_by = $3 WHERE period_key = $1`,
        [period.key, publishedAt, userId],
      );
      const [count] = await queryRows<{ n: string }>(
        manager,
        'SELECT count(*) AS n FROM point_assessments WHERE period_key = $1',
        [period.key],
      );
      return { period: period.key, status: 'published', publishedAt, results: Number(count.n) };
    });
  }

  /**
   * Every party member and party organization from organization's directory, one read each per
   * city (the roots of the tree), with the community and street of their paths. The results keep a
   * copy of those paths: the roots are anchored, so that no subtree move slips in before commit.
   */
  private async assessedOwners(manager: EntityManager): Promise<AssessedOwners> {
    const cities = await this.directory.units.allOfKinds(['city'], manager);
    await this.directory.units.anchorMany(
      manager,
      cities.map((city) => city.id),
    );
    const owners: AssessedOwners = { ownerTypes: [], ownerIds: [], unitPaths: [], communityIds: [], streetIds: [] };
    const add = (type: OwnerType, id: string, path: string) => {
      owners.ownerTypes.push(type);
      owners.ownerIds.push(id);
      owners.unitPaths.push(path);
    };
    for (const city of cities) {
      for (const member of await this.directory.people.membersWithin(city.path, manager))
        add('person', member.personId, member.residencePath);
      for (const organization of await this.directory.organizations.within(city.path, manager))
        add('organization', organization.id, organization.unitPath);
    }
    const communities = await this.directory.units.enclosing(owners.unitPaths, 'community', manager);
    const streets = await this.directory.units.enclosing(owners.unitPaths, 'street', manager);
    for (const path of owners.unitPaths) {
      owners.communityIds.push(communities.get(path)?.id ?? null);
      owners.streetIds.push(streets.get(path)?.id ?? null);
    }
    return owners;
  }

  /**
   * Requests, in the run's transaction, a notice to the current secretary of every ineffective
   * organization of the quarter (organizations without one are skipped); deduplicated per
   * organization and quarter, so that recomputes do not notify twice.
   */
  private async notifyIneffective(manager: EntityManager, periodKey: string): Promise<number> {
    const rows = await queryRows<{ organization_id: string; score: string; leadership_review: boolean }>(
      manager,
      `SELECT owner_id AS organization_id, score, leadership_review FROM point_assessments WHERE period_key = $1 AND owner_type = 'organization' AND ineffective`,
      [periodKey],
    );
    const organizations = await this.directory.organizations.byIds(
      rows.map((row) => row.organization_id),
      manager,
    );
    const notices = rows.flatMap((row) => {
      const organization = organizations.get(row.organization_id);
      if (!organization?.secretaryPersonId) return [];
      return [
        {
          recipient: { personId: organization.secretaryPersonId },
          templateKey: AssessmentTemplate.Ineffective,
          data: {
            period: periodKey,
            organizationName: organization.name,
            score: Number(row.score),
            leadershipReview: row.leadership_review,
          },
          dedupeKey: `${AssessmentTemplate.Ineffective}:${row.organization_id}:${periodKey}`,
        },
      ];
    });
    await this.notifications.request(manager, notices);
    return notices.length;
  }
}
