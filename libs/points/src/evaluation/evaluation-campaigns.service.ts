import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  queryRows,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
  ValidationProblem,
} from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { DataSource, EntityManager } from 'typeorm';
import { LedgerCode, LedgerException } from '../ledger/ledger.exception';
import { CreateEvaluationCampaignDto } from './dto/create-evaluation-campaign.dto';
import { EvaluationCampaignDto } from './dto/evaluation-campaign.dto';
import { EvaluationCampaignListDto } from './dto/evaluation-campaign-list.dto';
import { EvaluationResultListDto } from './dto/evaluation-result.dto';
import { EvaluationSubmissionDto } from './dto/evaluation-submission.dto';
import { SubmitEvaluationDto } from './dto/submit-evaluation.dto';
import { EvaluationAssignments } from './evaluation-assignments';
import { EvaluationCode, EvaluationException } from './evaluation.exception';
import { criteriaProblems, EvaluationCriterion, weightedScore } from './evaluation-scoring';

interface CampaignRow {
  id: string;
  year: number;
  name: string;
  unit_id: string;
  unit_path: string;
  criteria: EvaluationCriterion[];
  opens_at: Date | null;
  closes_at: Date | null;
  created_at: Date;
}

interface CountsRow {
  campaign_id: string;
  total: string;
  submitted: string;
  member: string;
  organization: string;
  community: string;
}

const COUNTS_SQL = `
  SELECT a.campaign_id, count(*) AS total, count(s.id) AS submitted,
         count(*) FILTER (WHERE a.ratee_type = 'person') AS member,
         count(*) FILTER (WHERE a.rater_type = 'community' AND a.ratee_type = 'organization') AS organization,
         count(*) FILTER (WHERE a.rater_type = 'organization') AS community
  FROM point_evaluation_assignments a LEFT JOIN point_evaluation_submissions s ON s.assignment_id = a.id
  WHERE a.campaign_id = ANY($1::uuid[])
  GROUP BY a.campaign_id`;

/**
 * Two-way evaluation campaigns (双向评价). Managing a campaign and submitting for a rater need
 * `points.adjust` (secretaries, admins) at the campaign's unit and at the rater's unit respectively;
 * reading needs `points.read` at the campaign's unit. Out of scope answers 404.
 */
@Injectable()
export class EvaluationCampaigns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly directory: OrganizationDirectory,
    private readonly references: ScopedReferences,
    private readonly assignments: EvaluationAssignments,
  ) {}

  async create(user: AuthenticatedUser, body: CreateEvaluationCampaignDto): Promise<EvaluationCampaignDto> {
    const criteria: EvaluationCriterion[] = body.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      weight: c.weight,
    }));
    const problems = criteriaProblems(criteria);
    if (body.opensAt && body.closesAt && new Date(body.closesAt) <= new Date(body.opensAt))
      problems.push({ field: 'closesAt', message: '截止时间须晚于开始时间' });
    if (problems.length > 0) throw new ValidationProblem(problems);
    await this.references.reachOne(user, Permission.PointsAdjust, 'unit', body.unitId);
    const id = await this.transactions.run(async (manager) => {
      // The campaign and its assignments keep copies of unit paths: anchored, so that no subtree move slips in before commit.
      const { path: unitPath } = await this.directory.units.anchor(manager, body.unitId);
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO point_evaluation_campaigns (year, name, unit_id, unit_path, criteria, opens_at, closes_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          body.year,
          body.name,
          body.unitId,
          unitPath,
          JSON.stringify(criteria),
          body.opensAt ?? null,
          body.closesAt ?? null,
          user.userId,
          this.clock.now(),
        ],
      );
      await this.assignments.generate(manager, row.id, unitPath);
      await this.audit.record(
        {
          action: 'points.evaluation-campaign.created',
          targetType: 'point_evaluation_campaign',
          targetId: row.id,
          unitId: body.unitId,
          unitPath,
          data: { year: body.year, name: body.name },
        },
        manager,
      );
      return row.id;
    });
    return this.get(user, id, Permission.PointsAdjust);
  }

  async list(user: AuthenticatedUser, year?: number): Promise<EvaluationCampaignListDto> {
    // Campaigns are few (one per district or street and year), so the scope is checked in memory.
    const rows: CampaignRow[] = await this.dataSource.query(
      'SELECT * FROM point_evaluation_campaigns WHERE ($1::int IS NULL OR year = $1) ORDER BY year DESC, created_at DESC, id',
      [year ?? null],
    );
    const visible = rows.filter((row) => this.scope.canReach(user, Permission.PointsRead, row.unit_path));
    return { items: await this.present(visible) };
  }

  async get(
    user: AuthenticatedUser,
    id: string,
    permission: Permission = Permission.PointsRead,
  ): Promise<EvaluationCampaignDto> {
    const row = await this.campaign(user, id, permission);
    const [dto] = await this.present([row]);
    return dto;
  }

  /** One submission per assignment: a second is refused with 409 `points.evaluation-submitted`. */
  async submit(
    user: AuthenticatedUser,
    campaignId: string,
    body: SubmitEvaluationDto,
  ): Promise<EvaluationSubmissionDto> {
    const campaign = await this.campaign(user, campaignId, Permission.PointsRead, true);
    const [assignment] = await queryRows<{
      id: string;
      rater_type: 'community' | 'organization';
      rater_id: string;
      rater_path: string;
      ratee_type: 'person' | 'organization' | 'community';
      ratee_id: string;
    }>(
      this.dataSource.manager,
      'SELECT id, rater_type, rater_id, rater_path, ratee_type, ratee_id FROM point_evaluation_assignments WHERE id = $1 AND campaign_id = $2',
      [body.assignmentId, campaign.id],
    );
    if (!assignment) throw new NotFoundProblem('该评价任务');
    this.scope.assertCanReach(user, Permission.PointsAdjust, assignment.rater_path, '该评价任务');
    await this.refuseSelf(user, assignment);
    const raterUnitId =
      assignment.rater_type === 'community'
        ? assignment.rater_id
        : ((await this.directory.organizations.byIds([assignment.rater_id])).get(assignment.rater_id)?.unitId ?? null);
    const now = this.clock.now();
    if (
      (campaign.opens_at && now < new Date(campaign.opens_at)) ||
      (campaign.closes_at && now >= new Date(campaign.closes_at))
    ) {
      throw new EvaluationException(EvaluationCode.EvaluationClosed);
    }
    const score = weightedScore(campaign.criteria, body.scores);
    return this.transactions.run(async (manager) => {
      const [row] = await queryRows<{ id: string; submitted_at: Date }>(
        manager,
        `INSERT INTO point_evaluation_submissions (assignment_id, campaign_id, scores, weighted_score, comment, submitted_by, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (assignment_id) DO NOTHING RETURNING id, submitted_at`,
        [assignment.id, campaign.id, JSON.stringify(body.scores), score, body.comment ?? null, user.userId, now],
      );
      if (!row) throw new EvaluationException(EvaluationCode.EvaluationSubmitted);
      await this.audit.record(
        {
          action: 'points.evaluation.submitted',
          targetType: 'point_evaluation_submission',
          targetId: row.id,
          unitId: raterUnitId,
          unitPath: assignment.rater_path,
          data: { campaignId: campaign.id, assignmentId: assignment.id, weightedScore: score },
        },
        manager,
      );
      return {
        id: row.id,
        assignmentId: assignment.id,
        scores: body.scores,
        weightedScore: score,
        comment: body.comment ?? null,
        submittedAt: row.submitted_at,
      };
    });
  }

  /**
   * A score feeds the ratee's assessment (evaluation points): no one scores themselves, nor the
   * organization they are the current secretary of (403 `points.self-authorization`).
   */
  private async refuseSelf(
    user: AuthenticatedUser,
    assignment: { ratee_type: 'person' | 'organization' | 'community'; ratee_id: string },
  ): Promise<void> {
    if (!user.personId || assignment.ratee_type === 'community') return;
    const own =
      assignment.ratee_type === 'person'
        ? assignment.ratee_id === user.personId
        : (await this.directory.organizations.byIds([assignment.ratee_id])).get(assignment.ratee_id)
            ?.secretaryPersonId === user.personId;
    if (own)
      throw new LedgerException(LedgerCode.SelfAuthorization, {
        detail: '不能为本人或本人任书记的党组织评分',
        extensions: { rateeType: assignment.ratee_type, rateeId: assignment.ratee_id },
      });
  }

  /** Per rated owner: assignments, submissions received and their mean weighted score, best first. */
  async results(user: AuthenticatedUser, campaignId: string): Promise<EvaluationResultListDto> {
    const campaign = await this.campaign(user, campaignId, Permission.PointsRead);
    const rows: {
      ratee_type: string;
      ratee_id: string;
      assignments: string;
      submissions: string;
      score: string | null;
    }[] = await this.dataSource.query(
      `SELECT a.ratee_type, a.ratee_id, count(*) AS assignments, count(s.id) AS submissions, round(avg(s.weighted_score), 2) AS score
       FROM point_evaluation_assignments a LEFT JOIN point_evaluation_submissions s ON s.assignment_id = a.id
       WHERE a.campaign_id = $1
       GROUP BY a.ratee_type, a.ratee_id
       ORDER BY score DESC NULLS LAST, a.ratee_type, a.ratee_id`,
      [campaign.id],
    );
    return {
      items: rows.map((r) => ({
        rateeType: r.ratee_type,
        rateeId: r.ratee_id,
        assignments: Number(r.assignments),
        submissions: Number(r.submissions),
        score: r.score === null ? null : Number(r.score),
      })),
    };
  }

  private async campaign(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    anyGrant = false,
  ): Promise<CampaignRow> {
    const [row] = await queryRows<CampaignRow>(
      this.dataSource.manager,
      'SELECT * FROM point_evaluation_campaigns WHERE id = $1',
      [id],
    );
    if (!row) throw new NotFoundProblem('该评价活动');
    // A rater (e.g. an agency organization's secretary) may sit outside the campaign's unit: the assignment's rater unit is checked instead.
    if (!anyGrant) this.scope.assertCanReach(user, permission, row.unit_path, '该评价活动');
    return row;
  }

  private async present(rows: CampaignRow[]): Promise<EvaluationCampaignDto[]> {
    if (rows.length === 0) return [];
    const counts: CountsRow[] = await this.dataSource.query(COUNTS_SQL, [rows.map((r) => r.id)]);
    const byCampaign = new Map(counts.map((c) => [c.campaign_id, c]));
    return rows.map((row) => {
      const c = byCampaign.get(row.id);
      return {
        id: row.id,
        year: row.year,
        name: row.name,
        unitId: row.unit_id,
        criteria: row.criteria,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        createdAt: row.created_at,
        assignments: {
          total: Number(c?.total ?? 0),
          submitted: Number(c?.submitted ?? 0),
          communityRatesMember: Number(c?.member ?? 0),
          communityRatesOrganization: Number(c?.organization ?? 0),
          organizationRatesCommunity: Number(c?.community ?? 0),
        },
      };
    });
  }
}
