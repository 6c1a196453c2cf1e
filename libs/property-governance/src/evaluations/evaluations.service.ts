import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopeService, unitPathCondition } from '@linli/platform';
import { PropertyAccess } from '../access/property-access';
import {
  PropertyCompanyRankingDto,
  PropertyEvaluationCampaignDto,
  PropertyEvaluationResultsDto,
} from './dto/property-evaluation.dto';
import { standardRanks } from './evaluation-ranking';
import { CampaignRecord, campaignView, EvaluationsRepository } from './evaluations.repository';
import { EvaluationsCode, EvaluationsException } from './evaluations.exception';

const within = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}.`);

/**
 * Reads of evaluation campaigns. A campaign is seen by staff with property.read at its unit or
 * anywhere inside it, and by owners of a complex inside it; anyone else gets 404. Published scores
 * are public to them: a complex's row to staff in scope and to its owners; the company ranking
 * (aggregates only) to anyone who sees the campaign.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly campaigns: EvaluationsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly access: PropertyAccess,
    private readonly scope: ScopeService,
  ) {}

  async visible(user: AuthenticatedUser, id: string): Promise<CampaignRecord> {
    const campaign = await this.campaigns.readOne(undefined, id);
    if (campaign) {
      const staff = this.scope.scopeFilter(user, Permission.PropertyRead);
      if (staff === 'all' || staff.some((path) => within(path, campaign.unitPath) || within(campaign.unitPath, path)))
        return campaign;
      const owned = user.personId ? await this.access.ownedComplexPaths(user.personId) : [];
      if (owned.some((path) => within(path, campaign.unitPath))) return campaign;
    }
    throw new NotFoundProblem('该物业评价活动');
  }

  async get(user: AuthenticatedUser, id: string): Promise<PropertyEvaluationCampaignDto> {
    return campaignView(await this.visible(user, id));
  }

  private async published(
    user: AuthenticatedUser,
    id: string,
    unitId?: string,
  ): Promise<{ campaign: CampaignRecord; path: string; unitId: string }> {
    const campaign = await this.visible(user, id);
    if (campaign.status !== 'published') throw new EvaluationsException(EvaluationsCode.ResultsNotPublished);
    if (!unitId) return { campaign, path: campaign.unitPath, unitId: campaign.unitId };
    const unit = (await this.directory.units.byIds([unitId])).get(unitId);
    if (!unit || !within(unit.path, campaign.unitPath)) throw new NotFoundProblem('该单位');
    return { campaign, path: unit.path, unitId: unit.id };
  }

  /** Complexes within the unit (default: the campaign's), ranked by score (standard ranks, ties by name). */
  async results(user: AuthenticatedUser, id: string, unitId?: string): Promise<PropertyEvaluationResultsDto> {
    const { path, unitId: at } = await this.published(user, id, unitId);
    const rows = await this.campaigns.results(
      id,
      unitPathCondition('r.unit_path', [path], 'within'),
      await this.access.visibility(user, 'r.unit_path'),
    );
    const names = await this.directory.units.byIds(rows.map((row) => row.complex_id));
    const items = rows.map((row) => ({
      row,
      id: row.complex_id,
      name: names.get(row.complex_id)?.name ?? '',
      score: Number(row.score),
    }));
    const ranks = standardRanks(items);
    items.sort(
      (a, b) => (ranks.get(a.id) as number) - (ranks.get(b.id) as number) || a.name.localeCompare(b.name, 'zh-CN'),
    );
    return {
      campaignId: id,
      unitId: at,
      items: items.map(({ row, id: complexId, name, score }) => ({
        rank: ranks.get(complexId) as number,
        complexId,
        complexName: name,
        companyId: row.company_id,
        companyName: row.company_name,
        score,
        grade: row.grade,
        streetRank: row.street_rank,
        districtRank: row.district_rank,
        raters: row.raters,
      })),
    };
  }

  /** Companies within the unit ranked by the plain mean of their complexes' scores (one SQL). */
  async companyRanking(user: AuthenticatedUser, id: string, unitId?: string): Promise<PropertyCompanyRankingDto> {
    const { path, unitId: at } = await this.published(user, id, unitId);
    const rows = await this.campaigns.companyRanking(id, unitPathCondition('r.unit_path', [path], 'within'));
    return {
      campaignId: id,
      unitId: at,
      items: rows.map((row) => ({
        rank: row.rank,
        companyId: row.company_id,
        companyName: row.company_name,
        score: Number(row.score),
        complexes: row.complexes,
      })),
    };
  }
}
